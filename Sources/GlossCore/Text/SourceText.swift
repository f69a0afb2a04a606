/// A stored text with the indexes that code-point offsets need.
///
/// Gloss reports every position as a Unicode scalar offset. Scanners work on the UTF-8 bytes for
/// speed; this type converts between the two and to line:column for people.
public struct SourceText: Sendable {
    /// The text itself.
    public let string: String
    /// Its UTF-8 bytes, for hot loops.
    public let utf8: [UInt8]
    /// `scalarStarts[k]` is the UTF-8 offset where scalar `k` begins; one extra entry holds the
    /// byte count, so `scalarStarts.count == scalarCount + 1`.
    private let scalarStarts: [Int]
    /// Where its lines begin.
    private let lines: LineIndex

    public init(_ string: String) {
        self.string = string
        let bytes = Array(string.utf8)
        utf8 = bytes
        var starts: [Int] = []
        starts.reserveCapacity(bytes.count + 1)
        for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
            starts.append(offset)
        }
        starts.append(bytes.count)
        scalarStarts = starts
        lines = LineIndex(utf8: bytes)
    }

    /// The length in code points.
    public var scalarCount: Int { scalarStarts.count - 1 }

    /// The UTF-8 offset at which scalar offset `scalar` begins (`scalarCount` gives the byte count).
    public func utf8Offset(ofScalar scalar: Int) -> Int { scalarStarts[scalar] }

    /// The scalar offset of the scalar that contains UTF-8 offset `byte`.
    public func scalarOffset(ofUTF8 byte: Int) -> Int {
        var low = 0
        var high = scalarStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if scalarStarts[mid] <= byte { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// Checks that `span` lies inside the text.
    public func validate(_ span: TextSpan) throws(TextSpanError) {
        guard span.start >= 0, span.end <= scalarCount else {
            throw .outOfBounds(span, length: scalarCount)
        }
    }

    /// The text of `span`, which must lie inside the text.
    public func slice(_ span: TextSpan) -> String {
        let bytes = utf8[scalarStarts[span.start]..<scalarStarts[span.end]]
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One-based line and column (in code points) of a scalar offset.
    public func lineColumn(ofScalar scalar: Int) -> (line: Int, column: Int) {
        lines.lineColumn(ofScalar: scalar)
    }
}
