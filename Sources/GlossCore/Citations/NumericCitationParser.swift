/// Reads the normalised content of a square bracket (without the brackets) as a numeric citation:
/// `3`, `3-5`, `13, 16`, `8, s.229`, `12, с. 45`, `6, 16 may 1997`, `10, 19 Ekim 1994; 11, s.450-451`.
///
/// After a reference number, a part with a page prefix (`s.`, `p.`, `с.`) is its locator (kept as
/// written, prefix included), a date is its year, and a bare number is another reference: texts in
/// this style write pages with a prefix. A range `3-5` cites every reference in it. Anything else
/// (`[sic]`, `[1995]`, `[…]`) is not a citation. A prefix (`см.`, `see`, `bkz.`) may open the bracket.
enum NumericCitationParser {
    /// The largest reference number believed; larger numbers are years or quantities.
    static let maxReference = 999

    static func read(_ content: LocatorParser.Scalars) -> [CitationItem]? {
        var s = ParentheticalCitationParser.trim(content)
        // `[см. 5]`, `[see 3, p. 4]`: the prefix goes on the first item.
        var prefix: String?
        if let p = ParentheticalCitationParser.prefixLength(s) {
            prefix = ParentheticalCitationParser.text(s.part(0..<p))
            s = s.part(p..<s.count)
        }
        var items: [CitationItem] = []
        // Room for a reference a part (ranges may add more).
        items.reserveCapacity(1 + s.reduce(0) { $1 == "," || $1 == ";" ? $0 + 1 : $0 })
        // Parts separated by `,` within groups separated by `;`.
        var start = 0
        var first = true
        while start <= s.count {
            var end = start
            while end < s.count, s[end] != ",", s[end] != ";" { end += 1 }
            let part = ParentheticalCitationParser.trim(s.part(start..<end))
            guard !part.isEmpty else { return nil }
            if let (low, high) = references(part) {
                for ref in low...high { items.append(CitationItem(ref: ref)) }
            } else if let (ref, pages) = referenceWithPages(part) {
                items.append(CitationItem(locator: ParentheticalCitationParser.text(part.part(pages..<part.count)), ref: ref))
            } else if !first, !items.isEmpty, items[items.count - 1].locator == nil, items[items.count - 1].year == nil {
                if let p = LocatorParser.prefixLength(part, at: 0) {
                    let pages = LocatorParser.skipSpaces(part, p)
                    guard LocatorParser.pagesLength(part, at: pages) == part.count - pages else { return nil }
                    items[items.count - 1].locator = ParentheticalCitationParser.text(part)
                } else if let n = LocatorParser.yearLength(part, at: 0), n == part.count, n > 5 {
                    items[items.count - 1].year = ParentheticalCitationParser.text(part)
                } else {
                    return nil
                }
            } else {
                return nil
            }
            first = end < s.count && s[end] == ";"
            start = end + 1
        }
        guard !items.isEmpty else { return nil }
        items[0].prefix = prefix
        return items
    }

    /// `13` or `3-5` (every number of the range), as the first and last reference.
    private static func references(_ part: LocatorParser.Scalars) -> (Int, Int)? {
        let d = LocatorParser.digitRun(part, at: 0)
        guard d > 0, d <= 3, part[0] != "0" else { return nil }
        let low = number(part.part(0..<d))
        if d == part.count { return (low, low) }
        guard part[d] == "-" || part[d] == "–" else { return nil }
        let e = LocatorParser.digitRun(part, at: d + 1)
        guard e > 0, e <= 3, d + 1 + e == part.count else { return nil }
        let high = number(part.part((d + 1)..<part.count))
        guard high > low, high - low <= 50, high <= maxReference else { return nil }
        return (low, high)
    }

    /// `44. S. 7`: a reference number, a full stop and its pages; the number and where the pages start.
    private static func referenceWithPages(_ part: LocatorParser.Scalars) -> (Int, Int)? {
        let d = LocatorParser.digitRun(part, at: 0)
        guard d > 0, d <= 3, part[0] != "0", d < part.count, part[d] == "." else { return nil }
        let pages = LocatorParser.skipSpaces(part, d + 1)
        guard pages > d + 1, let p = LocatorParser.prefixLength(part, at: pages) else { return nil }
        let digits = LocatorParser.skipSpaces(part, pages + p)
        guard LocatorParser.pagesLength(part, at: digits) == part.count - digits else { return nil }
        return (number(part.part(0..<d)), pages)
    }

    /// The value of at most three ASCII digits.
    private static func number(_ digits: LocatorParser.Scalars) -> Int {
        digits.reduce(0) { $0 * 10 + Int($1.value - 0x30) }
    }
}
