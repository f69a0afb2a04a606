/// A text's UTF-8 bytes addressed by code-point offsets, for the TEI writer: the byte offset of
/// every 64th code point is kept (an eighth of a byte a code point, where an array of the code
/// points took four bytes each and a `String` a slice), and a cursor walks forward from the last
/// offset asked for, so the writer's walks through the text in order cost one pass.
struct TEITextBytes {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The length in code points.
    let count: Int
    /// `marks[k]` is the byte offset of code point `k * stride`.
    private let marks: [Int]
    private var cursor = (scalar: 0, byte: 0)
    private static let stride = 64

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        var marks: [Int] = []
        marks.reserveCapacity(bytes.count / Self.stride + 1)
        var scalars = 0
        for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
            if scalars % Self.stride == 0 { marks.append(offset) }
            scalars += 1
        }
        self.marks = marks
        count = scalars
    }

    /// The byte offset where code point `scalar` begins (`count` gives the byte count).
    mutating func byteOffset(of scalar: Int) -> Int {
        precondition(scalar >= 0 && scalar <= count, "code point offset \(scalar) outside a text of \(count)")
        if scalar == count { return bytes.count }
        if scalar < cursor.scalar || scalar - cursor.scalar > Self.stride {
            cursor = (scalar / Self.stride * Self.stride, marks[scalar / Self.stride])
        }
        while cursor.scalar < scalar {
            cursor.byte += Self.length(lead: bytes[cursor.byte])
            cursor.scalar += 1
        }
        return cursor.byte
    }

    /// The first byte of code point `scalar` (the code point itself when it is ASCII).
    mutating func leadByte(at scalar: Int) -> UInt8 { bytes[byteOffset(of: scalar)] }

    /// The bytes of a UTF-8 sequence that begins with `lead`.
    static func length(lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }
}
