import Foundation

/// Page locators and volume numbers as references write them.
enum Locator {
    /// Prefixes of a page locator: Turkish `s.`/`ss.`, English `p.`/`pp.`, Russian `с.`/`стр.`,
    /// Azerbaijani `səh.`.
    static let pagePrefixes = ["pp.", "ss.", "p.", "s.", "с.", "стр.", "səh.", "sh.", "S.", "P.", "С.", "Pp."]

    /// `s. 33-35` → `33-35`; nil when the segment is not a page locator.
    static func pages(in segment: String) -> String? {
        for prefix in pagePrefixes where segment.hasPrefix(prefix) {
            let rest = segment.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
            guard let first = rest.first, first.isNumber || first.isUppercase && rest.count <= 6 else { continue }
            guard rest.allSatisfy({ $0.isNumber || $0.isLetter && rest.count <= 8 || "-–— ,".contains($0) }) else { continue }
            return rest.replacingOccurrences(of: " ", with: "")
        }
        return nil
    }

    /// `Sayı 53`, `No. 2`, `№ 2`, `Issue 4` → the issue number.
    static func issue(_ segment: String) -> String? {
        for prefix in ["Sayı", "Say", "S.", "No.", "no.", "No", "№", "Issue", "Nömrə", "Вып."] where segment.hasPrefix(prefix) {
            let rest = segment.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
            if !rest.isEmpty, rest.count <= 5, rest.allSatisfy({ $0.isNumber || $0 == "-" }) { return rest }
        }
        return nil
    }

    /// `34:1` → (34, 1); `21` → (21, nil); `3(2)` → (3, 2); `Vol. 3, No. 2` is two segments,
    /// `Cilt 5` and `Vol. 5` give the volume.
    static func volumeIssue(_ segment: String) -> (String, String?)? {
        var text = segment
        for prefix in ["Vol.", "vol.", "Cilt", "C.", "Cild", "Т.", "Том"] where text.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
        }
        let parts = text.split(whereSeparator: { $0 == ":" || $0 == "(" || $0 == ")" }).map(String.init)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 5 && $0.allSatisfy(\.isNumber) }) else {
            return nil
        }
        // A bare four-digit number is a year, not a volume.
        if parts.count == 1, parts[0].count == 4 { return nil }
        return (parts[0], parts.count == 2 ? parts[1] : nil)
    }
}

/// Publication and access dates in the forms the sources write them.
public enum ReferenceDates {
    static let accessMarkers = ["erişim tarihi", "son erişim", "erişim", "erişildi", "accessed on", "accessed", "retrieved",
                                "müraciət tarixi", "müraciət", "дата обращения", "access date", "cited"]

    static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12,
        "ocak": 1, "şubat": 2, "mart": 3, "nisan": 4, "mayıs": 5, "haziran": 6, "temmuz": 7, "ağustos": 8,
        "eylül": 9, "ekim": 10, "kasım": 11, "aralık": 12,
        "yanvar": 1, "fevral": 2, "aprel": 4, "iyun": 6, "iyul": 7, "avqust": 8, "sentyabr": 9, "oktyabr": 10,
        "noyabr": 11, "dekabr": 12,
        "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7, "августа": 8,
        "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    ]

    /// `21.07.2023`, `2023-07-21`, `21 Temmuz 2023`, `March 2021`, `2021` → a CSL date.
    public static func parse(_ text: String) -> CSLDate? {
        let trimmed = text.trimmingCharacters(in: CharacterSet(charactersIn: " .,()"))
        let numeric = trimmed.split(whereSeparator: { $0 == "." || $0 == "/" || $0 == "-" })
        if numeric.count == 3, numeric.allSatisfy({ $0.allSatisfy(\.isNumber) }) {
            let values = numeric.compactMap { Int($0) }
            if numeric[0].count == 4 { return valid(values[0], values[1], values[2]) }
            if numeric[2].count == 4 { return valid(values[2], values[1], values[0]) }
            return nil
        }
        let words = trimmed.split(separator: " ").map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ",")) }
        switch words.count {
        case 1:
            guard let year = Int(words[0]), isYear(year) else { return nil }
            return CSLDate(year: year)
        case 2:
            guard let month = month(words[0]), let year = Int(words[1]), isYear(year) else { return nil }
            return CSLDate(year: year, month: month)
        case 3:
            // `13 August 2023`, the American `August 13, 2023`, and Vancouver's `2023 Aug 13`.
            if let month = month(words[0]), let day = Int(words[1]), let year = Int(words[2]), isYear(year) { return valid(year, month, day) }
            if let year = Int(words[0]), isYear(year), let month = month(words[1]), let day = Int(words[2]) { return valid(year, month, day) }
            guard let day = Int(words[0]), let month = month(words[1]), let year = Int(words[2]), isYear(year) else { return nil }
            return valid(year, month, day)
        default:
            return nil
        }
    }

    /// English abbreviations of the months (`Aug.`, `Sept`).
    static let monthAbbreviations: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    ]

    /// `august`, `ağustos`, `августа`, `aug.`, `sept` → the month's number.
    static func month(_ word: String) -> Int? {
        months[word] ?? monthAbbreviations[word.hasSuffix(".") ? String(word.dropLast()) : word]
    }

    /// A segment that is a publication date (`2011`, `2020a`, `March 2021`, `(1998)`,
    /// `19.04.2016`), with its year suffix.
    static func publication(_ segment: String) -> (CSLDate, String?)? {
        var text = segment.trimmingCharacters(in: CharacterSet(charactersIn: " ()."))
        var suffix: String?
        if text.count == 5, let last = text.last, last.isLowercase, last.isASCII, text.dropLast().allSatisfy(\.isNumber) {
            suffix = String(last)
            text.removeLast()
        }
        guard let date = parse(text) else { return nil }
        return (date, suffix)
    }

    static func isYear(_ year: Int) -> Bool { (1400...2100).contains(year) }

    static func valid(_ year: Int, _ month: Int, _ day: Int) -> CSLDate? {
        guard isYear(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        return CSLDate(year: year, month: month, day: day)
    }
}

