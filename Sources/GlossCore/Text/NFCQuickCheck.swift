/// Tells text that is certainly in NFC without Foundation's mapping, which costs a copy of the
/// text and a comparison: a tenth of a `gloss bib import`, a third once the reader was fast.
public enum NFCQuickCheck {
    /// Whether each code point of `text` is below U+0300, in Cyrillic (U+0400–U+0482,
    /// U+048A–U+052F) or in General Punctuation (U+2002–U+206F). Each of those is its own NFC
    /// and composes with none of the others (`NFCQuickCheckTests` maps every pair), so text of
    /// them alone — Turkish, Azerbaijani, Russian, Latin letters, common punctuation — is NFC.
    /// False says nothing: the text may be NFC or not.
    public static func isComposed(_ text: some StringProtocol) -> Bool {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return true }
        return text.unicodeScalars.allSatisfy { isComposedAlone($0.value) }
    }

    static func isComposedAlone(_ value: UInt32) -> Bool {
        value < 0x300 || (0x400...0x482).contains(value) || (0x48A...0x52F).contains(value) || (0x2002...0x206F).contains(value)
    }
}
