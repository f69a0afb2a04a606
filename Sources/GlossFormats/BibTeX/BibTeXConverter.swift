import Foundation
import GlossCore

/// Turns a raw BibTeX entry into a CSL record: BibTeX types to CSL types, names
/// (`Last, First and …`, `First von Last`, `{{Corporate Name}}`) to CSL names, LaTeX to Unicode.
/// The entry as written is kept under `custom.bibtex`, so exports can write it back unchanged.
enum BibTeXConverter {
    static let types: [String: String] = [
        "article": "article-journal", "book": "book", "mvbook": "book", "inbook": "chapter", "incollection": "chapter",
        "bookinbook": "chapter", "suppbook": "chapter", "inproceedings": "paper-conference", "conference": "paper-conference",
        "proceedings": "book", "mvproceedings": "book", "collection": "book", "mvcollection": "book", "phdthesis": "thesis",
        "mastersthesis": "thesis", "thesis": "thesis", "techreport": "report", "report": "report", "online": "webpage",
        "electronic": "webpage", "www": "webpage", "misc": "document", "manual": "book", "booklet": "pamphlet",
        "unpublished": "manuscript", "patent": "patent", "periodical": "periodical", "legislation": "legislation",
        "legal": "legislation", "jurisdiction": "legal_case", "dataset": "dataset", "software": "software",
        "reference": "book", "mvreference": "book", "inreference": "entry-encyclopedia", "newspaper": "article-newspaper",
        "review": "review", "letter": "personal_communication", "audio": "song", "video": "motion_picture",
        "image": "graphic", "map": "map", "set": "document", "xdata": "document", "bibnote": "document",
        "artwork": "graphic", "performance": "performance", "standard": "standard",
    ]

    static func record(from entry: BibTeXEntry, file: String) -> (BibRecord, [BibTeXProblem]) {
        var problems: [BibTeXProblem] = []
        func warn(_ message: String) {
            problems.append(BibTeXProblem(file: file, line: entry.line, severity: .warning, message: "entry '\(entry.key)': \(message)"))
        }
        var type = types[entry.type] ?? "document"
        if types[entry.type] == nil { warn("unknown entry type @\(entry.type), read as a document") }
        let subtype = entry.value("entrysubtype").map(LaTeXText.decode)?.lowercased()
        if entry.type == "article", subtype == "newspaper" || subtype == "magazine" {
            type = subtype == "newspaper" ? "article-newspaper" : "article-magazine"
        }
        var record = BibRecord(id: entry.key, type: type)
        func text(_ name: String) -> String? {
            entry.value(name).map(LaTeXText.decode).flatMap { $0.isEmpty ? nil : $0 }
        }
        record.author = entry.value("author").map(names)
        record.editor = entry.value("editor").map(names)
        record.title = text("title")
        record.containerTitle = text("journaltitle") ?? text("journal") ?? text("booktitle") ?? text("maintitle")
        record.collectionTitle = text("series")
        record.volume = text("volume")
        record.issue = text("number") ?? text("issue")
        record.page = text("pages").map { $0.utf8.contains(0xE2) ? $0.replacingOccurrences(of: "–", with: "-") : $0 }
        record.publisher = text("publisher") ?? text("institution") ?? text("school") ?? text("organization")
        record.publisherPlace = text("location") ?? text("address")
        record.url = entry.value("url").map(verbatim)
        record.doi = entry.value("doi").map(verbatim)
        record.language = text("langid") ?? text("language")
        record.genre = text("type") ?? (entry.type == "phdthesis" ? "PhD thesis" : entry.type == "mastersthesis" ? "Master's thesis" : nil)
        record.note = text("note")
        if let date = text("date") {
            if let parsed = isoDate(date) ?? dateRange(date) {
                record.issued = parsed
            } else {
                record.issued = CSLDate(literal: date)
                // EDTF (`1997?`, `19XX`, `1988/..`) is BibLaTeX's own; only other text is news.
                if !date.unicodeScalars.allSatisfy({ "0123456789X?~%/.-+:TZ ".unicodeScalars.contains($0) }) {
                    warn("date '\(date)' is neither YYYY-MM-DD nor EDTF; kept as written")
                }
            }
        } else if let year = text("year") {
            let digits = String(year.prefix { $0.isNumber })
            if digits.count == 4, let value = Int(digits) {
                let month = text("month").flatMap(monthNumber)
                record.issued = CSLDate(year: value, month: month)
                let suffix = year.dropFirst(4)
                if suffix.count == 1, suffix.allSatisfy(\.isLetter) { record.yearSuffix = String(suffix) }
            } else {
                record.issued = CSLDate(literal: year)
            }
        }
        if let urldate = text("urldate") { record.accessed = isoDate(urldate) ?? CSLDate(literal: urldate) }
        record.custom = BibRecord.Custom(provenance: [RecordProvenance(file: file, line: entry.line)])
        record.custom?.bibtex = entry.original
        // Sets and data containers have no title of their own.
        if record.title == nil, !["set", "xdata"].contains(entry.type), entry.value("crossref") == nil, entry.value("xdata") == nil {
            warn("has no title")
        }
        return (record, problems)
    }

