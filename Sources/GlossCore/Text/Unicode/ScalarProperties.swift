/// The Unicode properties the citation readers ask of scalars, tabled for the scripts the texts are
/// written in (Latin, Greek, Cyrillic: every scalar below U+0800) and for general punctuation (the
/// typographic quotes and dashes of the texts), so that the hot paths do not pay for a property
/// lookup, or a `String` from `lowercaseMapping`, per letter. The table was made from the same
/// `Unicode.Scalar.Properties`, and a test checks every entry against them, so its answers are
/// exactly theirs; other scalars ask the properties directly.
enum ScalarProperties {
    /// Scalars below this value are tabled.
    static let tabled: UInt32 = 0x800
    /// General punctuation (`’`, `“`, `–`, …), tabled after them.
    static let punctuation: Range<UInt32> = 0x2000..<0x2070

    // A table entry (ScalarProperties+Table.swift) holds these flags and, in the low bits, the
    // scalar's lower-case form (``lower(_:)``).
    static let alphabetic: UInt32 = 1 << 24
    static let uppercase: UInt32 = 1 << 25
    static let numeric: UInt32 = 1 << 26
    /// The whole lower-case mapping is the one scalar in the low bits.
    static let lowersAlone: UInt32 = 1 << 27
    static let lowerMask: UInt32 = 0xFF_FFFF

    /// The table entry of `c`, if it is tabled.
    @inline(__always)
    private static func entry(_ c: Unicode.Scalar) -> UInt32? {
        if c.value < tabled { return table[Int(c.value)] }
        if punctuation.contains(c.value) { return table[Int(tabled + c.value - punctuation.lowerBound)] }
        return nil
    }

    /// `properties.isAlphabetic`.
    @inline(__always)
    static func isAlphabetic(_ c: Unicode.Scalar) -> Bool {
        guard let entry = entry(c) else { return c.properties.isAlphabetic }
        return entry & alphabetic != 0
    }

    /// `properties.isUppercase`.
    @inline(__always)
    static func isUppercase(_ c: Unicode.Scalar) -> Bool {
        guard let entry = entry(c) else { return c.properties.isUppercase }
        return entry & uppercase != 0
    }

    /// `properties.numericType != nil`.
    @inline(__always)
    static func isNumeric(_ c: Unicode.Scalar) -> Bool {
        guard let entry = entry(c) else { return c.properties.numericType != nil }
        return entry & numeric != 0
    }

    /// The first scalar of the lower-case mapping of an upper-case scalar; any other scalar itself.
    @inline(__always)
    static func lower(_ c: Unicode.Scalar) -> Unicode.Scalar {
        guard let entry = entry(c) else { return c.properties.isUppercase ? (c.properties.lowercaseMapping.unicodeScalars.first ?? c) : c }
        return Unicode.Scalar(entry & lowerMask)!
    }

    /// Whether `c` is tabled and its whole lower-case mapping is one scalar, ``lower(_:)``.
    @inline(__always)
    static func lowersToOneScalar(_ c: Unicode.Scalar) -> Bool {
        guard let entry = entry(c) else { return false }
        return entry & lowersAlone != 0
    }

    /// `String(String.UnicodeScalarView(scalars)).lowercased()`: each scalar's whole lower-case
    /// mapping, encoded straight into the string (a small string, with no allocation, when the
    /// scalars are tabled and take at most 15 bytes).
    static func lowercased(_ scalars: some Collection<Unicode.Scalar>) -> String {
        var capacity = 0
        for c in scalars {
            capacity += c.value < 0x80 ? 1 : lowersToOneScalar(c) ? UTF8.width(lower(c)) : 12
        }
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            var count = 0
            func append(_ c: Unicode.Scalar) { UTF8.encode(c) { buffer[count] = $0; count += 1 } }
            for c in scalars {
                if c.value < 0x80 {
                    buffer[count] = UInt8(c.value) | (c.value &- 0x41 < 26 ? 0x20 : 0)
                    count += 1
                } else if lowersToOneScalar(c) {
                    append(lower(c))
                } else {
                    for lowered in c.properties.lowercaseMapping.unicodeScalars { append(lowered) }
                }
            }
            return count
        }
    }
}
