/// Tells text that is certainly in NFC without Foundation's mapping, which costs a copy of the
/// text and a comparison: a tenth of a `gloss bib import`, a third once the reader was fast.
public enum NFCQuickCheck {
    /// Whether each code point of `text` is below U+0300, in Cyrillic (U+0400–U+0482,
    /// U+048A–U+052F) or in General Punctuation (U+2002–U+206F). Each of those is its own NFC
    /// and composes with none of the others (`NFCQuickCheckTests` maps every pair), so text of
    /// them alone — Turkish, Azerbaijani, Russian, Latin letters, common punctuation — is NFC.
    /// False says nothing: the text may be NFC or not.
    public static func isComposed(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(isComposed(utf8:))
    }

    /// `isComposed` of valid UTF-8.
    public static func isComposed(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            guard index + length <= bytes.count else { return false }
            var value = UInt32(lead) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
            for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
            guard isComposedAlone(value) else { return false }
            index += length
        }
        return true
    }

    static func isComposedAlone(_ value: UInt32) -> Bool {
        value < 0x300 || (0x400...0x482).contains(value) || (0x48A...0x52F).contains(value) || (0x2002...0x206F).contains(value)
    }
}
