/// Turns names and titles into plain ASCII letters for citation keys and ids.
///
/// Turkish and Azerbaijani letters map to their base letter (ı→i, İ→I, ə→e, ş→s, ğ→g, ç→c,
/// ö→o, ü→u), other Latin diacritics are stripped, and Russian (and Ukrainian) Cyrillic follows
/// BGN/PCGN romanisation without its diacritics (Щукин → Shchukin, Ёлкин → Yelkin).
/// Apostrophes vanish (`Bozkuş’a` → `Bozkusa`); anything else that is not a letter or digit
/// is kept as is for the caller to filter.
public enum ASCIITransliterator {
    /// The ASCII form of `text`.
    public static func transliterate(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            out += fold(scalar, after: previous)
            previous = scalar
        }
        return out
    }

    private static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{2018}", "\u{02BC}", "\u{02BB}", "`", "\u{00B4}"]

    private static func fold(_ scalar: Unicode.Scalar, after previous: Unicode.Scalar?) -> String {
        if scalar.isASCII { return apostrophes.contains(scalar) ? "" : String(scalar) }
        if apostrophes.contains(scalar) { return "" }
        switch scalar {
        case "ı": return "i"
        case "İ": return "I"
        case "ə": return "e"
        case "Ə": return "E"
        case "ß": return "ss"
        case "æ": return "ae"
        case "Æ": return "AE"
        case "ø": return "o"
        case "Ø": return "O"
        case "ł": return "l"
        case "Ł": return "L"
        case "đ": return "d"
        case "Đ": return "D"
        case "œ": return "oe"
        case "Œ": return "OE"
        default: break
        }
        if let cyrillic = cyrillic(scalar, after: previous) { return cyrillic }
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
        var base = ""
        for part in decomposed where part.isASCII { base.unicodeScalars.append(part) }
        return base.isEmpty ? String(scalar) : base
    }

    /// BGN/PCGN romanisation: е and ё are `ye` at the start of a word and after a vowel, ъ or ь.
    private static func cyrillic(_ scalar: Unicode.Scalar, after previous: Unicode.Scalar?) -> String? {
        let lower = Unicode.Scalar(String(scalar).lowercased()) ?? scalar
        let upper = lower != scalar
        let roman: String
        switch lower {
        case "а": roman = "a"
        case "б": roman = "b"
        case "в": roman = "v"
        case "г", "ґ": roman = "g"
        case "д": roman = "d"
        case "е", "ё":
            let soft = previous.map { prev in
                let p = Unicode.Scalar(String(prev).lowercased()) ?? prev
                return "аеёиоуыэюяйъьіїє".unicodeScalars.contains(p) || !p.properties.isAlphabetic
            } ?? true
            roman = soft ? "ye" : "e"
        case "є": roman = "ye"
        case "ж": roman = "zh"
        case "з": roman = "z"
        case "и": roman = "i"
        case "і": roman = "i"
        case "ї": roman = "yi"
        case "й": roman = "y"
        case "к": roman = "k"
        case "л": roman = "l"
        case "м": roman = "m"
        case "н": roman = "n"
        case "о": roman = "o"
        case "п": roman = "p"
        case "р": roman = "r"
        case "с": roman = "s"
        case "т": roman = "t"
        case "у": roman = "u"
        case "ф": roman = "f"
        case "х": roman = "kh"
        case "ц": roman = "ts"
        case "ч": roman = "ch"
        case "ш": roman = "sh"
        case "щ": roman = "shch"
        case "ъ", "ь": roman = ""
        case "ы": roman = "y"
        case "э": roman = "e"
        case "ю": roman = "yu"
        case "я": roman = "ya"
        default: return nil
        }
        guard upper, let first = roman.first else { return roman }
        return first.uppercased() + roman.dropFirst()
    }
}
