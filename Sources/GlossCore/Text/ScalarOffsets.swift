/// Code-point offsets of UTF-8 offsets of a text, from the counts ``ScanLandmarks`` takes every
/// 64 bytes in its pass: an offset costs the count of the at most 63 bytes since the last one, and no
/// second pass over the text is made.
struct ScalarOffsets {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let counts: [Int]

    /// `counts[k]` is the number of code points before byte `64 k` of `bytes`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, counts: [Int]) {
        self.bytes = bytes
        self.counts = counts
    }

    /// The code-point offset of `offset`, a UTF-8 offset at a scalar boundary.
    subscript(offset: Int) -> Int {
        let chunk = ScanLandmarks.chunk
        let start = offset / chunk * chunk
        let within = offset - start
        if start + chunk <= bytes.count, let base = bytes.baseAddress {
            // Every byte but a continuation byte (10xxxxxx) starts a scalar.
            let raw = UnsafeRawPointer(base)
            var continuations: UInt64 = 0
            for k in 0..<(chunk / 16) {
                let block = raw.loadUnaligned(fromByteOffset: start + 16 * k, as: ByteBlock.Lanes.self)
                continuations |= ByteBlock.mask(ByteBlock.equal(block & ByteBlock.Lanes(repeating: 0xC0), 0x80)) << (16 * k)
            }
            return counts[start / chunk] + within - (continuations & ((1 << within) &- 1)).nonzeroBitCount
        }
        var scalars = counts[start / chunk]
        for k in start..<offset where !ScanBytes.isContinuation(bytes[k]) { scalars += 1 }
        return scalars
    }

    /// The code-point span of `range`, UTF-8 offsets at scalar boundaries.
    func span(_ range: Range<Int>) -> TextSpan {
        TextSpan(start: self[range.lowerBound], end: self[range.upperBound])
    }
}
