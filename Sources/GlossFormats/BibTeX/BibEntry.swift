import GlossCore

/// A BibTeX/BibLaTeX entry ready to print: type, key, and fields whose values are already
/// encoded LaTeX.
struct BibEntry {
    var type: String
    var key: String
    var fields: [(name: String, value: String)] = []

    mutating func add(_ name: String, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        fields.append((name, value))
    }

    /// Whether a field is present.
    func has(_ name: String) -> Bool { fields.contains { $0.name == name } }

    var rendered: String {
        var out = "@\(type){\(key)"
        let width = fields.map(\.name.count).max() ?? 0
        for field in fields {
            out += ",\n  " + field.name + String(repeating: " ", count: width - field.name.count) + " = {" + field.value + "}"
        }
        return out + "\n}\n"
    }
}

/// What a bibliography export produced: the file's text and warnings for the researcher.
public struct BibliographyExport: Sendable, Equatable {
    public var text: String
    /// One line each, naming the record: `simsirAzerbaycan2011: ...`.
    public var warnings: [String]
}

/// Shared pieces of the BibTeX and BibLaTeX writers.
struct BibFieldEncoder {
    let encoder: LaTeXEncoder
    var warnings: [String] = []
    /// Keys already warned about schwa, so the check is a lookup, not a scan of `warnings`.
    private var schwaWarned = Set<String>()
    var key = ""

    init(mode: LaTeXEncoder.Mode) {
        encoder = LaTeXEncoder(mode: mode)
    }

    mutating func text(_ value: String?) -> String? {
        guard let value else { return nil }
        let trimmed = value.trimmingWhitespace
        guard !trimmed.isEmpty else { return nil }
        let (encoded, unescaped) = encoder.encode(trimmed)
        if !unescaped.isEmpty {
            let sample = String(String.UnicodeScalarView(unescaped.prefix(8)))
            let cyrillic = unescaped.allSatisfy { (0x0400...0x052F).contains($0.value) }
            warnings.append("\(key): \(cyrillic ? "Cyrillic" : "non-ASCII") characters with no LaTeX escape kept as UTF-8 (\(sample)); use BibLaTeX with biber, or a UTF-8 aware bibtex (bibtexu)")
        }
        if encoded.utf8.contains(UInt8(ascii: "\\")), encoded.contains("\\textschwa") || encoded.contains("\\textSchwa"),
           schwaWarned.insert(key).inserted {
            warnings.append("\(key): ə written as \\textschwa, defined in the file's @preamble; load graphicx (or tipa) to print it as a schwa")
        }
        return encoded
    }

    /// A page range with BibTeX's en dash, `--`: `169-203` and `169–203` become `169--203`.
    mutating func pages(_ value: String?) -> String? {
        text(value).map(Self.pageRange)
    }

    static func pageRange(_ text: String) -> String {
        let scalars = Array(text.replacingAll("–", with: "-").replacingAll("—", with: "-").unicodeScalars)
        var out = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            out.append(scalar)
            // A lone hyphen between two page numbers (not one half of `--` already there).
            if scalar == "-", index > 0, index + 1 < scalars.count, scalars[index - 1] != "-", scalars[index + 1] != "-",
               scalars[index - 1].properties.isAlphabetic || scalars[index - 1].properties.numericType != nil {
                out.append("-")
            }
        }
        return String(out)
    }

    /// A title, brace-protected whole so that styles cannot change its case (`{DEĞİŞİKLİĞİ}`).
    mutating func protected(_ value: String?) -> String? {
        text(value).map { "{\($0)}" }
    }

    /// `Family, Given and {{Institution}}`.
    mutating func names(_ names: [CSLName]?) -> String? {
        guard let names, !names.isEmpty else { return nil }
        let parts: [String] = names.compactMap { name in
            if let literal = text(name.literal) { return "{\(literal)}" }
            let family = text(name.family)
            let given = text(name.given)
            switch (family, given) {
            case let (family?, given?): return "\(guardName(family)), \(guardName(given))"
            // A name of several words with no given name (`Deveci Bozkuş`, `Daily Sabah`) is
            // braced, or biber takes its first word for a given name.
            case let (family?, nil): return family.contains(" ") ? "{\(family)}" : guardName(family)
            case let (nil, given?): return "{\(given)}"
            case (nil, nil): return nil
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: " and ")
    }

    /// Braces a name part holding `,` or ` and `, which would split the name list.
    private func guardName(_ part: String) -> String {
        part.contains(",") || part.lowercased().contains(" and ") ? "{\(part)}" : part
    }

    /// A URL or DOI as BibLaTeX's verbatim fields read it: braces, backslashes, spaces and control
    /// characters percent-encoded so the field cannot break.
    func verbatim(_ value: String?) -> String? {
        guard let value else { return nil }
        var out = ""
        for byte in value.trimmingWhitespace.utf8 {
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "\\"), UInt8(ascii: " "), UInt8(ascii: "\""),
                 0..<0x20, 0x7F...0xFF:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
            default:
                out.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return out.isEmpty ? nil : out
    }

    /// A URL for `\url{…}` in a classic BibTeX field: `verbatim`, with `%` and `#` escaped as
    /// hyperref's `\url` reads them, since a style may pass the field through a macro argument.
    func classicURL(_ value: String?) -> String? {
        verbatim(value).map { $0.replacingAll("%", with: "\\%").replacingAll("#", with: "\\#") }
    }
}

extension BibRecord {
    /// The year of publication as written for BibTeX's `year` field.
    var bibYear: String? {
        if let year = issued?.year { return String(year) }
        return issued?.isoString.map { String($0.prefix(4)) }
    }
}

/// A valid BibTeX key: record ids that contain characters BibTeX or biber reject are replaced by
/// generated keys.
enum BibKeys {
    static func isUsable(_ key: String) -> Bool { CitationKeyGenerator.isUsableKey(key) }

    /// Keys for `records`: an imported entry keeps the key its file gave it, whatever it is (a
    /// user's key is never changed); other records keep usable ids and get generated keys otherwise.
    static func keys(for records: [BibRecord]) -> [String] {
        CitationKeyGenerator.keys(for: records, keeping: { $0.custom?.bibtex != nil || isUsable($0.id) })
    }
}

extension String {
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[start...end])
    }

    func leftPadded(_ width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }

    func replacingAll(_ target: String, with replacement: String) -> String {
        components(separatedBy: target).joined(separator: replacement)
    }
}
