import Foundation

/// What the style readers share after the authors: links and markers taken out of the text, the
/// title up to its end, a publication year found anywhere.
enum EntryTail {
    /// Takes the DOI (`doi:10.…`, `doi: 10.…`, `https://doi.org/10.…`) or else the URL out of `text`
    /// into `fields`, with the words that announce them (`Available from:`, `URL:`, `[Internet]`,
    /// `[Электронный ресурс]`, `[cited …]`, `(дата обращения: …)`).
    static func takeLinks(_ text: inout String, into fields: inout ReferenceParser.Fields) {
        fields.accessed = ReferenceParser.takeAccessDate(&text) ?? fields.accessed
        if let match = text.firstMatch(of: Self.doi) {
            fields.url = "https://doi.org/" + String(match.1).trimmingCharacters(in: CharacterSet(charactersIn: " .,;"))
            text.replaceSubrange(match.range, with: "")
        }
        if let found = BrokenURL.find(in: text) {
            if fields.url == nil { fields.url = found.url }
            text.replaceSubrange(found.range, with: "")
        }
        for marker in Self.linkMarkers {
            text = text.replacing(marker, with: "")
        }
        text = ReferenceParser.collapse(text).trimmingCharacters(in: CharacterSet(charactersIn: " .,;:"))
    }

    /// The first year (1500–2099, a letter suffix allowed) standing alone in `text`: not part of a
    /// longer number, a DOI or a page range.
    static func year(in text: String) -> (CSLDate, String?)? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index + 4 <= scalars.count {
            let digits = scalars[index..<index + 4]
            let before = index > 0 ? scalars[index - 1] : " "
            let after = index + 4 < scalars.count ? scalars[index + 4] : " "
            if digits.allSatisfy({ $0.properties.numericType == .decimal && $0.isASCII }),
               !(before.isASCII && before.properties.numericType == .decimal), !"/.-–".unicodeScalars.contains(before),
               !(after.isASCII && after.properties.numericType == .decimal), !"/–".unicodeScalars.contains(after),
               let value = Int(String(String.UnicodeScalarView(digits))), (1500...2099).contains(value) {
                var suffix: String?
                if after.properties.isLowercase, after.isASCII, index + 5 == scalars.count || !scalars[index + 5].properties.isAlphabetic {
                    suffix = String(after)
                }
                return (CSLDate(year: value), suffix)
            }
            index += 1
        }
        return nil
    }

    /// The title at the start of `text`: up to the first `. `, `? ` or `! ` before a capital or a digit
    /// (the question or exclamation mark kept), and the text after it.
    static func title(_ text: String) -> (String, String) {
        let end = AuthorDateEntry.titleEnd(text)
        var title = String(text[..<end]).trimmingCharacters(in: CharacterSet(charactersIn: " .,"))
        var after = String(text[end...]).trimmingCharacters(in: CharacterSet(charactersIn: " .,"))
        // A title of one or two words cut at its full stop goes on when another element follows.
        let nextEnd = AuthorDateEntry.titleEnd(after)
        if nextEnd < after.endIndex, continuesShortTitle(title, String(after[..<nextEnd]), following: String(after[after.index(after: nextEnd)...])) {
            title += ". " + after[..<nextEnd].trimmingCharacters(in: CharacterSet(charactersIn: " .,"))
            after = String(after[nextEnd...]).trimmingCharacters(in: CharacterSet(charactersIn: " .,"))
        }
        return (title, after)
    }

    /// Words of a thesis type after a title's colon.
    static let typeWords = ["thesis", "dissertation", "doctorat", "thèse", "диссертация", "дис.", "автореф", "tezi", "dissertasiya"]

    /// `Title: дис. … канд. наук`, `Title: PhD thesis`, `Title: WHO/CDS/2003.11` (GOST's other title
    /// information): a thesis type (the genre) or a report number (a note) after the title's last colon
    /// comes out of the title.
    static func takeType(_ fields: inout ReferenceParser.Fields) {
        guard let title = fields.title, let colon = title.range(of: ": ", options: .backwards) else { return }
        let part = String(title[colon.upperBound...])
        let lower = part.lowercased()
        let isType = part.split(separator: " ").count <= 4 && typeWords.contains(where: lower.contains)
        let isNumber = part.contains("/") && !part.contains(" ") && part.contains(where: \.isLetter)
        guard isType || isNumber else { return }
        fields.title = String(title[..<colon.lowerBound])
        if isType { fields.genre = part } else { fields.note = part }
    }

    /// Whether the sentence `next` continues a title of one or two words cut at its full stop
    /// (`Химия. Неорганическая химия: учебник`, `Physics. Volume 1: Mechanics`): not an edition, a
    /// year, a thesis or a report number.
    /// `following` is what comes after `next`: a journal's year (`Neuron. 2011;70:806`) makes `next` the journal.
    static func continuesShortTitle(_ title: String, _ next: String, following: String) -> Bool {
        // A subtitle-like sentence of four words or more; a version, a site or a patent office is no title.
        guard title.split(separator: " ").count <= 2, next.split(separator: " ").count >= 4, year(in: next) == nil,
              !ReferenceType.isThesisMarker(next), next.firstMatch(of: Self.version) == nil,
              // `Edited by John Leonard`, `Translated by …`: the people of the book, not its title.
              next.firstMatch(of: Self.byPeople) == nil,
              following.firstMatch(of: Self.leadingYear) == nil, next.firstMatch(of: Self.inBook) == nil,
              !next.contains("/"), droppingEdition(", " + next) == ", " + next,
              next.firstMatch(of: Self.edition) == nil else { return false }
        return true
    }

    /// A book's title without the edition a style prints after it: `Title, 2nd ed.`, `Title, 12-е изд.,
    /// испр`, `Title, 3. bs`.
    static func droppingEdition(_ title: String) -> String {
        guard let match = title.firstMatch(of: Self.trailingEdition) else { return title }
        return String(title[..<match.range.lowerBound])
    }

    /// `Place: Publisher; 2010` or `Place: Publisher, 2010` → place, publisher and year into `fields`.
    static func readPublisher(_ text: String, into fields: inout ReferenceParser.Fields) {
        var text = text.trimmingCharacters(in: CharacterSet(charactersIn: " .,;"))
        if let (date, suffix) = year(in: text) {
            if fields.year == nil { fields.year = date; fields.yearSuffix = suffix }
            if let range = text.firstRange(of: String(date.year ?? 0)) { text = String(text[..<range.lowerBound]) }
        }
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: " .,;"))
        guard !text.isEmpty else { return }
        if let colon = text.firstIndex(of: ":") {
            let place = text[..<colon].trimmingCharacters(in: .whitespaces)
            if !place.isEmpty, place.split(separator: " ").count <= 4 { fields.place = place }
            fields.publisher = text[text.index(after: colon)...].trimmingCharacters(in: CharacterSet(charactersIn: " .,;"))
        } else {
            fields.publisher = text
        }
    }
}

