#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reference-list entries in the GOST style of Russian and Azerbaijani articles:
/// `Иванов И.И. Кавказская политика Турции. – М.: Наука, 2010. – 250 с.` and
/// `Гасанов Д.Р., Петров А.А. Азербайджан и Турция // Вестник МГУ. – 2015. – № 2. – С. 45–67.`
/// Areas are separated by ` – ` (or `—`); ` // ` introduces the journal or book of a part. GOST R
/// 7.0.5-2008 as citation processors print it separates the areas by periods alone:
/// `Vidal G., Werner R. F. Computable measure of entanglement // Physical Review A. 2002. Т. 65, № 3.
/// С. 032314.`, `Рудзитис Г. Е., Фельдман Ф. Г. Химия. Москва: Просвещение, 2008. 175 с.`.
enum GOSTEntry {
    static let areaSeparators = [". – ", ". — ", ". - ", " – ", " — "]

    static func parse(_ text: String) -> ParsedReference? {
        let dashed = areaSeparators.contains(where: text.contains)
        // Dashes, `//`, a page count (`250 с.`), or a publisher area last (`Ankara: Bilgi Yayınevi, 2011.`).
        guard dashed || text.contains(" // ") || text.firstMatch(of: /\d+ (?:с|s|p)\.$/) != nil
                || text.firstMatch(of: /\. [^.]+, \d{4}\.?$/) != nil else { return nil }
        guard let (names, afterNames) = leadingNames(text), !names.isEmpty else { return nil }
        var fields = ReferenceParser.Fields()
        fields.authors = names
        var rest = afterNames
        // `Upadhyay A. и др. Title`: the names a list shortens.
        if let etAl = rest.firstMatch(of: /^(?:и др\.|et al\.|vd\.|və b\.|и другие)\s*/) { rest.removeSubrange(etAl.range) }
        var areas: [String]
        if dashed {
            areas = split(rest)
        } else {
            EntryTail.takeLinks(&rest, into: &fields)
            areas = dotAreas(rest)
        }
        guard !areas.isEmpty else { return nil }
        var titleArea = areas.removeFirst()
        if let slash = titleArea.firstRange(of: " // ", ignoring: []) {
            fields.container = clean(String(titleArea[slash.upperBound...]))
            fields.titleQuoted = true
            titleArea = String(titleArea[..<slash.lowerBound])
        }
        // A statement of responsibility after ` / ` repeats the authors.
        if let slash = titleArea.firstRange(of: " / ", ignoring: []) { titleArea = String(titleArea[..<slash.lowerBound]) }
        fields.title = clean(titleArea)
        // `Т. 65, № 3`: volume and issue in one area.
        let details = areas.map(clean).flatMap { area -> [String] in
            let parts = area.components(separatedBy: ", ")
            let separate = parts.count > 1 && parts.allSatisfy { Locator.issue($0) != nil || Locator.volumeIssue($0) != nil || Locator.pages(in: $0) != nil }
            return separate ? parts : [area]
        }
        for area in details {
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
        while let family = words.first, family.first?.isUppercase == true || PersonNames.particles.contains(family),
              !PersonNames.isInitials(family) {
            // `Gonçalves Neto A.`, `van Schijndel M.`: up to three words before the initials.
            var familyWords = [family]
            var rest = words.dropFirst()
            while familyWords.count < 3, let next = rest.first, !PersonNames.isInitials(next.trimming(",")),
                  LeadingAuthors.isFamilyWord(next), !family.hasSuffix(",") {
                familyWords.append(next)
                rest = rest.dropFirst()
            }
            let familyName = familyWords.joined(separator: " ").trimming(",")
            var initials: [String] = []
            while let next = rest.first, PersonNames.isInitials(next.trimming(",")) {
                initials.append(next.trimming(","))
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

    /// Areas separated by periods alone: the title (with ` // ` and the container, when there is one),
    /// then each area after it. Without ` // `, the title runs up to the publisher area
    /// (`Москва: Наука, 2005`, `Collier, 1902`), as a title may hold periods (`Химия. Неорганическая химия`).
    static func dotAreas(_ text: String) -> [String] {
        if let slash = text.firstRange(of: " // ") {
            let after = periodElements(String(text[slash.upperBound...]))
            return [String(text[..<slash.upperBound]) + (after.first ?? "")] + after.dropFirst()
        }
        let elements = periodElements(text)
        let publisher = elements.lastIndex { $0.firstMatch(of: /^[^,]+, \d{4}[a-z]?\.?$/) != nil } ?? 1
        let cut = max(1, min(publisher, elements.count))
        return [elements[..<cut].joined(separator: ". ")] + elements[cut...]
    }

    /// Abbreviations whose period ends no area: `Т. 20`, `С. 45–67`, `Ч. 1`, `Вып. 3`, `Vol. 2`.
    static let labels: Set<String> = ["Т", "С", "Ч", "Вып", "Кн", "Vol", "No", "P", "Pp", "S", "Ss", "Cilt", "Sayı", "с", "p", "s", "Iss"]

    /// `ЖЭТФ. 1950. Т. 20, № 12. С. 1064–1082` → `ЖЭТФ`, `1950`, `Т. 20, № 12`, `С. 1064–1082`.
    static func periodElements(_ text: String) -> [String] {
        var elements: [String] = []
        var current = ""
        for piece in text.components(separatedBy: ". ") {
            current += current.isEmpty ? piece : ". " + piece
            let lastWord = piece.split(separator: " ").last.map(String.init) ?? piece
            if !labels.contains(lastWord) {
                elements.append(current)
                current = ""
            }
        }
        if !current.isEmpty { elements.append(current) }
        return elements
    }

    static func split(_ text: String) -> [String] {
        var parts = [text]
        for separator in areaSeparators {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        return parts.map { $0.trimming(.whitespaces) }.filter { !$0.isEmpty }
    }

    static func clean(_ text: String) -> String {
        text.trimming(" .,")
    }

    /// `250 с.`, `320 s.`, `180 p.`: the number of pages of a book.
    static func isPageCount(_ area: String) -> Bool {
        let words = area.split(separator: " ")
        return words.count == 2 && words[0].allSatisfy(\.isNumber) && ["с", "s", "p", "pp", "стр", "səh"].contains(words[1].lowercased())
    }
}
