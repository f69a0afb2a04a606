/// Code-point offsets of a few UTF-8 offsets of a text, found in one counting pass (no index of the
/// whole text is built).
struct ScalarOffsets {
    private var table: [Int: Int] = [:]

    /// Counts the scalars before each of `offsets` (UTF-8 offsets at scalar boundaries).
    init(_ bytes: UnsafeBufferPointer<UInt8>, _ offsets: [Int]) {
        var scalars = 0
        var position = 0
        for offset in Set(offsets).sorted() {
            while position < offset {
                if bytes[position] & 0xC0 != 0x80 { scalars += 1 }
                position += 1
            }
            table[offset] = scalars
        }
    }

    subscript(offset: Int) -> Int { table[offset]! }
}
