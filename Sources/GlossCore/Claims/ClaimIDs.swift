/// Makes claim ids: `c` and six hex digits, short enough to type, derived from the source and
/// span so that a workspace rebuilt by the same commands gets the same ids.
///
/// An id never changes once given (it is stored); on a clash with an id already used anywhere
/// in the workspace the next candidate is tried.
public enum ClaimIDs {
    /// A new id for a claim on `span` of `source`, not in `taken`.
    public static func make(source: SourceID, span: TextSpan, taken: Set<String>) -> String {
        var attempt = 0
        while true {
            let hash = fnv1a("\(source):\(span.start)-\(span.end)#\(attempt)")
            let digits = attempt < 16 ? 6 : 10
            let hex = String(hash, radix: 16)
            let padded = String(repeating: "0", count: max(0, 16 - hex.count)) + hex
            let id = "c" + padded.prefix(digits)
            if !taken.contains(id) { return id }
            attempt += 1
        }
    }

    /// Whether `text` has the form of a claim id.
    public static func isWellFormed(_ text: String) -> Bool {
        text.count >= 2 && text.hasPrefix("c") && text.dropFirst().allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    private static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
