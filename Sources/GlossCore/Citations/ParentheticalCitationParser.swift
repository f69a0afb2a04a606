/// Reads the normalised content of a parenthesis (without the parentheses) as an author-date citation.
///
/// Items are separated by `;`. An item is an optional prefix (`bkz.`, `see`, `cf.`), an author as
/// written (`Naciyev ve Gasımlı`, `Smith & Jones`, `Yılmaz vd.`, `Anadolu Ajansı`), a comma (or a
/// space), a year or date (`2021a`, `01.02.2000`, `t.y.`) and an optional locator after `:`, `.`,
/// or `, s.`/`, p.`/`, с.`… Anything else in the parenthesis means it is not a citation.
enum ParentheticalCitationParser {
    enum Reading: Equatable {
        /// `(Author, 2020: 3; Other, 2021)`
        case citation([CitationItem])
        /// `(Kuzio, Taras, “Geopolitical,104)`: an author and a locator around a title, no year.
        case malformed(CitationItem)
        /// `(2021: 57-58)`: a year and locator only; a narrative citation if an author precedes it.
        case yearOnly(CitationItem)
    }

    typealias Scalars = LocatorParser.Scalars

    /// Prefixes that may open an item, lower-cased.
    static let prefixes = ScalarForms(["bkz.", "bkz:", "bk.", "bakınız", "bax:", "bax", "see also", "see, e.g.,", "see e.g.,",
                                       "see", "cf.", "e.g.,", "e.g.", "i.e.,", "reviewed in", "reviewed by", "review in",
                                       "for a review, see", "for review, see", "for review see", "for reviews, see",
                                       "vgl.", "örn.", "örneğin", "aktaran", "akt.", "ayrıca bkz.", "qarş.", "см. также",
                                       "см.", "ср.", "цит. по:", "цит. по"])

    static func read(_ content: Scalars) -> Reading? {
        let trimmed = trim(content)
        guard !trimmed.isEmpty else { return nil }
        if let year = yearOnly(trimmed) { return .yearOnly(year) }
        // Most parentheses hold one item: read it without splitting.
        guard trimmed.contains(where: isPartSeparator) else {
            if let read = authorDates(trimmed) { return .citation(read) }
            if let read = MixedParenthesis.items(trimmed) { return .citation(read) }
            return malformed(trimmed).map { .malformed($0) }
        }
        return MixedParenthesis.parts(trimmed).map { .citation($0) }
    }

    /// What separates the parts of a parenthesis: `;`, and square brackets inside it
    /// (`(the “X” model [Smith, 2008])`).
    static func isPartSeparator(_ c: Unicode.Scalar) -> Bool {
        c == ";" || c == "[" || c == "]"
    }

    /// `2021`, `2021: 57-58`, `2019, p. 4`.
    static func yearOnly(_ s: Scalars) -> CitationItem? {
        guard let n = LocatorParser.yearLength(s, at: 0),
              let locator = LocatorParser.locatorAfterYear(s, from: n, yearIsPlain: n <= 5)
        else { return nil }
        return CitationItem(year: text(s.part(0..<n)), locator: locator)
    }

    /// One author-date item.
    static func authorDate(_ item: Scalars) -> CitationItem? {
        guard let items = authorDates(item), items.count == 1 else { return nil }
        return items[0]
    }

