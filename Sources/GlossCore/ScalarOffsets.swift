/// Code-point offsets of a few UTF-8 offsets of a text, found in one counting pass (no index of the
/// whole text is built).
struct ScalarOffsets {
    private var table: [Int: Int] = [:]

    /// Counts the scalars before each of `offsets` (UTF-8 offsets at scalar boundaries).
    init(_ bytes: UnsafeBufferPointer<UInt8>, _ offsets: [Int]) {
        var scalars = 0
        var position = 0
        let raw = UnsafeRawBufferPointer(bytes)
        for offset in Set(offsets).sorted() {
            // Eight bytes at a time: every byte but a continuation byte (10xxxxxx) starts a scalar.
            while position + 8 <= offset {
                let word = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)
                let continuations = word & ~(word << 1) & 0x8080_8080_8080_8080
                scalars += 8 - continuations.nonzeroBitCount
                position += 8
            }
            while position < offset {
                if bytes[position] & 0xC0 != 0x80 { scalars += 1 }
                position += 1
            }
            table[offset] = scalars
        }
    }

    subscript(offset: Int) -> Int { table[offset]! }
}
