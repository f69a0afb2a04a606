/// Parentheses that hold more than citations: `(Figure 2B; Smith, 2010)`, `(reviewed in Smith and Lee,
/// 2011)`, `(Şekil 3; Kaya, 2012)`, `(see Zhang et al., 2010, Zhong et al., 2013)`, `(Smith, 2010, for a
/// review)`, `(the “X” model [Smith, 2008])`, `(Smith, 2012;; Lee, 2013)`.
///
/// A part that holds no citation is passed over instead of losing the whole parenthesis; the items
/// found are the parenthesis's. An item still needs a capitalised author right before its year, and
/// nothing but a comma (or the end) right after its year and locator.
enum MixedParenthesis {
    typealias Scalars = LocatorParser.Scalars

    /// Words that open a label sharing a parenthesis with citations (`Figure 2`, `Şekil 3`, `Рис. 2`):
    /// never the first word of an author.
    static let labels = LowercaseWords([
        "figure", "figures", "fig.", "figs.", "table", "tables", "supplementary", "video", "movie", "box",
        "appendix", "equation", "eq.", "panel", "source", "data", "pdb",
        "şekil", "şekl", "tablo", "resim", "grafik", "harita", "ek", "şəkil", "cədvəl", "qrafik",
        "рис.", "рисунок", "табл.", "таблица", "прил.", "схема",
    ])

    /// Particles that may open a family name (`de Jonge`, `van der Berg`, `al-Farabi`).
    static let particles = LowercaseWords(["de", "van", "von", "der", "den", "du", "da", "di", "del", "della", "la", "le", "ter", "ten", "al", "el", "bin", "ibn"])

    /// The items of a parenthesis split into parts at `;` and square brackets. A part with no citation
    /// (`Figure 2B`, `unpublished data`) is passed over; an empty part (`;;`) too; a year alone after an
    /// item is the same author's (`Lee, 2001; 2003`); an author alone before a year alone is joined to
    /// it (`Mehdipour ve Memarianfard; 2019`). Nil when no part holds an author-date item of its own.
    static func parts(_ s: Scalars) -> [CitationItem]? {
        var items: [CitationItem] = []
        var own = 0
        var authorAlone: Scalars?
        var afterItem = false
        var start = 0
        while start <= s.count {
            var end = start
            while end < s.count, !ParentheticalCitationParser.isPartSeparator(s[end]) { end += 1 }
            let part = ParentheticalCitationParser.trim(s.part(start..<end))
            start = end + 1
            guard !part.isEmpty else { continue }
            if let read = ParentheticalCitationParser.authorDates(part) ?? self.items(part) {
                items += read
                own += 1
                afterItem = true
                authorAlone = nil
            } else if let year = ParentheticalCitationParser.yearOnly(part), let author = authorAlone.map(ParentheticalCitationParser.text)
                        ?? (afterItem ? items.last?.author : nil) {
                items.append(CitationItem(author: author, year: year.year, locator: year.locator))
                authorAlone = nil
            } else {
                afterItem = false
                authorAlone = AuthorName.isAuthor(part) && part.contains(where: { $0.isLetter && !$0.isCapital }) ? part : nil
            }
        }
        return own > 0 ? items : nil
    }

    /// Author-date items with other words around them, in one part: `reviewed in Smith and Lee, 2011`,
    /// `Fig. S1, Dayel et al., 2011`, `Zhang et al., 2010, Zhong et al., 2013`, `Smith, 2010, for a review`.
    static func items(_ s: Scalars) -> [CitationItem]? {
        var found: [CitationItem] = []
        var from = 0
        var k = 1
        while k < s.count {
            guard s[k - 1] == " " || s[k - 1] == ",", let n = LocatorParser.yearLength(s, at: k) else {
                k += 1
                continue
            }
            var authorEnd = k
            while authorEnd > from, s[authorEnd - 1] == " " { authorEnd -= 1 }
            let comma = authorEnd > from && s[authorEnd - 1] == ","
            if comma { authorEnd -= 1 }
            guard let authorStart = authorStart(s, from: from, end: authorEnd),
                  comma || !MonthNames.isDate(s.part(authorStart..<authorEnd)) else {
                k += n
                continue
            }
            var last = k..<(k + n)
            var years = [last]
            while let next = ParentheticalCitationParser.nextYear(s, after: last) {
                years.append(next)
                last = next
            }
            // The locator reaches the comma before the next part, or the end.
            var locator: String?
            var end = LocatorParser.skipSpaces(s, last.upperBound)
            guard end == s.count || s[end] == "," || s[end] == ":" || s[end] == "." else {
                k = last.upperBound
                continue
            }
            var stop = end
            while stop <= s.count {
                if stop == s.count || s[stop] == "," && stop > end,
                   case let .some(read) = LocatorParser.locatorAfterYear(s.part(0..<stop), from: last.upperBound, yearIsPlain: last.count <= 5) {
                    locator = read
                    end = stop
                }
                stop += 1
            }
            let author = ParentheticalCitationParser.text(s.part(authorStart..<authorEnd))
            for (index, year) in years.enumerated() {
                found.append(CitationItem(author: author, year: ParentheticalCitationParser.text(s.part(year)),
                                          locator: index == years.count - 1 ? locator : nil))
            }
            from = end
            k = max(end, last.upperBound) + 1
        }
        return found.isEmpty ? nil : found
    }

    /// Where the author ending at `end` starts: the run of capitalised name words and connectors
    /// before it, not crossing a comma or `from`, opened by a capitalised word or a particle.
    private static func authorStart(_ s: Scalars, from: Int, end: Int) -> Int? {
        var start = end
        var opening: Int?
        while start > from {
            var wordStart = start
            while wordStart > from, s[wordStart - 1] != " ", s[wordStart - 1] != "," { wordStart -= 1 }
            let word = s.part(wordStart..<start)
            guard !word.isEmpty else { break }
            if AuthorName.isNameWord(word) || particles.contains(word) && opening != nil {
                opening = wordStart
            } else if !AuthorName.connectors.contains(word) {
                break
            }
            // The next word back, if it is not cut off by a comma.
            var next = wordStart
            while next > from, s[next - 1] == " " { next -= 1 }
            if next == wordStart || next > from && s[next - 1] == "," { break }
            start = next
        }
        guard let opening, !labels.contains(word(s, at: opening)), !AuthorName.sentenceWords.contains(word(s, at: opening)),
              AuthorName.isAuthor(s.part(opening..<end))
        else { return nil }
        return opening
    }

    private static func word(_ s: Scalars, at i: Int) -> Scalars {
        var end = i
        while end < s.count, s[end] != " ", s[end] != "," { end += 1 }
        return s.part(i..<end)
    }
}
