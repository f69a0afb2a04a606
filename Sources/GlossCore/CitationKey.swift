/// Citation keys for records made by Gloss: `simsir2011azerbaycan` — first author's family name,
/// year, first long title word, folded to ASCII (`Şimşir` → `simsir`, `Məmmədova` → `memmedova`).
public enum CitationKey {
    public static func make(for record: BibRecord) -> String {
        let name = record.author?.first ?? record.editor?.first
        let namePart = name.map { ascii($0.family ?? $0.literal ?? $0.given ?? "").split(separator: " ").first.map(String.init) ?? "" } ?? ""
        let year = record.issued?.year.map(String.init) ?? ""
        let titleWord = record.title.flatMap { title in
            ascii(title).split(separator: " ").first { $0.count > 3 }.map(String.init)
        } ?? ""
        let key = namePart + year + (record.yearSuffix ?? "") + titleWord
        return key.isEmpty ? "ref" : key
    }

    /// `base`, or `base-2`, `base-3`… when `base` is taken.
    public static func unique(_ base: String, taken: Set<String>) -> String {
        guard taken.contains(base) else { return base }
        var counter = 2
        while taken.contains("\(base)-\(counter)") { counter += 1 }
        return "\(base)-\(counter)"
    }

    /// Russian and Azerbaijani Cyrillic letters in Latin (`Ибрагимов` → `ibragimov`).
    static let cyrillic: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e", "ә": "e", "ж": "zh", "з": "z",
        "и": "i", "й": "i", "ј": "y", "к": "k", "ҝ": "g", "л": "l", "м": "m", "н": "n", "о": "o", "ө": "o", "п": "p",
        "р": "r", "с": "s", "т": "t", "у": "u", "ү": "u", "ф": "f", "х": "kh", "һ": "h", "ц": "ts", "ч": "ch", "ҹ": "c",
        "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    ]

    /// Lower-case ASCII words of `text`, joined by spaces.
    static func ascii(_ text: String) -> String {
        let latin = String(text.lowercased().flatMap { cyrillic[$0].map(Array.init) ?? [$0] })
        return NameFolding.key(latin).unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil) || $0 == " " }
            .map(String.init).joined()
    }
}
