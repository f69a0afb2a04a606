import Foundation
import GlossCore

/// Writes an imported entry back as its `.bib` file wrote it (`custom.bibtex`): every field, the
/// values exactly as written, and the `@string` definitions they use. For classic BibTeX the type
/// becomes the nearest BibTeX type, BibLaTeX-only fields that have a BibTeX twin get its name
/// (`journaltitle` → `journal`, `location` → `address`, `date` → `year` and `month`), and
/// non-ASCII letters outside verbatim fields become accent commands; the other fields stay, as
/// BibTeX ignores fields a style does not use.
struct OriginalEntryWriter {
    enum Flavour { case biblatex, bibtex }

    let flavour: Flavour
    /// `@string` definitions the written entries use, by name.
    var strings: [String: String] = [:]
    /// `@preamble` values of the written entries' files, each once, in order.
    var preambles: [String] = []
    private var seenPreambles = Set<String>()
    var warnings: [String] = []

    init(_ flavour: Flavour) { self.flavour = flavour }

    /// Fields whose values biber reads verbatim: kept byte for byte in every flavour.
    static let verbatimFields: Set<String> = ["url", "doi", "eprint", "file", "pdf", "verba", "verbb", "verbc", "urlraw"]

    /// BibLaTeX types and the nearest classic BibTeX type.
    static let bibtexTypes: [String: String] = [
        "article": "article", "book": "book", "mvbook": "book", "inbook": "inbook", "bookinbook": "inbook",
        "suppbook": "inbook", "booklet": "booklet", "collection": "book", "mvcollection": "book",
        "incollection": "incollection", "suppcollection": "incollection", "manual": "manual", "misc": "misc",
        "online": "misc", "patent": "misc", "periodical": "misc", "suppperiodical": "article",
        "proceedings": "proceedings", "mvproceedings": "proceedings", "inproceedings": "inproceedings",
        "conference": "inproceedings", "reference": "book", "mvreference": "book", "inreference": "incollection",
        "report": "techreport", "techreport": "techreport", "thesis": "phdthesis", "phdthesis": "phdthesis",
        "mastersthesis": "mastersthesis", "unpublished": "unpublished", "set": "misc", "xdata": "misc",
    ]

    /// The entry for `original` under `key`, or nil for entries classic BibTeX has no use for
    /// (`@set`, `@xdata`), which are reported.
    mutating func entry(_ original: BibTeXOriginal, key: String) -> String? {
        var type = original.type
        var fields = original.fields.map { (name: $0.name, value: Self.clean($0.value)) }
        if flavour == .bibtex {
            if ["set", "xdata"].contains(type) {
                warnings.append("\(key): @\(type) has no BibTeX counterpart and is left out of the BibTeX file; its members are written on their own")
                return nil
            }
            type = Self.bibtexType(original)
            fields = Self.bibtexFields(fields, type: type)
        }
        fields = fields.map { (name: $0.name, value: Self.joiningLinesThatStartWithAt($0.value)) }
        for preamble in (original.preambles ?? []).map(Self.written) where seenPreambles.insert(preamble).inserted {
            preambles.append(preamble)
        }
        for (name, raw) in original.strings ?? [:] {
            let value = Self.written(raw)
            if let known = strings[name], known != value {
                warnings.append("\(key): @string \(name) is defined differently by another entry's file; the first definition is written")
            } else {
                strings[name] = value
            }
        }
        var out = "@\(type){\(key)"
        let width = fields.map(\.name.count).max() ?? 0
        out.reserveCapacity(out.utf8.count + fields.reduce(8) { $0 + width + $1.value.utf8.count + 8 })
        for field in fields {
            out += ",\n  "
            out += field.name
            out += String(repeating: " ", count: width - field.name.count)
            out += " = "
            out += field.value
        }
        out += "\n}\n"
        return out
    }

    /// The `@preamble`s and `@string` definitions (sorted by name) the entries need.
    var preamble: String {
        preambles.map { "@preamble{\($0)}\n" }.joined() + strings.keys.sorted().map { "@string{\($0) = \(strings[$0]!)}\n" }.joined()
    }

