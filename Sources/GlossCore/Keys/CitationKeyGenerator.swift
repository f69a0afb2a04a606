/// Makes citation keys in Better BibTeX's default style: the first author's family name in
/// lower case, the first significant word of the title, and the year (`simsirAzerbaycan2011`).
///
/// Keys are ASCII only (see `ASCIITransliterator`). Records whose keys clash get suffixes a, b, …
/// in an order that depends only on the records' content, so the same library gives the same keys
/// on every run whatever order the records come in.
public enum CitationKeyGenerator {
    /// Words skipped when picking the title word (English, Turkish, Azerbaijani); numbers are skipped too.
    public static let stopWords: Set<String> = [
        "a", "an", "the", "and", "of", "on", "in", "at", "to", "for", "from", "with", "by",
        "bir", "ve", "ile", "ya", "da", "de", "ki", "veya",
    ]

    /// The key a record gets before clashes are resolved.
    public static func baseKey(for record: BibRecord) -> String {
        let author = authorPart(record)
        let title = titlePart(record.title)
        let year = record.issued?.year.map(String.init) ?? yearInLiteral(record.issued?.literal) ?? ""
        let key = author + title + year
        if key.isEmpty { return "anon" }
        // A key must not start with a digit for every tool to be happy with it as a name.
        if let first = key.unicodeScalars.first, first.properties.numericType != nil { return "anon" + key }
        return key
    }

    /// Unique keys for `records`, in the same order as `records`. Records whose `id` is in
    /// `keep` (already a usable key the researcher cites by) keep it; the others get generated keys
    /// that avoid every kept key.
    public static func keys(for records: [BibRecord], keeping keep: (BibRecord) -> Bool = { _ in false }) -> [String] {
        var result = [String?](repeating: nil, count: records.count)
        var taken = Set<String>()
        for (index, record) in records.enumerated() where keep(record) && !taken.contains(record.id) {
            result[index] = record.id
            taken.insert(record.id)
        }
        // Deterministic order: by base key, then by the record's content.
        let pending = records.indices.filter { result[$0] == nil }
            .map { (index: $0, base: baseKey(for: records[$0]), order: orderKey(records[$0])) }
            .sorted { ($0.base, $0.order, $0.index) < ($1.base, $1.order, $1.index) }
        for entry in pending {
            var candidate = entry.base
            var counter = 0
            while taken.contains(candidate) {
                candidate = entry.base + suffix(counter)
                counter += 1
            }
            taken.insert(candidate)
            result[entry.index] = candidate
        }
        return result.map { $0! }
    }

    /// Whether `key` can stand as it is in a .bib file for BibTeX and biber: an ASCII letter, then
    /// letters, digits and `_:.-+/`.
    public static func isUsableKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return key.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_:.-+/".unicodeScalars.contains($0))
        }
    }

    /// a, b, …, z, aa, ab, …
    static func suffix(_ n: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        var n = n
        var out = ""
        repeat {
            out = String(letters[n % 26]) + out
            n = n / 26 - 1
        } while n >= 0
        return out
    }

    private static func authorPart(_ record: BibRecord) -> String {
        guard let name = (record.author ?? record.editor)?.first else { return "" }
        let raw: String
        if let family = name.family, !family.isEmpty {
            raw = family
        } else if let literal = name.literal {
            raw = literal.split(whereSeparator: { $0 == " " }).first.map(String.init) ?? literal
        } else {
            raw = name.given ?? ""
        }
        return alphanumerics(ASCIITransliterator.transliterate(raw)).lowercased()
    }

    private static func titlePart(_ title: String?) -> String {
        guard let title else { return "" }
        for word in title.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’") }) {
            let ascii = alphanumerics(ASCIITransliterator.transliterate(String(word)))
            guard !ascii.isEmpty, !stopWords.contains(ascii.lowercased()),
                  !ascii.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else { continue }
            return ascii.prefix(1).uppercased() + ascii.dropFirst().lowercased()
        }
        return ""
    }

    private static func alphanumerics(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter {
            $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil)
        }))
    }

    private static func yearInLiteral(_ literal: String?) -> String? {
        guard let literal else { return nil }
        let digits = Array(literal.unicodeScalars)
        var run = 0
        for (index, scalar) in digits.enumerated() {
            run = ("0"..."9").contains(scalar) ? run + 1 : 0
            let nextIsDigit = index + 1 < digits.count && ("0"..."9").contains(digits[index + 1])
            if run == 4, !nextIsDigit {
                return String(String.UnicodeScalarView(digits[(index - 3)...index]))
            }
        }
        return nil
    }

    /// The content a clash is ordered by: title, container, authors, year, then the old id.
    private static func orderKey(_ record: BibRecord) -> String {
        let names = (record.author ?? []).map { [$0.family, $0.given, $0.literal].compactMap { $0 }.joined(separator: " ") }
        return [record.title ?? "", record.containerTitle ?? "", names.joined(separator: ";"),
                record.issued?.year.map(String.init) ?? "", record.page ?? "", record.id].joined(separator: "\u{1F}")
    }
}
