import Foundation
import GlossCore

/// `annotations/library.json` written and read without Codable's containers, which were a fifth
/// of `gloss bib import` and a third of `gloss export` for a library of 10,000 entries.
///
/// The bytes written are those of `StoredJSON.encode` (JSONEncoder, pretty, keys sorted by UTF-8,
/// slashes unescaped); the tests compare the two. Reading takes the shape this writer gives;
/// a record in any other shape (a `null`, an unknown key, a number with a fraction) is decoded
/// alone by JSONDecoder, and a file that is not a JSON array of records is left to JSONDecoder
/// whole, so what is accepted and the errors given are JSONDecoder's.
enum LibraryJSON {
    /// The file's bytes for `records`, final newline included.
    static func encode(_ records: [BibRecord]) -> [UInt8] {
        var writer = Writer()
        // Room for the whole file at once (a record of an imported entry takes ~2 KB), so the
        // buffer is not copied as it grows.
        writer.out.reserveCapacity(4096 + records.count * 3072)
        writer.array(records, level: 0) { writer, record, level in writer.record(record, level: level) }
        writer.out.append(0x0A)
        return writer.out
    }

    /// The records of `bytes`, or nil when the bytes are not a JSON array (of anything
    /// JSONDecoder reads as records): the caller decodes them with JSONDecoder for its error.
    static func decode(_ bytes: [UInt8]) -> [BibRecord]? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer)
            return try? reader.records()
        }
    }

    // MARK: Writing

    struct Writer {
        var out: [UInt8] = []

        mutating func raw(_ text: StaticString) {
            text.withUTF8Buffer { out.append(contentsOf: $0) }
        }

        static let spaces = [UInt8](repeating: 0x20, count: 32)

        mutating func indent(_ level: Int) {
            if 2 * level <= Self.spaces.count {
                out.append(contentsOf: Self.spaces[..<(2 * level)])
            } else {
                out.append(contentsOf: repeatElement(0x20, count: 2 * level))
            }
        }

        /// A string as JSONEncoder escapes it: quote, backslash and control characters only.
        mutating func string(_ text: String) {
            out.append(0x22)
            var text = text
            text.withUTF8 { bytes in
                var mark = 0
                for index in bytes.indices {
                    let byte = bytes[index]
                    guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[mark..<index]))
                    switch byte {
                    case 0x22: raw("\\\"")
                    case 0x5C: raw("\\\\")
                    case 0x08: raw("\\b")
                    case 0x0C: raw("\\f")
                    case 0x0A: raw("\\n")
                    case 0x0D: raw("\\r")
                    case 0x09: raw("\\t")
                    default:
                        raw("\\u00")
                        let digits: [UInt8] = Array("0123456789abcdef".utf8)
                        out.append(digits[Int(byte >> 4)])
                        out.append(digits[Int(byte & 0x0F)])
                    }
                    mark = index + 1
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[mark...]))
            }
            out.append(0x22)
        }

        mutating func int(_ value: Int) {
            out.append(contentsOf: String(value).utf8)
        }

        /// The next member `key` of an object whose members stand at `level`.
        mutating func key(_ key: StaticString, _ level: Int, _ first: inout Bool) {
            if first { first = false } else { raw(",\n") }
            indent(level)
            out.append(0x22)
            raw(key)
            raw("\" : ")
        }

        mutating func array<T>(_ elements: [T], level: Int, _ element: (inout Writer, T, Int) -> Void) {
            raw("[\n")
            for (index, value) in elements.enumerated() {
                if index > 0 { raw(",\n") }
                indent(level + 1)
                element(&self, value, level + 1)
            }
            raw("\n")
            indent(level)
            raw("]")
        }

        mutating func strings(_ values: [String], level: Int) {
            array(values, level: level) { writer, value, _ in writer.string(value) }
        }

        mutating func close(_ level: Int) {
            raw("\n")
            indent(level)
            raw("}")
        }

        // The members of each object in the order JSONEncoder sorts their keys (by UTF-8 bytes).

        mutating func record(_ record: BibRecord, level: Int) {
            raw("{\n")
            var first = true
            let inner = level + 1
            if let value = record.doi { key("DOI", inner, &first); string(value) }
            if let value = record.url { key("URL", inner, &first); string(value) }
            if let value = record.accessed { key("accessed", inner, &first); date(value, level: inner) }
            if let value = record.author { key("author", inner, &first); names(value, level: inner) }
            if let value = record.collectionTitle { key("collection-title", inner, &first); string(value) }
            if let value = record.containerTitle { key("container-title", inner, &first); string(value) }
            if let value = record.custom { key("custom", inner, &first); custom(value, level: inner) }
            if let value = record.editor { key("editor", inner, &first); names(value, level: inner) }
            if let value = record.genre { key("genre", inner, &first); string(value) }
            key("id", inner, &first); string(record.id)
            if let value = record.issue { key("issue", inner, &first); string(value) }
            if let value = record.issued { key("issued", inner, &first); date(value, level: inner) }
            if let value = record.language { key("language", inner, &first); string(value) }
            if let value = record.note { key("note", inner, &first); string(value) }
            if let value = record.page { key("page", inner, &first); string(value) }
            if let value = record.publisher { key("publisher", inner, &first); string(value) }
            if let value = record.publisherPlace { key("publisher-place", inner, &first); string(value) }
            if let value = record.title { key("title", inner, &first); string(value) }
            key("type", inner, &first); string(record.type)
            if let value = record.volume { key("volume", inner, &first); string(value) }
            if let value = record.yearSuffix { key("year-suffix", inner, &first); string(value) }
            close(level)
        }

        mutating func names(_ names: [CSLName], level: Int) {
            array(names, level: level) { writer, name, level in
                writer.raw("{\n")
                var first = true
                if let value = name.family { writer.key("family", level + 1, &first); writer.string(value) }
                if let value = name.given { writer.key("given", level + 1, &first); writer.string(value) }
                if let value = name.literal { writer.key("literal", level + 1, &first); writer.string(value) }
                if let value = name.suffix { writer.key("suffix", level + 1, &first); writer.string(value) }
                writer.close(level)
            }
        }

        mutating func date(_ date: CSLDate, level: Int) {
            raw("{\n")
            var first = true
            if let parts = date.dateParts {
                key("date-parts", level + 1, &first)
                array(parts, level: level + 1) { writer, part, level in
                    writer.array(part, level: level) { writer, number, _ in writer.int(number) }
                }
            }
            if let value = date.literal { key("literal", level + 1, &first); string(value) }
            close(level)
        }

        mutating func custom(_ custom: BibRecord.Custom, level: Int) {
            raw("{\n")
            var first = true
            let inner = level + 1
            if let value = custom.bibtex { key("gloss-bibtex", inner, &first); original(value, level: inner) }
            if let value = custom.citedLocators { key("gloss-cited-locators", inner, &first); strings(value, level: inner) }
            if let value = custom.provenance {
                key("gloss-provenance", inner, &first)
                array(value, level: inner) { writer, provenance, level in writer.provenance(provenance, level: level) }
            }
            if let value = custom.rawText { key("gloss-raw-text", inner, &first); string(value) }
            if let value = custom.stub { key("gloss-stub", inner, &first); value ? raw("true") : raw("false") }
            if let value = custom.unparsed { key("gloss-unparsed", inner, &first); value ? raw("true") : raw("false") }
            close(level)
        }

        mutating func provenance(_ provenance: RecordProvenance, level: Int) {
            raw("{\n")
            var first = true
            let inner = level + 1
            if let value = provenance.file { key("file", inner, &first); string(value) }
            if let value = provenance.line { key("line", inner, &first); int(value) }
            if let value = provenance.source { key("source", inner, &first); string(value.rawValue) }
            if let span = provenance.span {
                key("span", inner, &first)
                raw("{\n")
                var spanFirst = true
                key("end", inner + 1, &spanFirst); int(span.end)
                key("start", inner + 1, &spanFirst); int(span.start)
                close(inner)
            }
            close(level)
        }

        mutating func original(_ original: BibTeXOriginal, level: Int) {
            raw("{\n")
            var first = true
            let inner = level + 1
            key("fields", inner, &first)
            array(original.fields, level: inner) { writer, field, level in
                writer.raw("{\n")
                var first = true
                writer.key("name", level + 1, &first); writer.string(field.name)
                writer.key("value", level + 1, &first); writer.string(field.value)
                writer.close(level)
            }
            if let value = original.preambles { key("preambles", inner, &first); strings(value, level: inner) }
            if let value = original.strings {
                key("strings", inner, &first)
                raw("{\n")
                var stringsFirst = true
                for name in value.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                    if stringsFirst { stringsFirst = false } else { raw(",\n") }
                    indent(inner + 1)
                    string(name)
                    raw(" : ")
                    string(value[name]!)
                }
                close(inner)
            }
            key("type", inner, &first); string(original.type)
            close(level)
        }
    }

    // MARK: Reading

    /// The bytes are not in the shape `Writer` gives (or not JSON at all).
    struct Unexpected: Error {}

    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func records() throws(Unexpected) -> [BibRecord] {
            var records: [BibRecord] = []
            try expect(UInt8(ascii: "["))
            var first = true
            while try nextElement(&first) {
                let start = index
                do {
                    records.append(try record())
                } catch {
                    // Another shape: JSONDecoder reads this record (or refuses the file).
                    index = start
                    try skipValue(depth: 0)
                    let slice = Data(UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    guard let record = try? JSONDecoder().decode(BibRecord.self, from: slice) else { throw Unexpected() }
                    records.append(record)
                }
            }
            skipWhitespace()
            guard index == bytes.count else { throw Unexpected() }
            return records
        }

        // Objects and arrays

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x0A, 0x0D, 0x09: index += 1
                default: return
                }
            }
        }

        mutating func expect(_ byte: UInt8) throws(Unexpected) {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == byte else { throw Unexpected() }
            index += 1
        }

        /// Whether the array goes on (after its `,`), or ends (its `]` read).
        mutating func nextElement(_ first: inout Bool) throws(Unexpected) -> Bool {
            skipWhitespace()
            guard index < bytes.count else { throw Unexpected() }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return false }
            if first { first = false } else { try expect(UInt8(ascii: ",")) }
            skipWhitespace()
            return true
        }

        /// The next key of the object (its bytes, unescaped keys only) with its `:` read, or nil at its `}`.
        mutating func nextKey(_ first: inout Bool) throws(Unexpected) -> Range<Int>? {
            skipWhitespace()
            guard index < bytes.count else { throw Unexpected() }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return nil }
            if first { first = false } else { try expect(UInt8(ascii: ",")) }
            try expect(UInt8(ascii: "\""))
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                guard bytes[index] != UInt8(ascii: "\\") else { throw Unexpected() }
                index += 1
            }
            guard index < bytes.count else { throw Unexpected() }
            let key = start..<index
            index += 1
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            return key
        }

        func matches(_ key: Range<Int>, _ name: StaticString) -> Bool {
            guard key.count == name.utf8CodeUnitCount else { return false }
            let pointer = name.utf8Start
            for offset in 0..<key.count where bytes[key.lowerBound + offset] != pointer[offset] { return false }
            return true
        }

        /// The index of `key` among `names`; a key met twice in one object, or not known, is unexpected.
        func member(_ key: Range<Int>, _ names: [StaticString], _ seen: inout UInt32) throws(Unexpected) -> Int {
            guard let position = names.firstIndex(where: { matches(key, $0) }) else { throw Unexpected() }
            let bit: UInt32 = 1 << UInt32(position)
            guard seen & bit == 0 else { throw Unexpected() }
            seen |= bit
            return position
        }

        // Values

        mutating func string() throws(Unexpected) -> String {
            try expect(UInt8(ascii: "\""))
            guard let text = JSONStringReader.string(in: bytes, at: &index) else { throw Unexpected() }
            return text
        }

        /// An integer written as digits (a fraction or an exponent is unexpected).
        mutating func int() throws(Unexpected) -> Int {
            skipWhitespace()
            let negative = index < bytes.count && bytes[index] == UInt8(ascii: "-")
            if negative { index += 1 }
            let start = index
            var value = 0
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                let (times, overflow) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times.addingReportingOverflow(Int(bytes[index] - UInt8(ascii: "0")))
                guard !overflow, !overflow2 else { throw Unexpected() }
                value = sum
                index += 1
            }
            let digits = index - start
            guard digits > 0, digits == 1 || bytes[start] != UInt8(ascii: "0") else { throw Unexpected() }
            if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) { throw Unexpected() }
            return negative ? -value : value
        }

        mutating func bool() throws(Unexpected) -> Bool {
            skipWhitespace()
            if literal("true") { return true }
            if literal("false") { return false }
            throw Unexpected()
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count, matches(index..<index + count, word) else { return false }
            index += count
            return true
        }

        mutating func stringArray() throws(Unexpected) -> [String] {
            try expect(UInt8(ascii: "["))
            var values: [String] = []
            var first = true
            while try nextElement(&first) { values.append(try string()) }
            return values
        }

        /// Any JSON value, passed over (to hand a record JSONDecoder alone).
        mutating func skipValue(depth: Int) throws(Unexpected) {
            guard depth < 512 else { throw Unexpected() }
            skipWhitespace()
            guard index < bytes.count else { throw Unexpected() }
            switch bytes[index] {
            case UInt8(ascii: "\""):
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                guard index < bytes.count else { throw Unexpected() }
                index += 1
            case UInt8(ascii: "{"):
                index += 1
                var first = true
                while true {
                    skipWhitespace()
                    guard index < bytes.count else { throw Unexpected() }
                    if bytes[index] == UInt8(ascii: "}") { index += 1; break }
                    if first { first = false } else { try expect(UInt8(ascii: ",")) }
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw Unexpected() }
                    try skipValue(depth: depth + 1)
                    try expect(UInt8(ascii: ":"))
                    try skipValue(depth: depth + 1)
                }
            case UInt8(ascii: "["):
                index += 1
                var first = true
                while try nextElement(&first) { try skipValue(depth: depth + 1) }
            default:
                let start = index
                while index < bytes.count, "+-0123456789.eEtruefalsn".utf8.contains(bytes[index]) { index += 1 }
                guard index > start else { throw Unexpected() }
            }
        }

        // The records' objects

        static let recordKeys: [StaticString] = [
            "DOI", "URL", "accessed", "author", "collection-title", "container-title", "custom", "editor", "genre", "id",
            "issue", "issued", "language", "note", "page", "publisher", "publisher-place", "title", "type", "volume",
            "year-suffix",
        ]

        mutating func record() throws(Unexpected) -> BibRecord {
            try expect(UInt8(ascii: "{"))
            var record = BibRecord(id: "", type: "")
            var seen: UInt32 = 0
            var first = true
            while let key = try nextKey(&first) {
                switch try member(key, Self.recordKeys, &seen) {
                case 0: record.doi = try string()
                case 1: record.url = try string()
                case 2: record.accessed = try date()
                case 3: record.author = try names()
                case 4: record.collectionTitle = try string()
                case 5: record.containerTitle = try string()
                case 6: record.custom = try custom()
                case 7: record.editor = try names()
                case 8: record.genre = try string()
                case 9: record.id = try string()
                case 10: record.issue = try string()
                case 11: record.issued = try date()
                case 12: record.language = try string()
                case 13: record.note = try string()
                case 14: record.page = try string()
                case 15: record.publisher = try string()
                case 16: record.publisherPlace = try string()
                case 17: record.title = try string()
                case 18: record.type = try string()
                case 19: record.volume = try string()
                default: record.yearSuffix = try string()
                }
            }
            // `id` and `type` are required.
            guard seen & (1 << 9) != 0, seen & (1 << 18) != 0 else { throw Unexpected() }
            return record
        }

        static let nameKeys: [StaticString] = ["family", "given", "literal", "suffix"]

        mutating func names() throws(Unexpected) -> [CSLName] {
            try expect(UInt8(ascii: "["))
            var names: [CSLName] = []
            var first = true
            while try nextElement(&first) {
                try expect(UInt8(ascii: "{"))
                var name = CSLName()
                var seen: UInt32 = 0
                var firstKey = true
                while let key = try nextKey(&firstKey) {
                    switch try member(key, Self.nameKeys, &seen) {
                    case 0: name.family = try string()
                    case 1: name.given = try string()
                    case 2: name.literal = try string()
                    default: name.suffix = try string()
                    }
                }
                names.append(name)
            }
            return names
        }

        static let dateKeys: [StaticString] = ["date-parts", "literal"]

        mutating func date() throws(Unexpected) -> CSLDate {
            try expect(UInt8(ascii: "{"))
            var date = CSLDate(literal: "")
            date.literal = nil
            var seen: UInt32 = 0
            var first = true
            while let key = try nextKey(&first) {
                if try member(key, Self.dateKeys, &seen) == 0 {
                    try expect(UInt8(ascii: "["))
                    var parts: [[Int]] = []
                    var firstPart = true
                    while try nextElement(&firstPart) {
                        try expect(UInt8(ascii: "["))
                        var part: [Int] = []
                        var firstNumber = true
                        while try nextElement(&firstNumber) { part.append(try int()) }
                        parts.append(part)
                    }
                    date.dateParts = parts
                } else {
                    date.literal = try string()
                }
            }
            return date
        }

        static let customKeys: [StaticString] = [
            "gloss-bibtex", "gloss-cited-locators", "gloss-provenance", "gloss-raw-text", "gloss-stub", "gloss-unparsed",
        ]

        mutating func custom() throws(Unexpected) -> BibRecord.Custom {
            try expect(UInt8(ascii: "{"))
            var custom = BibRecord.Custom()
            var seen: UInt32 = 0
            var first = true
            while let key = try nextKey(&first) {
                switch try member(key, Self.customKeys, &seen) {
                case 0: custom.bibtex = try original()
                case 1: custom.citedLocators = try stringArray()
                case 2:
                    try expect(UInt8(ascii: "["))
                    var provenance: [RecordProvenance] = []
                    var firstElement = true
                    while try nextElement(&firstElement) { provenance.append(try self.provenance()) }
                    custom.provenance = provenance
                case 3: custom.rawText = try string()
                case 4: custom.stub = try bool()
                default: custom.unparsed = try bool()
                }
            }
            return custom
        }

        static let provenanceKeys: [StaticString] = ["file", "line", "source", "span"]
        static let spanKeys: [StaticString] = ["end", "start"]

        mutating func provenance() throws(Unexpected) -> RecordProvenance {
            try expect(UInt8(ascii: "{"))
            var provenance = RecordProvenance()
            var seen: UInt32 = 0
            var first = true
            while let key = try nextKey(&first) {
                switch try member(key, Self.provenanceKeys, &seen) {
                case 0: provenance.file = try string()
                case 1: provenance.line = try int()
                case 2:
                    guard let source = try? SourceID(try string()) else { throw Unexpected() }
                    provenance.source = source
                default:
                    try expect(UInt8(ascii: "{"))
                    var bounds: (end: Int?, start: Int?) = (nil, nil)
                    var spanSeen: UInt32 = 0
                    var firstBound = true
                    while let bound = try nextKey(&firstBound) {
                        if try member(bound, Self.spanKeys, &spanSeen) == 0 { bounds.end = try int() } else { bounds.start = try int() }
                    }
                    // TextSpan's own decoding refuses a span that is not one.
                    guard let start = bounds.start, let end = bounds.end, 0 <= start, start <= end else { throw Unexpected() }
                    provenance.span = TextSpan(start: start, end: end)
                }
            }
            return provenance
        }

        static let originalKeys: [StaticString] = ["fields", "preambles", "strings", "type"]
        static let fieldKeys: [StaticString] = ["name", "value"]

        mutating func original() throws(Unexpected) -> BibTeXOriginal {
            try expect(UInt8(ascii: "{"))
            var original = BibTeXOriginal(type: "", fields: [])
            var seen: UInt32 = 0
            var first = true
            while let key = try nextKey(&first) {
                switch try member(key, Self.originalKeys, &seen) {
                case 0:
                    try expect(UInt8(ascii: "["))
                    var firstField = true
                    while try nextElement(&firstField) {
                        try expect(UInt8(ascii: "{"))
                        var name: String?
                        var value: String?
                        var fieldSeen: UInt32 = 0
                        var firstKey = true
                        while let key = try nextKey(&firstKey) {
                            if try member(key, Self.fieldKeys, &fieldSeen) == 0 { name = try string() } else { value = try string() }
                        }
                        guard let name, let value else { throw Unexpected() }
                        original.fields.append(.init(name: name, value: value))
                    }
                case 1: original.preambles = try stringArray()
                case 2:
                    try expect(UInt8(ascii: "{"))
                    var strings: [String: String] = [:]
                    var firstKey = true
                    while let key = try nextKey(&firstKey) {
                        // Macro names are written as they are: reread the key as a string.
                        index = key.lowerBound - 1
                        let name = try string()
                        try expect(UInt8(ascii: ":"))
                        guard strings.updateValue(try string(), forKey: name) == nil else { throw Unexpected() }
                    }
                    original.strings = strings
                default: original.type = try string()
                }
            }
            guard seen & 0b1001 == 0b1001 else { throw Unexpected() }
            return original
        }
    }
}
