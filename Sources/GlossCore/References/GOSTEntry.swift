import Foundation

/// Reference-list entries in the GOST style of Russian and Azerbaijani articles:
/// `Иванов И.И. Кавказская политика Турции. – М.: Наука, 2010. – 250 с.` and
/// `Гасанов Д.Р., Петров А.А. Азербайджан и Турция // Вестник МГУ. – 2015. – № 2. – С. 45–67.`
/// Areas are separated by ` – ` (or `—`); ` // ` introduces the journal or book of a part. GOST R
/// 7.0.5-2008 as citation processors print it separates the areas by periods alone:
/// `Vidal G., Werner R. F. Computable measure of entanglement // Physical Review A. 2002. Т. 65, № 3.
/// С. 032314.`, `Рудзитис Г. Е., Фельдман Ф. Г. Химия. Москва: Просвещение, 2008. 175 с.`.
enum GOSTEntry {
    static let areaSeparators = [". – ", ". — ", ". - "]

    static func parse(_ text: String) -> ParsedReference? {
        let dashed = split(text).count > 1
        // Dashes, `//`, a page count (`250 с.`), or a publisher area last (`Ankara: Bilgi Yayınevi, 2011.`).
        guard dashed || text.contains(" // ") || text.firstMatch(of: Self.pageCountAtEnd) != nil
                || text.firstMatch(of: Self.publisherYearAtEnd) != nil else { return nil }
        guard let (names, afterNames) = leadingNames(text), !names.isEmpty else { return editedBook(text) }
        var fields = ReferenceParser.Fields()
        fields.authors = names
        var rest = afterNames
        // `Upadhyay A. и др. Title`: the names a list shortens.
        if let etAl = rest.firstMatch(of: Self.etAl) { rest.removeSubrange(etAl.range) }
        var areas: [String]
        if dashed {
            areas = split(rest)
        } else {
            EntryTail.takeLinks(&rest, into: &fields)
            areas = dotAreas(rest)
        }
        guard !areas.isEmpty else { return nil }
        var titleArea = areas.removeFirst()
        if let slash = titleArea.range(of: " // ") {
            let container = clean(String(titleArea[slash.upperBound...]))
            // `Title // 2016.`: a thesis or a web page without a container, only its year.
            if let (date, suffix) = ReferenceDates.publication(container) {
                fields.year = date
                fields.yearSuffix = suffix
            } else if let match = container.wholeMatch(of: Self.containerYear) {
                // `// Proceedings of the Conference, 2019.`: the year closes the container's area.
                fields.container = String(match.1)
                fields.year = CSLDate(year: Int(match.2) ?? 0)
                fields.titleQuoted = true
            } else {
                fields.container = container
                fields.titleQuoted = true
            }
            titleArea = String(titleArea[..<slash.lowerBound])
        }
        // A statement of responsibility after ` / ` repeats the authors (`/ И. И. Иванов`, `/ под ред. …`);
        // a slash before other words is the title's own (`Ekonomi Politikası / Teori ve Uygulama`).
        if let slash = titleArea.range(of: " / "), isResponsibility(titleArea[slash.upperBound...]) {
            titleArea = String(titleArea[..<slash.lowerBound])
        }
        fields.title = clean(titleArea)
        EntryTail.takeType(&fields)
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

    /// Whether the words after ` / ` are a statement of responsibility: initials (`И. И. Иванов`) or
    /// a mark of editors, translators, compilers (`под ред.`, `пер.`, `сост.`, `и др.`, `ed.`).
    static func isResponsibility(_ text: Substring) -> Bool {
        let words = text.split(separator: " ").map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: ",;[]")) }
        let marks: Set<String> = ["ред.", "под", "пер.", "сост.", "др.]", "др.", "ed.", "eds.", "trans.", "haz.", "çev.", "red.", "tərc."]
        return words.prefix(12).contains { PersonNames.isInitials($0) || marks.contains($0.lowercased()) }
    }

    /// `Иванов И.И.`, `Гасанов Д.Р., Петров А.А.`, `Məmmədov E.` at the start: the names and the text after them.
    static func leadingNames(_ text: String) -> ([CSLName], String)? {
        // `World Health Organization. Title`, `1000 Genomes Project Consortium и др. Title`: an institution.
        if let lead = text.firstMatch(of: Self.corporateLead), LeadingAuthors.isCorporate(String(lead.1)) {
            return ([CSLName(literal: String(lead.1))], String(text[lead.range.upperBound...]))
        }
        var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)[...]
        var names: [CSLName] = []
        while let family = words.first, family.first?.isUppercase == true || PersonNames.particles.contains(family),
              !PersonNames.isInitials(family) {
            // `Gonçalves Neto A.`, `van Schijndel M.`: up to three words before the initials.
            var familyWords = [family]
            var rest = words.dropFirst()
            while familyWords.count < 3, let next = rest.first, !PersonNames.isInitials(next.trimmingCharacters(in: CharacterSet(charactersIn: ","))),
                  LeadingAuthors.isFamilyWord(next), !family.hasSuffix(",") {
                familyWords.append(next)
                rest = rest.dropFirst()
            }
            let familyName = familyWords.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: ","))
            var initials: [String] = []
            var closed = false
            while let next = rest.first, PersonNames.isInitials(next.trimmingCharacters(in: CharacterSet(charactersIn: ","))) {
                initials.append(next.trimmingCharacters(in: CharacterSet(charactersIn: ",")))
                rest = rest.dropFirst()
                if next.hasSuffix(",") { closed = true; break }
            }
            guard !initials.isEmpty else { break }
            var family = familyName
            // `Schijndel M. van, Linzen T.`: a particle after the initials belongs to the family name.
            if !closed, let next = rest.first, PersonNames.particles.contains(next.trimmingCharacters(in: CharacterSet(charactersIn: ","))) {
                family = next.trimmingCharacters(in: CharacterSet(charactersIn: ",")) + " " + family
                rest = rest.dropFirst()
            }
            names.append(CSLName(family: family, given: initials.joined(separator: " ")))
            words = rest
        }
        guard !names.isEmpty else { return nil }
        // GOST joins no names with a conjunction: `Hasanov, R., Petrova, A., and van Dijk, T.` is another style's list.
        // (`и др.`, `et al.` shorten a list; they join nothing.)
        if let next = words.first, PersonNames.conjunctions.contains(next.lowercased()),
           !["др.", "al.", "al", "другие"].contains((words.dropFirst().first ?? "").trimmingCharacters(in: CharacterSet(charactersIn: ",;"))) {
            return nil
        }
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
        let publisher = elements.lastIndex { $0.firstMatch(of: Self.publisherYear) != nil } ?? 1
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

    /// The areas between dashes: `. – ` always; a dash without the period (`2010 – 250 с.`) only
    /// before what opens an area (a place and its colon, `С. 45`, `№ 2`, a number), so that a dash
    /// inside a title (`Kütahya – Simav earthquake`) stays.
    static func split(_ text: String) -> [String] {
        var parts = [text]
        for separator in areaSeparators {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        parts = parts.flatMap { part -> [String] in
            var pieces: [String] = []
            var rest = Substring(part)
            while let dash = rest.firstMatch(of: Self.areaDash) {
                pieces.append(String(rest[..<dash.range.lowerBound]))
                rest = rest[dash.range.upperBound...]
            }
            return pieces + [String(rest)]
        }
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// `Физическая химия: учебное пособие / под ред. К. Г. Боголицына. Архангельск: АГТУ, 2008. 111 с.`:
    /// a book led by its title, its editors after `/ под ред.` (`/ ed. by`, `/ red.`).
    static func editedBook(_ text: String) -> ParsedReference? {
        guard let slash = text.range(of: " / ") else { return nil }
        let after = text[slash.upperBound...]
        guard let mark = after.firstMatch(of: Self.editorMark) else { return nil }
        // The editors run up to the publisher area: `Place: Publisher, 2008` or `Publisher, 2008`.
        let elements = after[mark.range.upperBound...].components(separatedBy: ". ")
        guard let publisher = elements.firstIndex(where: { $0.contains(": ") || EntryTail.year(in: $0) != nil }), publisher > 0 else { return nil }
        let editors = elements[..<publisher].joined(separator: ". ").components(separatedBy: ", ").compactMap { piece -> CSLName? in
            LeadingAuthors.initialsThenFamily(piece) ?? leadingNames(piece + ".").flatMap { $0.1.isEmpty ? $0.0.first : nil }
        }
        guard !editors.isEmpty else { return nil }
        var fields = ReferenceParser.Fields()
        fields.editors = editors
        fields.title = clean(String(text[..<slash.lowerBound]))
        var rest = elements[publisher...].joined(separator: ". ")
        EntryTail.takeLinks(&rest, into: &fields)
        if let count = rest.firstMatch(of: Self.pageCount) { rest.removeSubrange(count.range) }
        EntryTail.readPublisher(rest, into: &fields)
        var reference = fields.reference()
        reference.locator = nil
        reference.record.type = "book"
        return reference
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

// The patterns, made once (a regex literal is parsed and compiled again each time it is evaluated).
// `Regex` is not `Sendable`, but matching only reads it, and its compiled program is stored atomically.
extension GOSTEntry {
    nonisolated(unsafe) static let pageCountAtEnd = /\d+ (?:с|s|p)\.$/
    nonisolated(unsafe) static let publisherYearAtEnd = /\. [^.]+, \d{4}\.?$/
    nonisolated(unsafe) static let etAl = /^(?:и др\.|et al\.|vd\.|və b\.|и другие)\s*/
    nonisolated(unsafe) static let containerYear = /(.+), (\d{4})/
    nonisolated(unsafe) static let corporateLead = #/^([^.,\/]+?)(?:\. | (?=и др\.|et al\.))/#
    nonisolated(unsafe) static let publisherYear = /^[^,]+, \d{4}[a-z]?\.?$/
    nonisolated(unsafe) static let areaDash = #/ [–—] (?=\p{Lu}[\p{L}.]{0,15}:|\p{Lu}\p{Ll}{0,3}\. ?\d|№|\d)/#
    nonisolated(unsafe) static let editorMark = /^(?:под (?:общ\. )?ред\.|ред\.|ed\. by|eds?\.|red\.|haz\.|сост\.)\s*/.ignoresCase()
    nonisolated(unsafe) static let pageCount = /\.? \d+ (?:с|s|p|pp|стр|səh)\.?$/
}
