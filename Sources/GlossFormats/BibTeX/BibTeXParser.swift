import GlossCore

/// One entry as written in a `.bib` file, before conversion: type, key, fields in order (values
/// with `@string` macros and `#` already expanded, braces and LaTeX still in place), and the
/// entry exactly as written.
public struct BibTeXEntry: Sendable, Hashable {
    public var type: String
    public var key: String
    public var fields: [(name: String, value: String)]
    /// The line where `@type{` stands (1-based).
    public var line: Int
    /// The entry as written: values unexpanded, with the `@string` definitions they use.
    public var original: BibTeXOriginal

    init(type: String, key: String, fields: [(name: String, value: String)], line: Int, original: BibTeXOriginal? = nil) {
        self.type = type
        self.key = key
        self.fields = fields
        self.line = line
        self.original = original ?? BibTeXOriginal(type: type, fields: fields.map { .init(name: $0.name, value: "{\($0.value)}") })
    }

    public func value(_ name: String) -> String? { fields.first { $0.name == name }?.value }

    public static func == (a: BibTeXEntry, b: BibTeXEntry) -> Bool {
        a.type == b.type && a.key == b.key && a.line == b.line
            && a.fields.map(\.name) == b.fields.map(\.name) && a.fields.map(\.value) == b.fields.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(type); hasher.combine(key); hasher.combine(line)
    }
}

/// Something wrong in a `.bib` file, with the line it is on. Errors mean the entry was skipped;
/// warnings mean it was imported with the problem noted.
public struct BibTeXProblem: GlossError, Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public var file: String
    public var line: Int
    public var severity: Severity
    public var message: String

    public var category: ErrorCategory { .data }
    public var description: String { "\(file):\(line): \(severity == .error ? "skipped: " : "")\(message)" }
}

/// What reading a `.bib` file gave: the records in file order and the problems found.
public struct BibTeXImport: Sendable {
    public var records: [BibRecord]
    public var problems: [BibTeXProblem]
}

/// Reads BibTeX and BibLaTeX: entries in braces or parentheses, values in braces or quotes,
/// `@string` macros joined with `#`, `@comment`, `@preamble`, text outside entries, nested
/// braces. A malformed entry is reported with its line and skipped; reading resumes at the next
/// `@` that starts a line, so the rest import.
public enum BibTeXParser {
    /// Reads `text` (the file's contents; `file` names it in problems) into records.
    /// `progress` is told the entries converted and the total after each.
    public static func parse(_ text: String, file: String = "input.bib",
                             progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) -> BibTeXImport {
        let (entries, problems) = entries(in: text, file: file)
        var all = problems
        var records: [BibRecord] = []
        progress(0, entries.count)
        for entry in entries {
            let (record, warnings) = BibTeXConverter.record(from: entry, file: file)
            records.append(record)
            all.append(contentsOf: warnings)
            progress(records.count, entries.count)
        }
        all.sort { ($0.line, $0.severity.rawValue) < ($1.line, $1.severity.rawValue) }
        return BibTeXImport(records: records, problems: all)
    }

    /// Why `text`, in which no entry was found, is no BibTeX: it is JSON (a CSL-JSON export, say)
    /// or XML. Nil when it may be BibTeX with nothing in it.
    public static func notBibTeX(_ text: String) -> String? {
        switch text.unicodeScalars.first(where: { !$0.properties.isWhitespace && $0 != "\u{FEFF}" }) {
        case "[", "{": return "the file is JSON (CSL-JSON?), not BibTeX"
        case "<": return "the file is XML, not BibTeX"
        default: return nil
        }
    }

    /// The raw entries of `text`, and the problems met reading them.
    public static func entries(in text: String, file: String = "input.bib") -> ([BibTeXEntry], [BibTeXProblem]) {
        var text = text
        return text.withUTF8 { bytes in
            var reader = Reader(bytes, file: file)
            return reader.readAll()
        }
    }

