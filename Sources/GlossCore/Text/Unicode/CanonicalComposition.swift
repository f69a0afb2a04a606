/// Canonical composition (Unicode NFC) without Foundation: `e` + U+0301 → `é`.
///
/// The standard library composes (it needs NFC to compare strings) and offers the result as
/// `String._nfcCodeUnits`, the NFC form in UTF-8; `CanonicalCompositionTests` compares it with
/// Foundation's `precomposedStringWithCanonicalMapping`.
public enum CanonicalComposition {
    /// The NFC form of `text`.
    public static func compose<S: StringProtocol>(_ text: S) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return String(text) }
        return String(decoding: String(text)._nfcCodeUnits, as: UTF8.self)
    }
}
