import Foundation

/// Reference-list entries in the GOST style of Russian and Azerbaijani articles:
/// `Иванов И.И. Кавказская политика Турции. – М.: Наука, 2010. – 250 с.` and
/// `Гасанов Д.Р., Петров А.А. Азербайджан и Турция // Вестник МГУ. – 2015. – № 2. – С. 45–67.`
/// Areas are separated by ` – ` (or `—`); ` // ` introduces the journal or book of a part.
enum GOSTEntry {
    static let areaSeparators = [". – ", ". — ", ". - ", " – ", " — "]

    static func parse(_ text: String) -> ParsedReference? {
        guard areaSeparators.contains(where: text.contains) || text.contains(" // ") else { return nil }
        guard let (names, rest) = leadingNames(text), !names.isEmpty else { return nil }
        var fields = ReferenceParser.Fields()
        fields.authors = names
        var areas = split(rest)
        guard !areas.isEmpty else { return nil }
        var titleArea = areas.removeFirst()
        if let slash = titleArea.range(of: " // ") {
            fields.container = clean(String(titleArea[slash.upperBound...]))
            fields.titleQuoted = true
            titleArea = String(titleArea[..<slash.lowerBound])
        }
        // A statement of responsibility after ` / ` repeats the authors.
        if let slash = titleArea.range(of: " / ") { titleArea = String(titleArea[..<slash.lowerBound]) }
        fields.title = clean(titleArea)
        for area in areas.map(clean) {
            if let (date, suffix) = ReferenceDates.publication(area) {
                fields.year = date
                fields.yearSuffix = suffix
            } else if let issue = Locator.issue(area) {
                fields.issue = issue
            } else if let (volume, issue) = Locator.volumeIssue(area), area.first?.isLetter == true {
                fields.volume = volume
                if issue != nil { fields.issue = issue }
            } else if let pages = Locator.pages(in: area) {
                fields.pageRange = pages
            } else if isPageCount(area) {
                continue
            } else {
                // `М.: Наука, 2010`: place and publisher, then the year.
                var segments = ReferenceParser.segments(area)
                if let last = segments.last, let (date, suffix) = ReferenceDates.publication(last) {
                    fields.year = date
                    fields.yearSuffix = suffix
                    segments.removeLast()
                }
                fields.publisher = segments.joined(separator: ", ")
                ReferenceParser.splitPlaceAndPublisher(&fields)
            }
        }
        var reference = fields.reference()
        reference.locator = nil
        return reference
    }

    /// `Иванов И.И.`, `Гасанов Д.Р., Петров А.А.`, `Məmmədov E.` at the start: the names and the text after them.
    static func leadingNames(_ text: String) -> ([CSLName], String)? {
        var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)[...]
        var names: [CSLName] = []
        while let family = words.first, family.first?.isUppercase == true, !PersonNames.isInitials(family) {
            let familyName = family.trimmingCharacters(in: CharacterSet(charactersIn: ","))
            var initials: [String] = []
            var rest = words.dropFirst()
            while let next = rest.first, PersonNames.isInitials(next.trimmingCharacters(in: CharacterSet(charactersIn: ","))) {
                initials.append(next.trimmingCharacters(in: CharacterSet(charactersIn: ",")))
                rest = rest.dropFirst()
                if next.hasSuffix(",") { break }
            }
            guard !initials.isEmpty else { break }
            names.append(CSLName(family: familyName, given: initials.joined(separator: " ")))
            words = rest
        }
        guard !names.isEmpty else { return nil }
        // `Bilal N. Şimşir, …` is footnote order (given names first), not GOST.
        if let next = words.first, next.hasSuffix(","), next.first?.isUppercase == true { return nil }
        return (names, words.joined(separator: " "))
    }

    static func split(_ text: String) -> [String] {
        var parts = [text]
        for separator in areaSeparators {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func clean(_ text: String) -> String {
        text.trimmingCharacters(in: CharacterSet(charactersIn: " .,"))
    }

    /// `250 с.`, `320 s.`, `180 p.`: the number of pages of a book.
    static func isPageCount(_ area: String) -> Bool {
        let words = area.split(separator: " ")
        return words.count == 2 && words[0].allSatisfy(\.isNumber) && ["с", "s", "p", "pp", "стр", "səh"].contains(words[1].lowercased())
    }
}
