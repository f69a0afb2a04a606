/// Percent-encoding for a segment of an IRI path (`urn:gloss:claim:SOURCE:ID`): every UTF-8 byte
/// outside Foundation's `CharacterSet.urlPathAllowed` (ASCII letters and digits and
/// ``!$&'()*+,-./=@_~``) becomes `%XX` in upper-case hex, as `addingPercentEncoding` wrote it.
public enum URLPathEncoding {
    /// `text` with the bytes a path may not hold percent-encoded.
    public static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            if isAllowed(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
            }
        }
        return out
    }

    private static let hex = Array("0123456789ABCDEF")

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!$&'()*+,-./=@_~".utf8.contains(byte)
        }
    }
}