    /// One author with one or more years: `Smith, 2019`, `Smith, 2019a, 2019b: 4` (an item a year,
    /// the locator on the last).
    static func authorDates(_ item: Scalars) -> [CitationItem]? {
        var s = item
        var prefix: String?
        if let p = prefixLength(s) {
            prefix = text(s.part(0..<p))
            s = trim(s.part(p..<s.count))
        }
        // The year is the first year token after a separator that leaves a valid author before it.
        var k = 1
        while k < s.count {
            defer { k += 1 }
            guard s[k - 1] == " " || s[k - 1] == "," else { continue }
            guard let n = LocatorParser.yearLength(s, at: k) else { continue }
            var authorEnd = k
            while authorEnd > 0, s[authorEnd - 1] == " " { authorEnd -= 1 }
            if authorEnd > 0, s[authorEnd - 1] == "," { authorEnd -= 1 }
            let author = trim(s.part(0..<authorEnd))
            guard AuthorName.isAuthor(author) else { continue }
            // `(June 2025)`, `(Haziran 2023)`: a date, not an author and a year.
            if s[authorEnd] != ",", MonthNames.isDate(author) { return nil }
            // Further years after commas: `2019a, 2019b`.
            var last = k..<(k + n)
            var years = 1
            while let next = nextYear(s, after: last) {
                last = next
                years += 1
            }
            guard let locator = LocatorParser.locatorAfterYear(s, from: last.upperBound, yearIsPlain: last.count <= 5) else { continue }
            let name = text(author)
            var year = k..<(k + n)
            var items = [CitationItem(author: name, year: text(s.part(year)), locator: years == 1 ? locator : nil, prefix: prefix)]
            for index in 1..<years {
                year = nextYear(s, after: year)!
                items.append(CitationItem(author: name, year: text(s.part(year)), locator: index == years - 1 ? locator : nil))
            }
            return items
        }
        return nil
    }

    /// The further year after `year` and a comma (`2019a, 2019b`), if there is one.
    static func nextYear(_ s: Scalars, after year: Range<Int>) -> Range<Int>? {
        let comma = LocatorParser.skipSpaces(s, year.upperBound)
        guard comma < s.count, s[comma] == "," else { return nil }
        let next = LocatorParser.skipSpaces(s, comma + 1)
        guard let m = LocatorParser.yearLength(s, at: next), m <= 5, LocatorParser.digitRun(s, at: next) == 4 else { return nil }
        return next..<(next + m)
    }

    /// `Kuzio, Taras, “Geopolitical,104`: an author, a quoted title fragment where the year should be,
    /// and a page.
    static func malformed(_ s: Scalars) -> CitationItem? {
        guard let quote = s.firstIndex(where: { $0 == "“" || $0 == "\"" || $0 == "«" || $0 == "„" }), quote > 0 else { return nil }
        var authorEnd = quote
        while authorEnd > 0, s[authorEnd - 1] == " " || s[authorEnd - 1] == "," { authorEnd -= 1 }
        let author = s.part(0..<authorEnd)
        guard AuthorName.isAuthor(author) else { return nil }
        var pageStart = s.count
        while pageStart > quote, LocatorParser.digitRun(s, at: pageStart - 1) > 0 || s[pageStart - 1] == "-" { pageStart -= 1 }
        guard pageStart < s.count, LocatorParser.pagesLength(s, at: pageStart) == s.count - pageStart else { return nil }
        var fragmentEnd = pageStart
        while fragmentEnd > quote, s[fragmentEnd - 1] == " " || s[fragmentEnd - 1] == "," { fragmentEnd -= 1 }
        guard fragmentEnd > quote + 1 else { return nil }
        return CitationItem(author: text(author), locator: text(s.part(pageStart..<s.count)),
                            titleFragment: text(s.part(quote..<fragmentEnd)))
    }

    /// The length of the item prefix (`bkz.`, `see also`) that opens `s`, followed by a space.
    static func prefixLength(_ s: Scalars) -> Int? {
        if let p = prefixes.first(in: s, at: 0, where: { s.count > $0 && s[$0] == " " }) { return p }
        // `см.: 20`, `bkz.: Kaya, 2010`: a colon after the prefix.
        return prefixes.first(in: s, at: 0) { s.count > $0 + 1 && s[$0] == ":" && s[$0 + 1] == " " }.map { $0 + 1 }
    }

    /// `s` without leading and trailing spaces.
    static func trim(_ s: Scalars) -> Scalars {
        var a = 0
        var b = s.count
        while a < b, s[a] == " " { a += 1 }
        while b > a, s[b - 1] == " " { b -= 1 }
        return s.part(a..<b)
    }

    /// The string of some scalars, encoded straight into the string's storage: a small string, with
    /// no allocation, when it takes at most 15 bytes (building a `String.UnicodeScalarView` appends
    /// scalar by scalar, a hot spot of the scanner).
    static func text(_ s: Scalars) -> String {
        var count = 0
        for scalar in s { count += UTF8.width(scalar) }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var count = 0
            for scalar in s {
                UTF8.encode(scalar) { unit in
                    buffer[count] = unit
                    count += 1
                }
            }
            return count
        }
    }
}
