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
    public static func parse(_ text: String, file: String = "input.bib") -> BibTeXImport {
        let (entries, problems) = entries(in: text, file: file)
        var all = problems
        var records: [BibRecord] = []
        for entry in entries {
            let (record, warnings) = BibTeXConverter.record(from: entry, file: file)
            records.append(record)
            all.append(contentsOf: warnings)
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
        var reader = Reader(Array(text.unicodeScalars), file: file)
        return reader.readAll()
    }

    struct Failure: Error {
        var line: Int
        var message: String
    }

    struct Reader {
        let scalars: [Unicode.Scalar]
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

        init(_ scalars: [Unicode.Scalar], file: String) {
            self.scalars = scalars
            self.file = file
        }

        var atEnd: Bool { index >= scalars.count }
        var current: Unicode.Scalar? { atEnd ? nil : scalars[index] }

        mutating func advance() {
            if scalars[index] == "\n" { line += 1 }
            index += 1
        }

        mutating func skipWhitespace() {
            while let scalar = current, scalar.properties.isWhitespace { advance() }
        }

        mutating func readAll() -> ([BibTeXEntry], [BibTeXProblem]) {
            var entries: [BibTeXEntry] = []
            var problems: [BibTeXProblem] = []
            var keys: [String: Int] = [:]
            while !atEnd {
                // Text outside entries is a comment.
                guard current == "@" else { advance(); continue }
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
                if current == "\n" {
                    advance()
                    while let scalar = current, scalar == " " || scalar == "\t" { advance() }
                    if current == "@" { return }
                } else {
                    advance()
                }
            }
        }

        mutating func readEntry() throws(Failure) -> BibTeXEntry? {
            let startLine = line
            advance() // @
            skipWhitespace()
            let type = readIdentifier().lowercased()
            guard !type.isEmpty else { throw Failure(line: startLine, message: "'@' is not followed by an entry type") }
            skipWhitespace()
            guard let open = current, open == "{" || open == "(" else {
                if type == "comment" { return nil } // "@comment text" comments out the line
                throw Failure(line: startLine, message: "@\(type) is not followed by '{' or '('")
            }
            let close: Unicode.Scalar = open == "{" ? "}" : ")"
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
                let name = readIdentifier().lowercased()
                guard !name.isEmpty else { throw Failure(line: line, message: "@string has no macro name") }
                skipWhitespace()
                guard current == "=" else { throw Failure(line: line, message: "@string \(name) has no '='") }
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
                var key = ""
                while let scalar = current, scalar != ",", scalar != close, !scalar.properties.isWhitespace {
                    key.unicodeScalars.append(scalar); advance()
                }
                guard !key.isEmpty else { throw Failure(line: startLine, message: "@\(type) entry has no citation key") }
                skipWhitespace()
                guard current == "," || current == close else {
                    throw Failure(line: startLine, message: "entry '\(key)': expected ',' after the key on line \(line)")
                }
                var fields: [(name: String, value: String)] = []
                var original: [BibTeXOriginal.Field] = []
                var uses = Set<String>()
                while true {
                    skipWhitespace()
                    if current == "," { advance(); skipWhitespace() }
                    guard let scalar = current else {
                        throw Failure(line: startLine, message: "entry '\(key)' is not closed before the end of the file")
                    }
                    if scalar == close { advance(); break }
                    if scalar == "@" {
                        throw Failure(line: startLine, message: "entry '\(key)' is not closed (a new entry starts on line \(line))")
                    }
                    let fieldLine = line
                    let name = readIdentifier().lowercased()
                    guard !name.isEmpty else {
                        throw Failure(line: startLine, message: "entry '\(key)': unexpected '\(Character(scalar))' on line \(line) where a field name should be")
                    }
                    skipWhitespace()
                    guard current == "=" else {
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
                    guard let next = current, next == "," || next == close else {
                        if atEnd { throw Failure(line: startLine, message: "entry '\(key)' is not closed before the end of the file") }
                        throw Failure(line: startLine, message: "entry '\(key)': expected ',' after field '\(name)' on line \(line)")
                    }
                }
                return BibTeXEntry(type: type, key: key, fields: fields, line: startLine,
                                   original: BibTeXOriginal(type: type, fields: original, strings: strings(uses)))
            }
        }

        mutating func expectClose(_ close: Unicode.Scalar, startLine: Int, what: String) throws(Failure) {
            skipWhitespace()
            guard current == close else { throw Failure(line: startLine, message: "\(what) is not closed") }
            advance()
        }

        mutating func readIdentifier() -> String {
            var name = ""
            while let scalar = current, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_-:.+/".unicodeScalars.contains(scalar) {
                name.unicodeScalars.append(scalar); advance()
            }
            return name
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

        /// A value: parts (`{…}`, `"…"`, a number, a macro name) joined by `#`; expanded, as
        /// written, and the `@string` macros it names.
        mutating func readValue(startLine: Int, key: String? = nil) throws(Failure) -> (expanded: String, raw: String, uses: Set<String>) {
            var value = ""
            var length = 0
            var uses = Set<String>()
            skipWhitespace()
            let start = index
            var end = index
            while true {
                skipWhitespace()
                guard let scalar = current else { throw Failure(line: startLine, message: "a value is cut off by the end of the file") }
                if scalar == "{" {
                    let part = try readBalanced(open: "{", close: "}", startLine: startLine)
                    length += part.unicodeScalars.count
                    value += part
                } else if scalar == "\"" {
                    let part = try readQuoted(startLine: startLine)
                    length += part.unicodeScalars.count
                    value += part
                } else if ("0"..."9").contains(scalar) {
                    while let digit = current, ("0"..."9").contains(digit) { value.unicodeScalars.append(digit); length += 1; advance() }
                } else {
                    let macroLine = line
                    let name = readIdentifier().lowercased()
                    guard !name.isEmpty else {
                        throw Failure(line: startLine, message: "\(key.map { "entry '\($0)': " } ?? "")unexpected '\(Character(scalar))' on line \(line) where a value should be")
                    }
                    guard let expansion = macros[name] else {
                        throw Failure(line: startLine, message: "\(key.map { "entry '\($0)': " } ?? "")unknown @string macro '\(name)' on line \(macroLine)")
                    }
                    length += expansion.unicodeScalars.count
                    guard length <= Self.maximumValueLength else {
                        throw Failure(line: startLine, message: "\(key.map { "entry '\($0)': " } ?? "")@string macro '\(name)' on line \(macroLine) expands past \(Self.maximumValueLength) characters; the file nests @string definitions too deep")
                    }
                    value += expansion
                    if macroSource[name] != nil { uses.insert(name) }
                }
                guard length <= Self.maximumValueLength else {
                    throw Failure(line: startLine, message: "\(key.map { "entry '\($0)': " } ?? "")a value is longer than \(Self.maximumValueLength) characters")
                }
                end = index
                skipWhitespace()
                guard current == "#" else { return (value, String(String.UnicodeScalarView(scalars[start..<end])), uses) }
                advance()
            }
        }

        /// Whether the line after the newline at `position` starts a new entry (`@article{`), which
        /// means an open value ran past its entry.
        func startsEntry(after position: Int) -> Bool {
            var probe = position + 1
            while probe < scalars.count, scalars[probe] == " " || scalars[probe] == "\t" { probe += 1 }
            guard probe < scalars.count, scalars[probe] == "@" else { return false }
            probe += 1
            var letters = 0
            while probe < scalars.count, scalars[probe].properties.isAlphabetic { probe += 1; letters += 1 }
            while probe < scalars.count, scalars[probe] == " " { probe += 1 }
            return letters > 0 && probe < scalars.count && (scalars[probe] == "{" || scalars[probe] == "(")
        }

        /// Copies a backslash and the character it escapes, as they are.
        mutating func copyEscape(into text: inout String) {
            if let backslash = current { text.unicodeScalars.append(backslash); advance() }
            if let next = current { text.unicodeScalars.append(next); advance() }
        }

        /// `{…}` with nested braces; returns the inside, inner braces kept.
        mutating func readBalanced(open: Unicode.Scalar, close: Unicode.Scalar, startLine: Int, stopAtEntry: Bool = true) throws(Failure) -> String {
            advance()
            var depth = 1
            var text = ""
            while let scalar = current {
                if scalar == "\\", index + 1 < scalars.count {
                    // An escaped brace does not count.
                    copyEscape(into: &text)
                    continue
                }
                if stopAtEntry, scalar == "\n", startsEntry(after: index) {
                    throw Failure(line: startLine, message: "a '\(Character(open))' is not closed before the next entry on line \(line + 1) (unbalanced braces)")
                }
                if scalar == open { depth += 1 }
                if scalar == close {
                    depth -= 1
                    if depth == 0 { advance(); return text }
                }
                text.unicodeScalars.append(scalar)
                advance()
            }
            throw Failure(line: startLine, message: "a '\(Character(open))' is never closed (unbalanced braces)")
        }

        /// `"…"`; braces inside may hold quotes.
        mutating func readQuoted(startLine: Int) throws(Failure) -> String {
            advance()
            var depth = 0
            var text = ""
            while let scalar = current {
                if scalar == "\\", index + 1 < scalars.count {
                    copyEscape(into: &text)
                    continue
                }
                if scalar == "\n", startsEntry(after: index) {
                    throw Failure(line: startLine, message: "a quoted value is not closed before the next entry on line \(line + 1)")
                }
                if scalar == "{" { depth += 1 }
                if scalar == "}" { depth -= 1 }
                if scalar == "\"", depth == 0 { advance(); return text }
                if depth < 0 { break }
                text.unicodeScalars.append(scalar)
                advance()
            }
            throw Failure(line: startLine, message: "a quoted value is never closed")
        }
    }
}
