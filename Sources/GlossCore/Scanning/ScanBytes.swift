/// Byte-level helpers for the scanners, which work on UTF-8.
enum ScanBytes {
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let hyphen = UInt8(ascii: "-")
    static let period = UInt8(ascii: ".")
    static let comma = UInt8(ascii: ",")
    static let openParen = UInt8(ascii: "(")
    static let closeParen = UInt8(ascii: ")")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")

    @inline(__always)
    static func isSpace(_ b: UInt8) -> Bool { b == space || b == newline || b == tab || b == carriageReturn }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    @inline(__always)
    static func isContinuation(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }

    /// Decodes the scalar starting at `i` (which must be a scalar start) and returns it with its length.
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int)? {
        guard i >= 0, i < bytes.count else { return nil }
        let b0 = bytes[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        let length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2
        guard i + length <= bytes.count else { return nil }
        var value = UInt32(b0) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    /// The start of the scalar that ends just before byte `i`.
    static func previousScalarStart(in bytes: UnsafeBufferPointer<UInt8>, before i: Int) -> Int {
        var j = i - 1
        while j > 0, isContinuation(bytes[j]) { j -= 1 }
        return j
    }

    /// The scalar that ends just before byte `i`.
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, before i: Int) -> Unicode.Scalar? {
        guard i > 0 else { return nil }
        return scalar(in: bytes, at: previousScalarStart(in: bytes, before: i))?.0
    }
}

extension Unicode.Scalar {
    /// A letter of any script (ASCII and ``ScalarProperties`` answer without a property lookup).
    @inline(__always)
    var isLetter: Bool {
        value < 0x80 ? (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A : ScalarProperties.isAlphabetic(self)
    }

    /// An upper-case letter (ASCII and ``ScalarProperties`` answer without a property lookup).
    @inline(__always)
    var isCapital: Bool {
        value < 0x80 ? value >= 0x41 && value <= 0x5A : ScalarProperties.isUppercase(self)
    }

    /// A digit of any script (ASCII and ``ScalarProperties`` answer without a property lookup).
    @inline(__always)
    var isDigitLike: Bool {
        value < 0x80 ? value >= 0x30 && value <= 0x39 : ScalarProperties.isNumeric(self)
    }

    /// Apostrophes that start a Turkish or Azerbaijani case suffix (`Anglim’e`).
    var isApostrophe: Bool { self == "’" || self == "'" || self == "‘" || self == "`" }
}