    /// A URL or DOI: taken as written, without braces and with `\_`, `\%`, `\&`, `\#`, `\~` unescaped.
    static func verbatim(_ value: String) -> String {
        if value.utf8.allSatisfy({ $0 < 0x80 }) { return asciiVerbatim(value) }
        var text = value.filter { $0 != "{" && $0 != "}" }
        for escaped in ["_", "%", "&", "#", "~", "$"] { text = text.replacingOccurrences(of: "\\" + escaped, with: escaped) }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `verbatim` of ASCII text, in one pass over its bytes: braces dropped, the backslash of
    /// `\_ \% \& \# \~ \$` dropped, ASCII whitespace trimmed.
    static func asciiVerbatim(_ value: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count)
        var pendingBackslash = false
        for byte in value.utf8 where byte != UInt8(ascii: "{") && byte != UInt8(ascii: "}") {
            if pendingBackslash {
                pendingBackslash = false
                switch byte {
                case UInt8(ascii: "_"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "#"), UInt8(ascii: "~"), UInt8(ascii: "$"): break
                default: out.append(UInt8(ascii: "\\"))
                }
            }
            if byte == UInt8(ascii: "\\") { pendingBackslash = true } else { out.append(byte) }
        }
        if pendingBackslash { out.append(UInt8(ascii: "\\")) }
        return String(decoding: trimmed(out[...], isSpace: isASCIIWhitespace), as: UTF8.self)
    }

    static func isASCIIWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    static func trimmed(_ bytes: ArraySlice<UInt8>, isSpace: (UInt8) -> Bool) -> ArraySlice<UInt8> {
        guard let first = bytes.firstIndex(where: { !isSpace($0) }) else { return [] }
        return bytes[first...bytes.lastIndex(where: { !isSpace($0) })!]
    }

