/// Escaping for text placed in HTML.
public enum HTMLEscape {
    /// `text` escaped for an element's content or a double-quoted attribute value: `&`, `<`, `>`,
    /// `"` and `'` become character references. Control characters other than tab and line feed,
    /// which HTML does not allow as text, become U+FFFD so a page stays valid and its code-point
    /// offsets unchanged.
    public static func text(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&#39;".unicodeScalars)
            case "\t", "\n": out.append(scalar)
            default:
                let value = scalar.value
                let forbidden = value < 0x20 || (0x7F...0x9F).contains(value)
                    || (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
                out.append(forbidden ? "\u{FFFD}" : scalar)
            }
        }
        return String(out)
    }

    /// A value usable as an element id or a URL fragment: letters, digits, `-`, `_`, `.` kept,
    /// anything else written as `_` and its hexadecimal code point, so distinct inputs stay distinct.
    public static func identifier(_ raw: String) -> String {
        var out = ""
        for scalar in raw.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "." {
                out.unicodeScalars.append(scalar)
            } else {
                out += "_" + String(scalar.value, radix: 16) + "_"
            }
        }
        return out
    }

    /// JSON placed in a `<script type="application/json">` element: `<`, `>` and `&` written as
    /// `\u003c`, `\u003e`, `\u0026` (they can only occur inside JSON strings), so no text can close
    /// the element or open a comment.
    public static func scriptJSON(_ json: String) -> String {
        var out = ""
        out.reserveCapacity(json.utf8.count)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