/// Place names, to tell `Ankara` from a publisher at the end of a book reference.
enum Places {
    static let known: Set<String> = [
        "ankara", "istanbul", "i̇stanbul", "izmir", "i̇zmir", "bakı", "baku", "bakü", "moskva", "москва", "м.", "спб.",
        "london", "new york", "oxford", "cambridge", "paris", "berlin", "washington", "washington dc", "tbilisi",
        "erzurum", "giresun", "konya", "bursa", "trabzon", "eskişehir", "kayseri", "boston", "princeton", "geneva",
        "cenevre", "stockholm", "brussels", "brüksel", "nakhchivan", "naxçıvan", "gəncə", "lefkoşa",
    ]
    static let publisherWords = ["yayın", "press", "publish", "kitab", "nəşr", "books", "verlag", "издат", "matbaa",
                                 "basımevi", "university", "üniversite", "enstitü", "institute", "centre", "center",
                                 "service", "foundation", "vakf", "ltd", "inc"]

    static func isKnown(_ text: String) -> Bool {
        known.contains(text.lowercased())
    }

    /// A known place, or a few capitalised words naming none of the things publishers are called.
    static func looksLikePlace(_ text: String) -> Bool {
        if isKnown(text) { return true }
        let lower = text.lowercased()
        if publisherWords.contains(where: { lower.contains($0) }) || PersonNames.isInstitution(text) { return false }
        let words = text.split(separator: " ")
        guard (1...4).contains(words.count) else { return false }
        return words.allSatisfy { word in
            ["and", "ve", "və", "&", "-"].contains(String(word)) || word.first!.isUppercase && !word.contains(where: \.isNumber)
        }
    }
}

/// Chooses the CSL type from what a reference holds.
enum ReferenceType {
    static let thesisMarkers = ["yüksek lisans tezi", "doktora tezi", "master's thesis", "master thesis", "phd thesis",
                                "ph.d. thesis", "doctoral dissertation", "dissertation", "dissertasiya", "диссертация",
                                "yayımlanmamış yüksek lisans", "yayımlanmamış doktora", "magistr dissertasiyası"]
    static let reportWords = ["fact sheet", "report", "rapor", "brief", "working paper", "policy", "research service",
                              "hesabat", "доклад", "отчет", "centre", "center", "institute for"]
    static let legalWords = ["protokol", "anlaşması", "antlaşması", "beyannamesi", "kanun", "yasası", "yönetmelik",
                             "resmî gazete", "resmi gazete", "resmigazete", "qanun", "закон", "treaty"]
    static let newsHosts = ["aa.com.tr", "bbc.", "reuters.", "upi.", "forbes.", "yenisafak.", "hurriyet.", "milliyet.",
                            "sabah.com", "cnn.", "nytimes.", "theguardian.", "defenceturk.", "trthaber", "haberturk.", "ntvmsnbc.", "euronews.",
                            "aljazeera", "apa.az", "report.az", "azertag", "trend.az", "dailysabah", "ntv.", "sozcu."]
    /// Words in a title that make a report whatever its container.
    static let reportTitleWords = ["report", "rapor", "fact sheet", "hesabat", "доклад", "working paper"]
    static let newsNames = ["reuters", "anadolu ajansı", "anadolu agency", "bbc", "yeni şafak", "hürriyet", "milliyet",
                            "cumhuriyet", "radikal", "daily sabah", "turkish daily news", "trt haber", "azertac"]

    /// Whether a title or URL names a legal text (a protocol, a law, the official gazette).
    static func isLegal(title: String?, url: String?) -> Bool {
        let text = ((title ?? "") + " " + (url ?? "")).lowercased()
        return legalWords.contains { text.contains($0) }
    }

    static func isThesisMarker(_ segment: String) -> Bool {
        let lower = segment.lowercased()
        return thesisMarkers.contains { lower.contains($0) }
    }

    static func decide(_ fields: ReferenceParser.Fields) -> String {
        if fields.genre != nil { return "thesis" }
        let title = fields.title?.lowercased() ?? ""
        let url = fields.url?.lowercased() ?? ""
        if isLegal(title: fields.title, url: fields.url) { return "legislation" }
        if !fields.editors.isEmpty { return fields.container != nil || fields.titleQuoted ? "chapter" : "book" }
        let context = [fields.container, fields.publisher].compactMap { $0?.lowercased() }
        let publisher = fields.publisher?.lowercased() ?? ""
        let bookPublisher = ["yayın", "press", "publish", "kitab", "nəşr", "books", "verlag", "издат"].contains { publisher.contains($0) }
        if !bookPublisher, context.contains(where: { text in reportWords.contains { text.contains($0) } })
            || reportTitleWords.contains(where: { title.contains($0) }) && fields.volume == nil { return "report" }
        if fields.volume != nil || fields.issue != nil { return "article-journal" }
        let authors = fields.authors.map { PersonNames.display($0).lowercased() }
        let container = fields.container?.lowercased() ?? ""
        if newsHosts.contains(where: { url.contains($0) }) || newsNames.contains(where: { authors.contains($0) || container == $0 }) {
            return "article-newspaper"
        }
        if !url.isEmpty { return "webpage" }
        if fields.publisher != nil || fields.place != nil || (!fields.titleQuoted && fields.title != nil) { return "book" }
        return "article"
    }
}