    /// `text` without `.whitespacesAndNewlines` (or, with `spacesOnly`, `.whitespaces`) at its
    /// ends; ASCII text without Foundation.
    static func trimming(_ text: String, spacesOnly: Bool = false) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.trimmingCharacters(in: spacesOnly ? .whitespaces : .whitespacesAndNewlines)
        }
        func isSpace(_ byte: UInt8) -> Bool { spacesOnly ? byte == 0x20 || byte == 0x09 : isASCIIWhitespace(byte) }
        guard let first = text.utf8.first, let last = text.utf8.last, isSpace(first) || isSpace(last) else { return text }
        return String(decoding: trimmed(Array(text.utf8)[...], isSpace: isSpace), as: UTF8.self)
    }

    /// `Last, First and {{Corporate Name}} and First von Last`.
    static func names(_ raw: String) -> [CSLName] {
        let collapsed: String
        if raw.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            // ASCII without CR: its Characters are its bytes, and their whitespace is ASCII's.
            var out: [UInt8] = []
            out.reserveCapacity(raw.utf8.count)
            var pendingSpace = false
            for byte in raw.utf8 {
                if isASCIIWhitespace(byte) {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(0x20); pendingSpace = false }
                    out.append(byte)
                }
            }
            collapsed = String(decoding: out, as: UTF8.self)
        } else {
            collapsed = raw.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        return splitTopLevel(collapsed, separator: " and ").compactMap { part in
            let name = trimming(part)
            guard !name.isEmpty, name != "others" else { return nil }
            if isWrapped(name) {
                return CSLName(literal: LaTeXText.decode(name))
            }
            let pieces = splitTopLevel(name, separator: ",").map { trimming($0, spacesOnly: true) }
            switch pieces.count {
            case 1:
                let words = splitTopLevel(name, separator: " ").filter { !$0.isEmpty }
                guard words.count > 1 else { return CSLName(literal: LaTeXText.decode(name)) }
                // "First von Last": the family name starts at the first lower-case word, else it is the last word.
                let vonStart = words.dropLast().firstIndex { $0.first?.isLowercase == true } ?? words.count - 1
                return CSLName(family: LaTeXText.decode(words[vonStart...].joined(separator: " ")),
                               given: vonStart == 0 ? nil : LaTeXText.decode(words[..<vonStart].joined(separator: " ")))
            case 2:
                return CSLName(family: LaTeXText.decode(pieces[0]), given: pieces[1].isEmpty ? nil : LaTeXText.decode(pieces[1]))
            default:
                return CSLName(family: LaTeXText.decode(pieces[0]), given: LaTeXText.decode(pieces[2...].joined(separator: ", ")),
                               suffix: LaTeXText.decode(pieces[1]))
            }
        }
    }

    /// Whether the whole name is one brace group (`{NATO}`, `{{Anadolu Ajansı}}`).
    static func isWrapped(_ name: String) -> Bool {
        guard name.hasPrefix("{"), name.hasSuffix("}") else { return false }
        var depth = 0
        let last = name.count - 1
        for (offset, character) in name.enumerated() {
            if character == "{" { depth += 1 }
            if character == "}" { depth -= 1 }
            if depth == 0, offset < last { return false }
        }
        return true
    }

    /// Splits on `separator` (ASCII) outside braces (case-insensitive for `and`). Braces and the
    /// separator are ASCII, so the split is made on UTF-8 bytes.
    static func splitTopLevel(_ text: String, separator: String) -> [String] {
        let sep = Array(separator.lowercased().utf8)
        var text = text
        return text.withUTF8 { bytes in
            var parts: [String] = []
            var start = 0
            var depth = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "{") { depth += 1 }
                if byte == UInt8(ascii: "}") { depth -= 1 }
                if depth == 0, index + sep.count <= bytes.count,
                   sep.indices.allSatisfy({ asciiLowercased(bytes[index + $0]) == sep[$0] }) {
                    parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                    index += sep.count
                    start = index
                    continue
                }
                index += 1
            }
            parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return parts
        }
    }

    /// `byte` with ASCII capitals lowered: BibTeX's `and` is matched case-insensitively.
    static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }

    /// `2020`, `2020-05`, `2020-05-12` (BibLaTeX `date`, `urldate`).
    static func isoDate(_ text: String) -> CSLDate? {
        let parts = text.split(separator: "-").map { Int($0) }
        guard (1...3).contains(parts.count), parts.allSatisfy({ $0 != nil }), let year = parts[0], (1000...2999).contains(year) else { return nil }
        return CSLDate(year: year, month: parts.count > 1 ? parts[1] : nil, day: parts.count > 2 ? parts[2] : nil)
    }

    /// `1984/1986`, `2020-05-01/2020-05-12`: a closed range of ISO dates.
    static func dateRange(_ text: String) -> CSLDate? {
        let ends = text.split(separator: "/", omittingEmptySubsequences: false)
        guard ends.count == 2, let from = isoDate(String(ends[0]))?.dateParts?.first,
              let to = isoDate(String(ends[1]))?.dateParts?.first else { return nil }
        var date = CSLDate(year: from[0])
        date.dateParts = [from, to]
        return date
    }

    static func monthNumber(_ text: String) -> Int? {
        if let number = Int(text), (1...12).contains(number) { return number }
        let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        return names.firstIndex { text.lowercased().hasPrefix($0) }.map { $0 + 1 }
    }
}