    struct Failure: Error {
        var line: Int
        var message: String
    }

    /// Reads the UTF-8 bytes of the file: the syntax is ASCII, so only whitespace, letters and the
    /// lengths of values need the code point a byte starts; values are slices of the file.
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let file: String
        var index = 0
        var line = 1
        var macros: [String: String] = [
            "jan": "1", "feb": "2", "mar": "3", "apr": "4", "may": "5", "jun": "6",
            "jul": "7", "aug": "8", "sep": "9", "oct": "10", "nov": "11", "dec": "12",
        ]
        /// `@string` definitions as written, and the macros each one uses.
        var macroSource: [String: (value: String, uses: Set<String>)] = [:]
        /// `@preamble` values as written.
        var preambles: [String] = []

        init(_ bytes: UnsafeBufferPointer<UInt8>, file: String) {
            self.bytes = bytes
            self.file = file
        }

        var atEnd: Bool { index >= bytes.count }
        /// The byte at the reading position; nil at the end.
        var current: UInt8? { atEnd ? nil : bytes[index] }

        /// The code point that starts at byte `position`, and its length in bytes (the bytes are
        /// a String's, so valid UTF-8).
        func scalar(at position: Int) -> (scalar: Unicode.Scalar, length: Int) {
            let lead = bytes[position]
            if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            var value = UInt32(lead) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
            for offset in 1..<length { value = value << 6 | UInt32(bytes[position + offset] & 0x3F) }
            return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
        }

        /// The character at the reading position, for messages.
        var currentCharacter: Character { Character(scalar(at: index).scalar) }

        static func character(_ byte: UInt8) -> Character { Character(Unicode.Scalar(byte)) }

        mutating func advance() {
            if bytes[index] == UInt8(ascii: "\n") { line += 1 }
            index += 1
        }

        /// Whether a White_Space code point starts at `position`; its length in bytes if so.
        func whitespace(at position: Int) -> Int? {
            let byte = bytes[position]
            if byte < 0x80 { return byte == 0x20 || (0x09...0x0D).contains(byte) ? 1 : nil }
            let (scalar, length) = scalar(at: position)
            return scalar.properties.isWhitespace ? length : nil
        }

        /// Whether an Alphabetic code point starts at `position`; its length in bytes if so.
        func letter(at position: Int) -> Int? {
            let byte = bytes[position]
            if byte < 0x80 { return (0x61...0x7A).contains(byte | 0x20) ? 1 : nil }
            let (scalar, length) = scalar(at: position)
            return scalar.properties.isAlphabetic ? length : nil
        }

        static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

