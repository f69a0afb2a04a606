/// A stored text with the indexes that code-point offsets need.
///
/// Gloss reports every position as a Unicode scalar offset. Scanners work on the UTF-8 bytes for
/// speed; this type converts between the two and to line:column for people.
///
/// The index of code points keeps the byte offset of every 64th one (an eighth of a byte a code
/// point, where one offset each took eight bytes, eight times a Turkish or Russian text's size); a
/// conversion walks at most 63 code points from the nearest.
public struct SourceText: Sendable {
    /// The text itself.
    public let string: String
    /// Its UTF-8 bytes, for hot loops.
    public let utf8: [UInt8]
    /// The length in code points.
    public let scalarCount: Int
    /// `marks[k]` is the UTF-8 offset where scalar `k * stride` begins.
    private let marks: [Int]
    /// Where its lines begin.
    private let lines: LineIndex

    private static let stride = 64

    public init(_ string: String) {
        self.string = string
        let bytes = Array(string.utf8)
        utf8 = bytes
        var marks: [Int] = []
        marks.reserveCapacity(bytes.count / Self.stride + 1)
        var scalars = 0
        bytes.withUnsafeBufferPointer { buffer in
            for offset in buffer.indices where buffer[offset] & 0xC0 != 0x80 {
                if scalars % Self.stride == 0 { marks.append(offset) }
                scalars += 1
            }
        }
        self.marks = marks
        scalarCount = scalars
        lines = LineIndex(utf8: bytes)
    }

    /// The UTF-8 offset at which scalar offset `scalar` begins (`scalarCount` gives the byte count).
    public func utf8Offset(ofScalar scalar: Int) -> Int {
        precondition(scalar >= 0 && scalar <= scalarCount, "scalar offset \(scalar) outside a text of \(scalarCount)")
        if scalar == scalarCount { return utf8.count }
        var byte = marks[scalar / Self.stride]
        for _ in 0..<(scalar % Self.stride) { byte += Self.length(lead: utf8[byte]) }
        return byte
    }

    /// The scalar offset of the scalar that contains UTF-8 offset `byte`.
    public func scalarOffset(ofUTF8 byte: Int) -> Int {
        if byte >= utf8.count { return scalarCount }
        if byte <= 0 { return 0 }
        var low = 0
        var high = marks.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if marks[mid] <= byte { low = mid } else { high = mid - 1 }
        }
        var scalar = low * Self.stride
        var start = marks[low]
        while true {
            let next = start + Self.length(lead: utf8[start])
            if next > byte { return scalar }
            start = next
            scalar += 1
        }
    }

    /// The bytes of the UTF-8 sequence that begins with `lead`.
    private static func length(lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// Checks that `span` lies inside the text.
    public func validate(_ span: TextSpan) throws(TextSpanError) {
        guard span.start >= 0, span.end <= scalarCount else {
            throw .outOfBounds(span, length: scalarCount)
        }
    }

    /// The text of `span`, which must lie inside the text.
    public func slice(_ span: TextSpan) -> String {
        let bytes = utf8[utf8Offset(ofScalar: span.start)..<utf8Offset(ofScalar: span.end)]
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One-based line and column (in code points) of a scalar offset.
    public func lineColumn(ofScalar scalar: Int) -> (line: Int, column: Int) {
        lines.lineColumn(ofScalar: scalar)
    }
}
