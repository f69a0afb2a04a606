/// Text made safe to print on a terminal: control characters (C0 but tab, DEL, C1), Unicode
/// non-characters and line or paragraph separators are written as `\u{…}` escapes, so a title or
/// an id from an untrusted file can neither move the cursor, retitle the window (`ESC ]0;…BEL`)
/// nor break a one-line message over several lines.
public enum TerminalSafeText {
    /// `text` with every unsafe scalar escaped; with `keepNewlines`, line feeds are kept (for
    /// multi-line output such as tables), otherwise they are escaped too.
    public static func escaped(_ text: String, keepNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0, keepNewlines: keepNewlines) }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar, keepNewlines: keepNewlines) {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether `scalar` must not reach a terminal as it is.
    public static func isUnsafe(_ scalar: Unicode.Scalar, keepNewlines: Bool = false) -> Bool {
        switch scalar.value {
        case 0x0A: return !keepNewlines
        case 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x2028, 0x2029: return true
        case 0xFDD0...0xFDEF: return true
        default: return scalar.value & 0xFFFE == 0xFFFE
        }
    }
}
