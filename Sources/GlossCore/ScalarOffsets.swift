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
            // Eight bytes at a time: every byte but a continuation byte (10xxxxxx) starts a scalar.
            while position + 8 <= offset {
                let word = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)
                let continuations = word & ~(word << 1) & 0x8080_8080_8080_8080
                count += 8 - continuations.nonzeroBitCount
                position += 8
            }
            while position < offset {
                if bytes[position] & 0xC0 != 0x80 { count += 1 }
                position += 1
            }
            offsets.append(offset)
            scalars.append(count)
        }
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
