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

    /// Prefixes that may open an item, lower-cased.
    static let prefixes = ["bkz.", "bkz:", "bk.", "bakınız", "bax:", "bax", "see also", "see", "cf.", "e.g.,", "e.g.",
                           "vgl.", "örn.", "örneğin", "qarş.", "см. также", "см.", "ср."]

    static let prefixScalars = prefixes.map { Array($0.unicodeScalars) }

    static func read(_ content: [Unicode.Scalar]) -> Reading? {
        let trimmed = trim(content)
        guard !trimmed.isEmpty else { return nil }
        if let year = yearOnly(trimmed) { return .yearOnly(year) }
        // Most parentheses hold one item: read it without splitting.
        if !trimmed.contains(";") {
            if let read = authorDates(trimmed) { return .citation(read) }
            return malformed(trimmed).map { .malformed($0) }
        }
        var items: [CitationItem] = []
        for part in trimmed.split(separator: ";", omittingEmptySubsequences: false) {
            guard let read = authorDates(trim(Array(part))) else {
                if items.isEmpty, !trimmed.contains(";"), let broken = malformed(trimmed) { return .malformed(broken) }
                return nil
            }
            items.append(contentsOf: read)
        }
        return .citation(items)
    }

    /// `2021`, `2021: 57-58`, `2019, p. 4`.
    static func yearOnly(_ s: [Unicode.Scalar]) -> CitationItem? {
        guard let n = LocatorParser.yearLength(s, at: 0),
              let locator = LocatorParser.locatorAfterYear(s, from: n, yearIsPlain: n <= 5)
        else { return nil }
        return CitationItem(year: text(s[0..<n]), locator: locator)
    }

    /// One author-date item.
    static func authorDate(_ item: [Unicode.Scalar]) -> CitationItem? {
        guard let items = authorDates(item), items.count == 1 else { return nil }
        return items[0]
    }

    /// One author with one or more years: `Smith, 2019`, `Smith, 2019a, 2019b: 4` (an item a year,
    /// the locator on the last).
    static func authorDates(_ item: [Unicode.Scalar]) -> [CitationItem]? {
        var s = item
        var prefix: String?
        if let p = prefixLength(s) {
            prefix = text(s[0..<p]).trimmingSpaces
            s = trim(Array(s[p...]))
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
            let author = trim(Array(s[0..<authorEnd]))
            guard AuthorName.isAuthor(author) else { continue }
            var years = [k..<(k + n)]
            while true {
                let comma = LocatorParser.skipSpaces(s, years[years.count - 1].upperBound)
                guard comma < s.count, s[comma] == "," else { break }
                let next = LocatorParser.skipSpaces(s, comma + 1)
                guard let m = LocatorParser.yearLength(s, at: next), m <= 5, LocatorParser.digitRun(s, at: next) == 4 else { break }
                years.append(next..<(next + m))
            }
            let last = years[years.count - 1]
            guard let locator = LocatorParser.locatorAfterYear(s, from: last.upperBound, yearIsPlain: last.count <= 5) else { continue }
            let name = text(author[...])
            return years.enumerated().map { index, year in
                CitationItem(author: name, year: text(s[year]), locator: index == years.count - 1 ? locator : nil,
                             prefix: index == 0 ? prefix : nil)
            }
        }
        return nil
    }

    /// `Kuzio, Taras, “Geopolitical,104`: an author, a quoted title fragment where the year should be,
    /// and a page.
    static func malformed(_ s: [Unicode.Scalar]) -> CitationItem? {
        guard let quote = s.firstIndex(where: { $0 == "“" || $0 == "\"" || $0 == "«" || $0 == "„" }), quote > 0 else { return nil }
        var authorEnd = quote
        while authorEnd > 0, s[authorEnd - 1] == " " || s[authorEnd - 1] == "," { authorEnd -= 1 }
        let author = Array(s[0..<authorEnd])
        guard AuthorName.isAuthor(author) else { return nil }
        var pageStart = s.count
        while pageStart > quote, LocatorParser.digitRun(s, at: pageStart - 1) > 0 || s[pageStart - 1] == "-" { pageStart -= 1 }
        guard pageStart < s.count, LocatorParser.pagesLength(s, at: pageStart) == s.count - pageStart else { return nil }
        var fragmentEnd = pageStart
        while fragmentEnd > quote, s[fragmentEnd - 1] == " " || s[fragmentEnd - 1] == "," { fragmentEnd -= 1 }
        guard fragmentEnd > quote + 1 else { return nil }
        return CitationItem(author: text(author[...]), locator: text(s[pageStart...]),
                            titleFragment: text(s[quote..<fragmentEnd]))
    }

    static func prefixLength(_ s: [Unicode.Scalar]) -> Int? {
        for p in prefixScalars where s.count > p.count && s[p.count] == " " && LocatorParser.written(p, in: s, at: 0) { return p.count }
        return nil
    }

    /// `s` without leading and trailing spaces (`s` itself, not a copy, when it has none).
    static func trim(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var a = 0
        var b = s.count
        while a < b, s[a] == " " { a += 1 }
        while b > a, s[b - 1] == " " { b -= 1 }
        return a == 0 && b == s.count ? s : Array(s[a..<b])
    }

    /// The string of some scalars, encoded straight into the string's storage (building a
    /// `String.UnicodeScalarView` appends scalar by scalar, a hot spot of the scanner).
    static func text(_ s: ArraySlice<Unicode.Scalar>) -> String {
        String(unsafeUninitializedCapacity: s.count * 4) { buffer in
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

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }
}