    /// A value as written, minus what no TeX engine accepts: control characters other than tab
    /// and line breaks, and noncharacters such as U+FFFE. A backslash that escaped such a character
    /// goes with it: left alone it would escape what follows (`{\<U+0002>}` is not `{\}`, found by
    /// fuzzing: the group no longer closed).
    static func clean(_ value: String) -> String {
        // Only these bytes start an unwritable code point: controls, C2 (U+0080–U+009F), EF
        // (U+FDD0–U+FDEF, U+FFFE, U+FFFF) and F0–F4 (the other planes' last two).
        guard value.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F || $0 == 0xC2 || $0 >= 0xEF }),
              value.unicodeScalars.contains(where: isUnwritable) else { return value }
        var out = String.UnicodeScalarView()
        var backslashes = 0
        for scalar in value.unicodeScalars {
            if isUnwritable(scalar) {
                if backslashes % 2 == 1 {
                    out.removeLast()
                    backslashes -= 1
                }
                continue
            }
            backslashes = scalar == "\\" ? backslashes + 1 : 0
            out.append(scalar)
        }
        return String(out)
    }

    /// A `@preamble` or `@string` value as written, minus what `clean` takes out, with no line
    /// that starts with `@`.
    static func written(_ value: String) -> String { joiningLinesThatStartWithAt(clean(value)) }

    /// A line inside a value that starts with `@` becomes part of the line before it (each line
    /// break between them a space, which it is to BibTeX). A value read from a file has no line
    /// that starts an entry, but once characters are taken out of `@art<U+000B>icle{` or of the
    /// blank line before it, or `@mşir{` is written `@m{\c{s}}ir{`, the reader would take the
    /// line for a new entry and the value for an unclosed one (found by fuzzing).
    static func joiningLinesThatStartWithAt(_ value: String) -> String {
        guard value.utf8.contains(UInt8(ascii: "@")), value.utf8.contains(UInt8(ascii: "\n")) else { return value }
        var scalars = Array(value.unicodeScalars)
        for at in scalars.indices where scalars[at] == "@" {
            var before = at - 1
            while before >= 0, [" ", "\t", "\n"].contains(scalars[before]) {
                if scalars[before] == "\n" { scalars[before] = " " }
                before -= 1
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    static func isUnwritable(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return !(scalar == "\t" || scalar == "\n" || scalar == "\r") }
        // The 66 noncharacters are U+FDD0–U+FDEF and the last two code points of each plane;
        // asking the scalar's properties cost a sixth of an export.
        return value == 0x7F || (0x80...0x9F).contains(value) || (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
    }

    static func bibtexType(_ original: BibTeXOriginal) -> String {
        let subtype = original.value("type").map { LaTeXText.decode(unwrapped($0)).lowercased() } ?? ""
        switch original.type {
        case "thesis":
            return subtype.contains("ma") && !subtype.contains("phd") ? "mastersthesis" : "phdthesis"
        case "inbook", "bookinbook", "suppbook":
            // BibTeX's @inbook is a part of a book named by chapter or pages; a titled part with a
            // booktitle is an @incollection.
            return original.value("booktitle") != nil ? "incollection" : "inbook"
        default:
            return bibtexTypes[original.type] ?? "misc"
        }
    }

    /// BibLaTeX names to BibTeX names where BibTeX has a twin and the entry lacks it.
    static func bibtexFields(_ fields: [(name: String, value: String)], type: String) -> [(name: String, value: String)] {
        let names = Set(fields.map(\.name))
        var out: [(name: String, value: String)] = []
        for field in fields {
            var name = field.name
            var value = field.value
            switch name {
            case "journaltitle" where !names.contains("journal"): name = "journal"
            case "location" where !names.contains("address"): name = "address"
            case "institution" where ["phdthesis", "mastersthesis"].contains(type) && !names.contains("school"): name = "school"
            case "date" where !names.contains("year"):
                let date = LaTeXText.decode(unwrapped(value))
                let digits = date.prefix { $0.isNumber }
                guard digits.count == 4 else { break }
                out.append(("year", String(digits)))
                let rest = date.dropFirst(4)
                if rest.hasPrefix("-"), let month = Int(rest.dropFirst().prefix(2)), (1...12).contains(month), !names.contains("month") {
                    out.append(("month", ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"][month - 1]))
                }
                continue
            case "type" where ["phdthesis", "mastersthesis"].contains(type):
                // `mathesis`/`phdthesis` are biblatex's localisation keys; the BibTeX type says it.
                let subtype = LaTeXText.decode(unwrapped(value)).lowercased()
                if ["mathesis", "phdthesis", "candthesis"].contains(subtype) { continue }
            default:
                break
            }
            if !verbatimFields.contains(name) { value = asciiLetters(value) }
            out.append((name, value))
        }
        return out
    }

    /// Non-ASCII letters as braced accent commands; everything else as written.
    static func asciiLetters(_ value: String) -> String {
        guard !value.unicodeScalars.allSatisfy(\.isASCII) else { return value }
        var writer = LaTeXEncoder.ASCIIWriter()
        var backslashes = 0
        var commandLetter = false
        for scalar in value.precomposedStringWithCanonicalMapping.unicodeScalars {
            // A backslash before a letter that becomes `{\c{s}}` would escape its brace (found by
            // fuzzing: the value no longer closed); `\ş` means nothing to TeX, the letter stays.
            if !scalar.isASCII, backslashes % 2 == 1 { writer.dropLastBackslash() }
            // For the same reason a mark after a command's one letter (`\c` and U+0328) is written
            // over nothing, not over the letter.
            if commandLetter, scalar.properties.generalCategory == .nonspacingMark { writer.flush() }
            commandLetter = backslashes % 2 == 1 && scalar.properties.isAlphabetic
            backslashes = scalar == "\\" ? backslashes + 1 : 0
            _ = writer.append(scalar)
        }
        return writer.finish()
    }

    /// The text inside a value's outer braces or quotes.
    static func unwrapped(_ value: String) -> String {
        guard let first = value.first, first == "{" || first == "\"", value.count >= 2 else { return value }
        return String(value.dropFirst().dropLast())
    }
}
