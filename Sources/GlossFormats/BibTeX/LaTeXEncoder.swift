#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GlossCore

/// Writes text as the value of a BibTeX/BibLaTeX field so that neither BibTeX's brace counting nor
/// LaTeX can break on it.
///
/// LaTeX specials become commands (`%` → `\%`, `{` → `\textbraceleft{}`: a `\{` would still count
/// as a brace for BibTeX), control characters are dropped, line breaks become spaces. In `.ascii`
/// mode (classic BibTeX) non-ASCII letters become accent commands in braces (`{\c{s}}`, `{\u{g}}`,
/// `{\i}`, `{\.{I}}`, `{\"{o}}`, `{\"\i}`); letters with no LaTeX escape (Cyrillic) stay UTF-8 and are
/// reported.
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
        var out = ""
        var unescaped: [Unicode.Scalar] = []
        for scalar in CanonicalComposition.compose(text).unicodeScalars {
            if let special = Self.special(scalar) {
                out += special
            } else if scalar.isASCII || mode == .unicode {
                out.unicodeScalars.append(scalar)
            } else if let escaped = Self.escape(scalar) {
                out += escaped
            } else {
                out.unicodeScalars.append(scalar)
                unescaped.append(scalar)
            }
        }
        return (out, unescaped)
    }

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
        let parts = CanonicalDecomposition.decompose(scalar)
        guard parts.count >= 2, parts[0].isASCII, parts[0].properties.isAlphabetic else { return nil }
        var body = parts[0] == "i" ? "\\i" : String(parts[0])
        for mark in parts.dropFirst() {
            guard let command = combining[mark.value] else { return nil }
            body = body == "\\i" && !command.first!.isLetter ? "\\\(command)\\i" : "\\\(command){\(body)}"
        }
        return "{\(body)}"
    }
}
