import Foundation

/// Writes text as the value of a BibTeX/BibLaTeX field so that neither BibTeX's brace counting nor
/// LaTeX can break on it.
///
/// LaTeX specials become commands (`%` → `\%`, `{` → `\textbraceleft{}`: a `\{` would still count
/// as a brace for BibTeX), control characters are dropped, line breaks become spaces. In `.ascii`
/// mode (classic BibTeX) non-ASCII letters become accent commands in braces (`{\c{s}}`, `{\u{g}}`,
/// `{\i}`, `{\.{I}}`, `{\"{o}}`, `{\"\i}`); letters with no LaTeX escape (Cyrillic) stay UTF-8 and are
/// reported. In both modes a combining mark left after precomposition becomes an accent command on
/// the letter before it (`{\={x}}`), or over nothing (`{\~{\relax}}`, from a title's `\~{}`):
/// pdflatex stops at a combining mark in UTF-8.
public struct LaTeXEncoder: Sendable {
    public enum Mode: Sendable {
        /// Classic BibTeX: ASCII with accent commands.
        case ascii
        /// BibLaTeX with biber: UTF-8, only LaTeX specials escaped.
        case unicode
    }

    public let mode: Mode

    public init(mode: Mode) {
        self.mode = mode
    }

    /// The encoded text, and the characters that had to stay non-ASCII in `.ascii` mode.
    public func encode(_ text: String) -> (text: String, unescaped: [Unicode.Scalar]) {
        var writer = ASCIIWriter()
        var unescaped: [Unicode.Scalar] = []
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            if let special = Self.special(scalar) {
                writer.append(latex: special)
            } else if !writer.append(scalar, ascii: mode == .ascii), mode == .ascii {
                unescaped.append(scalar)
            }
        }
        return (writer.finish(), unescaped)
    }

    /// Text being written as LaTeX: ASCII as it is, a letter as a braced command (`{\\c{s}}`) when
    /// `ascii` (else as it is), and a combining mark as an accent command around the letter before
    /// it (`x` + U+0304 → `{\\={x}}`), or over nothing when no letter stands before it. The last
    /// letter waits in `letter` until the next scalar shows whether a mark follows, so that the work
    /// stays linear.
    struct ASCIIWriter {
        var out = ""
        var letter = ""
        /// Whether `letter` holds marks over nothing.
        var bare = false

        /// Appends `scalar`; false when it has no escape and was written as it is.
        mutating func append(_ scalar: Unicode.Scalar, ascii: Bool = true) -> Bool {
            if scalar.properties.generalCategory == .nonspacingMark {
                guard let command = combining[scalar.value] else {
                    flush()
                    out.unicodeScalars.append(scalar)
                    return false
                }
                if letter.isEmpty || bare {
                    // Over nothing, each mark on its own: biber turns `{\~{}}` into `{\~}`, which takes
                    // the brace after it, and pdflatex fails on an accent over an accent over `\relax`.
                    letter += "{\\\(command){\\relax}}"
                    bare = true
                } else {
                    letter = "{\\\(command){\(letter)}}"
                }
                return true
            }
            flush()
            var text = ""
            var escaped = true
            if scalar.isASCII || !ascii {
                text.unicodeScalars.append(scalar)
            } else if let known = escape(scalar) {
                text = known
            } else {
                text.unicodeScalars.append(scalar)
                escaped = false
            }
            if scalar.properties.isAlphabetic { letter = text } else { out += text }
            return escaped
        }

        /// Appends LaTeX that is already written.
        mutating func append(latex: String) {
            flush()
            out += latex
        }

        /// Takes back the backslash just appended.
        mutating func dropLastBackslash() {
            flush()
            if out.unicodeScalars.last == "\\" { out.unicodeScalars.removeLast() }
        }

        mutating func flush() {
            out += letter
            letter = ""
            bare = false
        }

        mutating func finish() -> String {
            flush()
            return out
        }
    }

    /// biblatex's and csquotes' text commands that imported BibLaTeX values use, each with a
    /// plain LaTeX stand-in for documents that run classic BibTeX.
    public static let biblatexCommands: [(name: String, definition: String)] = [
        ("mkbibquote", "[1]{``#1''}"), ("enquote", "[1]{``#1''}"), ("mkbibemph", "[1]{\\emph{#1}}"),
        ("mkbibitalic", "[1]{\\textit{#1}}"), ("mkbibbold", "[1]{\\textbf{#1}}"), ("mkbibparens", "[1]{(#1)}"),
        ("mkbibbrackets", "[1]{[#1]}"), ("mkbibsuperscript", "[1]{\\textsuperscript{#1}}"), ("hyphen", "{-}"),
        ("autocap", "[1]{#1}"), ("mkbibacro", "[1]{\\textsc{#1}}"), ("addspace", "{ }"), ("addcomma", "{,}"),
        ("adddot", "{.}"), ("addcolon", "{:}"), ("addsemicolon", "{;}"), ("bibstring", "[1]{#1}"),
    ]

    /// `\providecommand`s for the commands of `biblatexCommands` that `text` uses.
    public static func biblatexStandIns(for text: String) -> String {
        biblatexStandIns(for: text, commands: CommandIndex(text))
    }

    static func biblatexStandIns(for text: String, commands: CommandIndex) -> String {
        biblatexCommands.filter { command in
            commands.mayHold(command.name) && text.contains("\\\(command.name)")
        }.map { "\\providecommand{\\\($0.name)}\($0.definition)" }.joined()
    }

    /// The command names (a backslash and ASCII letters) of a text, found in one pass over its
    /// bytes: asking whether an export uses a command then needs no search of it (Foundation's
    /// `contains` over a whole export, twenty times, was a fifth of a fuzzed import and export).
    struct CommandIndex {
        private var names = Set<String>()

        init(_ text: String) {
            var text = text
            text.withUTF8 { bytes in
                var index = 0
                while index < bytes.count {
                    guard bytes[index] == UInt8(ascii: "\\") else { index += 1; continue }
                    index += 1
                    let start = index
                    while index < bytes.count, (0x61...0x7A).contains(bytes[index] | 0x20) { index += 1 }
                    if index > start { names.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) }
                }
            }
        }

        /// Whether the text may hold `\name` (ASCII letters): false means it does not, so
        /// Foundation's `contains` is asked only when this is true.
        func mayHold(_ name: String) -> Bool {
            names.contains { $0.hasPrefix(name) }
        }
    }

    /// `@preamble` text that defines the schwa commands the ASCII form uses when the document
    /// has not (tipa defines `\textschwa`; nothing standard defines a capital): a turned e, drawn
    /// with graphicx's `\rotatebox` when the document loads it, else a plain e/E so that the
    /// document still compiles.
    public static let schwaPreamble = #"\providecommand{\textschwa}{\ifdefined\rotatebox\rotatebox[origin=c]{180}{e}\else e\fi}"#
        + #"\providecommand{\textSchwa}{\ifdefined\rotatebox\rotatebox[origin=c]{180}{\scalebox{1.35}{e}}\else E\fi}"#

    /// Whether `scalar` is dropped or replaced in every mode.
    private static func special(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "{": return "\\textbraceleft{}"
        case "}": return "\\textbraceright{}"
        case "\\": return "\\textbackslash{}"
        case "%": return "\\%"
        case "#": return "\\#"
        case "&": return "\\&"
        case "$": return "\\$"
        case "_": return "\\_"
        case "~": return "\\textasciitilde{}"
        case "^": return "\\textasciicircum{}"
        case "\"": return "{\"}"
        case "\n", "\r", "\t", "\u{2028}", "\u{2029}": return " "
        case "\u{00A0}": return "~"
        case "\u{00AD}", "\u{200B}", "\u{FEFF}": return ""
        default:
            let value = scalar.value
            if value < 0x20 || (0x7F...0x9F).contains(value) || scalar.properties.isNoncharacterCodePoint { return "" }
            // Private-use hyphen from PDF symbol fonts.
            if value == 0xF02D { return "-" }
            return nil
        }
    }

    private static let combining: [UInt32: String] = [
        0x0300: "`", 0x0301: "'", 0x0302: "^", 0x0303: "~", 0x0304: "=", 0x0306: "u", 0x0307: ".",
        0x0308: "\"", 0x030A: "r", 0x030B: "H", 0x030C: "v", 0x0323: "d", 0x0327: "c", 0x0328: "k",
        0x0331: "b",
    ]

    private static let whole: [Unicode.Scalar: String] = [
        "ı": "{\\i}", "ə": "{\\textschwa}", "Ə": "{\\textSchwa}", "ß": "{\\ss}", "æ": "{\\ae}",
        "Æ": "{\\AE}", "ø": "{\\o}", "Ø": "{\\O}", "ł": "{\\l}", "Ł": "{\\L}", "œ": "{\\oe}",
        "Œ": "{\\OE}", "å": "{\\aa}", "Å": "{\\AA}", "đ": "{\\dj}", "Đ": "{\\DJ}",
        "\u{201C}": "``", "\u{201D}": "''", "\u{201E}": ",,", "\u{2018}": "`", "\u{2019}": "'",
        "\u{2013}": "--", "\u{2014}": "---", "\u{2026}": "\\ldots{}", "\u{00AB}": "\\guillemotleft{}",
        "\u{00BB}": "\\guillemotright{}", "\u{2022}": "\\textbullet{}", "\u{00B0}": "\\textdegree{}",
        "\u{2116}": "No.", "\u{00A7}": "\\S{}", "\u{00A9}": "\\textcopyright{}", "\u{2010}": "-",
        "\u{2011}": "-", "\u{2212}": "-", "\u{00B7}": "\\textperiodcentered{}",
    ]

    /// The LaTeX form of a non-ASCII scalar, braced so that BibTeX treats it as one letter.
    static func escape(_ scalar: Unicode.Scalar) -> String? {
        if let known = whole[scalar] { return known }
        let parts = Array(String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars)
        guard parts.count >= 2, parts[0].isASCII, parts[0].properties.isAlphabetic else { return nil }
        var body = parts[0] == "i" ? "\\i" : String(parts[0])
        for mark in parts.dropFirst() {
            guard let command = combining[mark.value] else { return nil }
            body = body == "\\i" && !command.first!.isLetter ? "\\\(command)\\i" : "\\\(command){\(body)}"
        }
        return "{\(body)}"
    }
}