        /// `_ - : . + /`, allowed in names besides letters and digits.
        static func isNamePunctuation(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "/"): return true
            default: return false
            }
        }

        mutating func skipWhitespace() {
            while index < bytes.count, let length = whitespace(at: index) {
                if length == 1 { advance() } else { index += length }
            }
        }

        mutating func readAll() -> ([BibTeXEntry], [BibTeXProblem]) {
            var entries: [BibTeXEntry] = []
            var problems: [BibTeXProblem] = []
            var keys: [String: Int] = [:]
            while !atEnd {
                // Text outside entries is a comment.
                guard current == UInt8(ascii: "@") else { advance(); continue }
                let startLine = line
                do {
                    if var entry = try readEntry() {
                        entry.line = startLine
                        // biber and BibTeX read only the first of two entries with one key.
                        if let first = keys[entry.key] {
                            problems.append(BibTeXProblem(file: file, line: startLine, severity: .error,
                                                          message: "key '\(entry.key)' is already used by the entry on line \(first); rename one of them"))
                        } else {
                            keys[entry.key] = startLine
                            entries.append(entry)
                        }
                    }
                } catch {
                    problems.append(BibTeXProblem(file: file, line: startLine, severity: .error, message: error.message))
                    skipToNextEntry()
                }
            }
            if !preambles.isEmpty {
                for index in entries.indices { entries[index].original.preambles = preambles }
            }
            return (entries, problems)
        }

        /// After an error: on to the next `@` at the start of a line (after spaces).
        mutating func skipToNextEntry() {
            while !atEnd {
                if current == UInt8(ascii: "\n") {
                    advance()
                    while let byte = current, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { advance() }
                    if current == UInt8(ascii: "@") { return }
                } else {
                    advance()
                }
            }
        }

        mutating func readEntry() throws(Failure) -> BibTeXEntry? {
            let startLine = line
            advance() // @
            skipWhitespace()
            let type = readName()
            guard !type.isEmpty else { throw Failure(line: startLine, message: "'@' is not followed by an entry type") }
            skipWhitespace()
            guard let open = current, open == UInt8(ascii: "{") || open == UInt8(ascii: "(") else {
                if type == "comment" { return nil } // "@comment text" comments out the line
                throw Failure(line: startLine, message: "@\(type) is not followed by '{' or '('")
            }
            let close = open == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: ")")
            switch type {
            case "comment":
                // A commented-out block may hold whole entries: read to its closing brace.
                _ = try readBalanced(open: open, close: close, startLine: startLine, stopAtEntry: false)
                return nil
            case "preamble":
                advance()
                skipWhitespace()
                preambles.append(try readValue(startLine: startLine).raw)
                try expectClose(close, startLine: startLine, what: "@preamble")
                return nil
            case "string":
                advance()
                skipWhitespace()
                let name = readName()
                guard !name.isEmpty else { throw Failure(line: line, message: "@string has no macro name") }
                skipWhitespace()
                guard current == UInt8(ascii: "=") else { throw Failure(line: line, message: "@string \(name) has no '='") }
                advance()
                skipWhitespace()
                let value = try readValue(startLine: startLine)
                macros[name] = value.expanded
                macroSource[name] = (value.raw, value.uses)
                try expectClose(close, startLine: startLine, what: "@string \(name)")
                return nil
            default:
                advance()
                skipWhitespace()
                let keyStart = index
                // A brace ends the key too: in an entry written `@type(…)` a key holding one would
                // be kept, and written back as `@type{…}` it would close the entry early.
                while let byte = current, byte != UInt8(ascii: ","), byte != close, byte != UInt8(ascii: "{"),
                      byte != UInt8(ascii: "}"), whitespace(at: index) == nil {
                    index += scalar(at: index).length
                }
                let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[keyStart..<index]), as: UTF8.self)
                guard !key.isEmpty else { throw Failure(line: startLine, message: "@\(type) entry has no citation key") }
                if let byte = current, byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") {
                    throw Failure(line: startLine, message: "entry '\(key)': a citation key cannot hold '\(Character(UnicodeScalar(byte)))' (line \(line))")
                }
                skipWhitespace()
                guard current == UInt8(ascii: ",") || current == close else {
                    throw Failure(line: startLine, message: "entry '\(key)': expected ',' after the key on line \(line)")
                }
                var fields: [(name: String, value: String)] = []
                var original: [BibTeXOriginal.Field] = []
                var uses = Set<String>()
                while true {
                    skipWhitespace()
                    if current == UInt8(ascii: ",") { advance(); skipWhitespace() }
                    guard let byte = current else {
                        throw Failure(line: startLine, message: "entry '\(key)' is not closed before the end of the file")
                    }
                    if byte == close { advance(); break }
                    if byte == UInt8(ascii: "@") {
                        throw Failure(line: startLine, message: "entry '\(key)' is not closed (a new entry starts on line \(line))")
                    }
                    let fieldLine = line
                    let name = readName()
                    guard !name.isEmpty else {
                        throw Failure(line: startLine, message: "entry '\(key)': unexpected '\(currentCharacter)' on line \(line) where a field name should be")
                    }
                    skipWhitespace()
                    guard current == UInt8(ascii: "=") else {
                        throw Failure(line: startLine, message: "entry '\(key)': field '\(name)' on line \(fieldLine) has no '='")
                    }
                    advance()
                    skipWhitespace()
                    let value = try readValue(startLine: startLine, key: key)
                    if !fields.contains(where: { $0.name == name }) {
                        fields.append((name, value.expanded))
                        original.append(.init(name: name, value: value.raw))
                        uses.formUnion(value.uses)
                    }
                    skipWhitespace()
                    guard let next = current, next == UInt8(ascii: ",") || next == close else {
                        if atEnd { throw Failure(line: startLine, message: "entry '\(key)' is not closed before the end of the file") }
                        throw Failure(line: startLine, message: "entry '\(key)': expected ',' after field '\(name)' on line \(line)")
                    }
                }
                return BibTeXEntry(type: type, key: key, fields: fields, line: startLine,
                                   original: BibTeXOriginal(type: type, fields: original, strings: strings(uses)))
            }
        }

        mutating func expectClose(_ close: UInt8, startLine: Int, what: String) throws(Failure) {
            skipWhitespace()
            guard current == close else { throw Failure(line: startLine, message: "\(what) is not closed") }
            advance()
        }

        /// An entry type, field or macro name: letters, digits and `_-:.+/`, in lower case.
        mutating func readName() -> String {
            let start = index
            var ascii = true
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    guard (0x61...0x7A).contains(byte | 0x20) || Self.isDigit(byte) || Self.isNamePunctuation(byte) else { break }
                    index += 1
                } else {
                    guard let length = letter(at: index) else { break }
                    ascii = false
                    index += length
                }
            }
            let name = UnsafeBufferPointer(rebasing: bytes[start..<index])
            guard ascii else { return String(decoding: name, as: UTF8.self).lowercased() }
            return String(decoding: name.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
        }

        /// The `@string` definitions that macros `names` need, their own uses included; nil for none.
        func strings(_ names: Set<String>) -> [String: String]? {
            var result: [String: String] = [:]
            var pending = Array(names)
            while let name = pending.popLast() {
                guard result[name] == nil, let source = macroSource[name] else { continue }
                result[name] = source.value
                pending.append(contentsOf: source.uses)
            }
            return result.isEmpty ? nil : result
        }

        /// The longest value `@string` expansion may make, in code points: `@string{m1 = m0 # m0}`
        /// doubles at each line, and sixty lines of it would not fit in memory.
        static let maximumValueLength = 1_000_000

        /// The number of code points in the bytes `range`.
        func codePoints(_ range: Range<Int>) -> Int {
            var count = 0
            for position in range where bytes[position] & 0xC0 != 0x80 { count += 1 }
            return count
        }

        /// A value: parts (`{…}`, `"…"`, a number, a macro name) joined by `#`; expanded, as
        /// written, and the `@string` macros it names.
        mutating func readValue(startLine: Int, key: String? = nil) throws(Failure) -> (expanded: String, raw: String, uses: Set<String>) {
            var value: [UInt8] = []
            var length = 0
            var uses = Set<String>()
            skipWhitespace()
            let start = index
            var end = index
            while true {
                skipWhitespace()
                guard let byte = current else { throw Failure(line: startLine, message: "a value is cut off by the end of the file") }
                if byte == UInt8(ascii: "{") {
                    let part = try readBalanced(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), startLine: startLine)
                    length += codePoints(part)
                    value.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[part]))
                } else if byte == UInt8(ascii: "\"") {
                    let part = try readQuoted(startLine: startLine)
                    length += codePoints(part)
                    value.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[part]))
                } else if Self.isDigit(byte) {
                    while let digit = current, Self.isDigit(digit) { value.append(digit); length += 1; advance() }
                } else {
                    let macroLine = line
                    let name = readName()
                    guard !name.isEmpty else {
                        throw Failure(line: startLine, message: "\(key.map { "entry '\($0)': " } ?? "")unexpected '\(currentCharacter)' on line \(line) where a value should be")
                    }
                    guard let expansion = macros[name] else {
                        throw Failure(line: startLine, message: "\(key.map { "entry '\($0)': " } ?? "")unknown @string macro '\(name)' on line \(macroLine)")
                    }
                    length += expansion.unicodeScalars.count
                    guard length <= Self.maximumValueLength else {
                        throw Failure(line: startLine, message: "\(key.map { "entry '\($0)': " } ?? "")@string macro '\(name)' on line \(macroLine) expands past \(Self.maximumValueLength) characters; the file nests @string definitions too deep")
                    }
                    value.append(contentsOf: expansion.utf8)
                    if macroSource[name] != nil { uses.insert(name) }
                }
                guard length <= Self.maximumValueLength else {
                    throw Failure(line: startLine, message: "\(key.map { "entry '\($0)': " } ?? "")a value is longer than \(Self.maximumValueLength) characters")
                }
                end = index
                skipWhitespace()
                guard current == UInt8(ascii: "#") else {
                    return (String(decoding: value, as: UTF8.self),
                            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self), uses)
                }
                advance()
            }
        }

        /// Whether the line after the newline at `position` starts a new entry (`@article{`), which
        /// means an open value ran past its entry.
        func startsEntry(after position: Int) -> Bool {
            var probe = position + 1
            while probe < bytes.count, bytes[probe] == UInt8(ascii: " ") || bytes[probe] == UInt8(ascii: "\t") { probe += 1 }
            guard probe < bytes.count, bytes[probe] == UInt8(ascii: "@") else { return false }
            probe += 1
            var letters = 0
            while probe < bytes.count, let length = letter(at: probe) { probe += length; letters += 1 }
            while probe < bytes.count, bytes[probe] == UInt8(ascii: " ") { probe += 1 }
            return letters > 0 && probe < bytes.count && (bytes[probe] == UInt8(ascii: "{") || bytes[probe] == UInt8(ascii: "("))
        }

        /// `{…}` with nested braces; returns the bytes inside (inner braces kept). A backslash and
        /// the byte after it are passed over as they are: an escaped brace does not count.
        mutating func readBalanced(open: UInt8, close: UInt8, startLine: Int, stopAtEntry: Bool = true) throws(Failure) -> Range<Int> {
            advance()
            let start = index
            var depth = 1
            while let byte = current {
                if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                    advance()
                    advance()
                    continue
                }
                if stopAtEntry, byte == UInt8(ascii: "\n"), startsEntry(after: index) {
                    throw Failure(line: startLine, message: "a '\(Self.character(open))' is not closed before the next entry on line \(line + 1) (unbalanced braces)")
                }
                if byte == open { depth += 1 }
                if byte == close {
                    depth -= 1
                    if depth == 0 {
                        let inside = start..<index
                        advance()
                        return inside
                    }
                }
                advance()
            }
            throw Failure(line: startLine, message: "a '\(Self.character(open))' is never closed (unbalanced braces)")
        }

        /// `"…"`; braces inside may hold quotes. Returns the bytes inside.
        mutating func readQuoted(startLine: Int) throws(Failure) -> Range<Int> {
            advance()
            let start = index
            var depth = 0
            while let byte = current {
                if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                    advance()
                    advance()
                    continue
                }
                if byte == UInt8(ascii: "\n"), startsEntry(after: index) {
                    throw Failure(line: startLine, message: "a quoted value is not closed before the next entry on line \(line + 1)")
                }
                if byte == UInt8(ascii: "{") { depth += 1 }
                if byte == UInt8(ascii: "}") { depth -= 1 }
                if byte == UInt8(ascii: "\""), depth == 0 {
                    let inside = start..<index
                    advance()
                    return inside
                }
                if depth < 0 { break }
                advance()
            }
            throw Failure(line: startLine, message: "a quoted value is never closed")
        }
    }
}