// The patterns, made once (a regex literal is parsed and compiled again each time it is evaluated).
// `Regex` is not `Sendable`, but matching only reads it, and its compiled program is stored atomically.
extension EntryTail {
    nonisolated(unsafe) static let linkMarkers = [/\[(?:Internet|Электронный ресурс|Online|Elektronik kaynak)\]/, /\[cited [^\]]*\]/,
        /Available(?: from| at)?:?/, /\[Online\]\.?/, /(?:URL|Erişim adresi|Retrieved from):?/, /\(\s*[,;]?\s*\)/]
    nonisolated(unsafe) static let doi = /(?i)(?:https?:\/\/(?:dx\.)?doi\.org\/|doi: ?)(10\.\S+)/
    nonisolated(unsafe) static let version = /^(?:[Vv]ersion|[Vv]\d)/
    nonisolated(unsafe) static let byPeople = /^\p{Lu}\p{Ll}+ (?:by|von|tarafından)\b/
    nonisolated(unsafe) static let leadingYear = /^\s*\d{4}\b/
    nonisolated(unsafe) static let inBook = /^(?:In|İçinde|Içinde|В|В кн\.)[: ]/
    nonisolated(unsafe) static let edition = /^\d+\S* (?:ed|edn|изд|bs|baskı)\b/
    nonisolated(unsafe) static let trailingEdition = /, (?:\d+(?:st|nd|rd|th|-е|-e|\.)?|[Ss]econd|[Tt]hird|[Rr]evised) (?:ed|edn|edition|изд|bs|baskı)\b.*$/
}
