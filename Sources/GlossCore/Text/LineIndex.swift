/// Where the lines of a text begin, as code-point offsets: turns a code-point offset into the
/// one-based line and column people read.
///
/// Built in one pass over the UTF-8 bytes, eight at a time, keeping one integer a line (not one a
/// code point), so that listing the citations of a large corpus with their positions stays cheap.
public struct LineIndex: Sendable {
    /// Code-point offsets at which each line begins (line 1 starts at 0).
    private let lineStarts: [Int]

    /// Indexes the lines of UTF-8 bytes.
    public init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        var starts = [0]
        // Code points before `i`: every byte but a continuation byte (10xxxxxx) starts one.
        var scalars = 0
        var i = 0
        // Eight bytes at a time, as one word: a flag in the high bit of each byte.
        let high: UInt64 = 0x8080_8080_8080_8080
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let raw = UnsafeRawBufferPointer(bytes)
        while i + 8 <= bytes.count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let continuations = word & ~(word << 1) & high
            // Exactly the line feeds: a byte of `x` is zero only where the byte was one.
            let x = word ^ 0x0A0A_0A0A_0A0A_0A0A
            var newlines = ~(((x & low) &+ low) | x) & high
            while newlines != 0 {
                let lane = newlines.trailingZeroBitCount / 8
                let before: UInt64 = (1 << UInt64(lane * 8)) &- 1
                starts.append(scalars + lane + 1 - (continuations & before).nonzeroBitCount)
                newlines &= newlines &- 1
            }
            scalars += 8 - continuations.nonzeroBitCount
            i += 8
        }
        while i < bytes.count {
            let byte = bytes[i]
            if byte & 0xC0 != 0x80 { scalars += 1 }
            if byte == ScanBytes.newline { starts.append(scalars) }
            i += 1
        }
        lineStarts = starts
    }

    /// Indexes the lines of UTF-8 bytes.
    public init(utf8 bytes: [UInt8]) {
        self = bytes.withUnsafeBufferPointer { LineIndex(utf8: $0) }
    }

    /// One-based line and column (in code points) of a code-point offset.
    public func lineColumn(ofScalar scalar: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= scalar { low = mid } else { high = mid - 1 }
        }
        return (low + 1, scalar - lineStarts[low] + 1)
    }
}
