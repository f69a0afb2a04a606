import Foundation

/// What the style readers share after the authors: links and markers taken out of the text, the
/// title up to its end, a publication year found anywhere.
enum EntryTail {
    /// Takes the DOI (`doi:10.…`, `doi: 10.…`, `https://doi.org/10.…`) or else the URL out of `text`
    /// into `fields`, with the words that announce them (`Available from:`, `URL:`, `[Internet]`,
    /// `[Электронный ресурс]`, `[cited …]`, `(дата обращения: …)`).
    static func takeLinks(_ text: inout String, into fields: inout ReferenceParser.Fields) {
        fields.accessed = ReferenceParser.takeAccessDate(&text) ?? fields.accessed
        if let match = text.firstMatch(of: /(?i)(?:https?:\/\/(?:dx\.)?doi\.org\/|doi: ?)(10\.\S+)/) {
            fields.url = "https://doi.org/" + String(match.1).trimmingCharacters(in: CharacterSet(charactersIn: " .,;"))
            text.replaceSubrange(match.range, with: "")
        }
        if let found = BrokenURL.find(in: text) {
            if fields.url == nil { fields.url = found.url }
            text.replaceSubrange(found.range, with: "")
        }
        for marker in [/\[(?:Internet|Электронный ресурс|Online|Elektronik kaynak)\]/, /\[cited [^\]]*\]/,
                       /Available(?: from)?:?/, /\[Online\]\.?/, /(?:URL|Erişim adresi|Retrieved from):?/, /\(\s*[,;]?\s*\)/] {
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
        let title = String(text[..<end]).trimmingCharacters(in: CharacterSet(charactersIn: " .,"))
        return (title, String(text[end...]).trimmingCharacters(in: CharacterSet(charactersIn: " .,")))
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
