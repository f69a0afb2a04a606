/// Code-point offsets of a few UTF-8 offsets of a text, found in one counting pass (no index of the
/// whole text is built).
struct ScalarOffsets {
    private var offsets: [Int] = []
    private var scalars: [Int] = []

    /// Counts the scalars before each of `offsets` (UTF-8 offsets at scalar boundaries).
    init(_ bytes: UnsafeBufferPointer<UInt8>, _ wanted: [Int]) {
        var count = 0
        var position = 0
        let raw = UnsafeRawBufferPointer(bytes)
        for offset in wanted.sorted() where offsets.last != offset {
            // Sixteen bytes at a time: every byte but a continuation byte (10xxxxxx) starts a scalar.
            // Per-lane counts of continuation bytes are summed every 255 blocks, before a lane can overflow.
            while position + 16 <= offset {
                let blocks = min((offset - position) / 16, 255)
                var continuations = SIMD16<UInt8>(repeating: 0)
                for _ in 0..<blocks {
                    let block = raw.loadUnaligned(fromByteOffset: position, as: SIMD16<UInt8>.self)
                    // 1 where the high bit is set and the next is not (lane arithmetic: SIMD masks compile to scalar code).
                    continuations &+= (block & ~(block &<< 1)) &>> 7
                    position += 16
                }
                count += blocks * 16 - Self.sum(continuations)
            }
            while position < offset {
                if bytes[position] & 0xC0 != 0x80 { count += 1 }
                position += 1
            }
            offsets.append(offset)
            scalars.append(count)
        }
    }

    /// The sum of the sixteen lanes.
    private static func sum(_ lanes: SIMD16<UInt8>) -> Int {
        let words = unsafeBitCast(lanes, to: (UInt64, UInt64).self)
        let pairs: UInt64 = 0x00FF_00FF_00FF_00FF
        // Bytes added in pairs into 16-bit lanes, then the four lanes added by one multiplication.
        let halves = (words.0 & pairs) &+ (words.0 >> 8 & pairs) &+ (words.1 & pairs) &+ (words.1 >> 8 & pairs)
        return Int((halves &* 0x0001_0001_0001_0001) >> 48)
    }

    /// The scalar offset of a UTF-8 offset given to `init`.
    subscript(offset: Int) -> Int {
        var low = 0
        var high = offsets.count - 1
        while low < high {
            let mid = (low + high) / 2
            if offsets[mid] < offset { low = mid + 1 } else { high = mid }
        }
        precondition(offsets[low] == offset, "offset \(offset) was not counted")
        return scalars[low]
    }
}
