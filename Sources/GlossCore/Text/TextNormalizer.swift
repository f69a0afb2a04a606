import Foundation

/// Turns the bytes of a file into the text Gloss stores: strict UTF-8, no BOM, LF line ends, NFC.
///
/// Never NFKC: compatibility folding would change what the author wrote (ligatures, superscripts).
/// Input that already is NFC with LF line ends and no BOM comes back byte-identical.
public enum TextNormalizer {
    /// Decodes and normalises `bytes`; `file` only names the input in errors.
    public static func normalize(_ bytes: [UInt8], file: String) throws(TextImportError) -> String {
        if let nul = bytes.firstIndex(of: 0) {
            throw .binary(file: file, byteOffset: nul)
        }
        if let bad = UTF8Validator.firstInvalidByte(in: bytes) {
            throw .invalidUTF8(file: file, byteOffset: bad)
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) {
            body = body.dropFirst(3)
        }
        let text = normalize(text: String(decoding: body, as: UTF8.self))
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw .empty(file: file)
        }
        return text
    }

    /// `text` with LF line ends and in NFC: the text Gloss stores for it, already decoded (a JSON
    /// string, say). Text that already is NFC with LF line ends comes back unchanged.
    public static func normalize(text: String) -> String {
        var text = text
        if text.utf8.contains(0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n")
                .replacingOccurrences(of: "\r", with: "\n")
        }
        if !isNFC(text) {
            text = text.precomposedStringWithCanonicalMapping
        }
        return text
    }

    /// Whether the scalars of `text` are already in NFC. Checked on scalars, because `String ==`
    /// treats canonically equivalent strings as equal.
    static func isNFC(_ text: String) -> Bool {
        // Pure ASCII is always NFC; most of a text is, so skip the conversion when we can.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return true }
        // A line break composes with nothing, so the text is NFC when each line is; only lines
        // the quick check cannot pass are mapped.
        var text = text
        return text.withUTF8 { bytes in
            var lineStart = 0
            while lineStart <= bytes.count {
                let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
                let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
                lineStart = lineEnd + 1
                if NFCQuickCheck.isComposed(utf8: line) { continue }
                let string = String(decoding: line, as: UTF8.self)
                guard string.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(string.unicodeScalars) else { return false }
            }
            return true
        }
    }
}
