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

    static func read(_ content: [Unicode.Scalar]) -> [CitationItem]? {
        var s = ParentheticalCitationParser.trim(content)
        // `[см. 5]`, `[see 3, p. 4]`: the prefix goes on the first item.
        var prefix: String?
        if let p = ParentheticalCitationParser.prefixLength(s) {
            prefix = ParentheticalCitationParser.text(s[0..<p])
            s = Array(s[p...])
        }
        var items: [CitationItem] = []
        defer { if !items.isEmpty { items[0].prefix = prefix } }
        for group in s.split(separator: ";", omittingEmptySubsequences: false) {
            var first = true
            for rawPart in group.split(separator: ",", omittingEmptySubsequences: false) {
                let part = ParentheticalCitationParser.trim(Array(rawPart))
                guard !part.isEmpty else { return nil }
                if let refs = references(part) {
                    items.append(contentsOf: refs.map { CitationItem(ref: $0) })
                } else if !first, !items.isEmpty, items[items.count - 1].locator == nil, items[items.count - 1].year == nil {
                    if let p = LocatorParser.prefixLength(part, at: 0) {
                        let pages = LocatorParser.skipSpaces(part, p)
                        guard LocatorParser.pagesLength(part, at: pages) == part.count - pages else { return nil }
                        items[items.count - 1].locator = ParentheticalCitationParser.text(part[...])
                    } else if let n = LocatorParser.yearLength(part, at: 0), n == part.count, n > 5 {
                        items[items.count - 1].year = ParentheticalCitationParser.text(part[...])
                    } else {
                        return nil
                    }
                } else {
                    return nil
                }
                first = false
            }
        }
        return items.isEmpty ? nil : items
    }

    /// `13` or `3-5` (every number of the range).
    private static func references(_ part: [Unicode.Scalar]) -> [Int]? {
        let d = LocatorParser.digitRun(part, at: 0)
        guard d > 0, d <= 3, part[0] != "0", let low = Int(ParentheticalCitationParser.text(part[0..<d])) else { return nil }
        if d == part.count { return [low] }
        guard part[d] == "-" || part[d] == "–" else { return nil }
        let e = LocatorParser.digitRun(part, at: d + 1)
        guard e > 0, e <= 3, d + 1 + e == part.count, let high = Int(ParentheticalCitationParser.text(part[(d + 1)...])),
              high > low, high - low <= 50, high <= maxReference
        else { return nil }
        return Array(low...high)
    }
}
