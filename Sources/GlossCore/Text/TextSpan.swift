/// A half-open range of Unicode scalar (code point) offsets into a stored text: `start..<end`.
public struct TextSpan: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start <= end, "span start after end")
        self.start = start
        self.end = end
    }

    private enum CodingKeys: String, CodingKey { case start, end }

    /// Refuses a span that is not one (negative, or ending before it starts), as a hand-edited
    /// file may hold, rather than failing later where it is sliced.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let start = try container.decode(Int.self, forKey: .start)
        let end = try container.decode(Int.self, forKey: .end)
        guard 0 <= start, start <= end else {
            throw DecodingError.dataCorruptedError(forKey: .end, in: container, debugDescription: "span \(start)-\(end) is not a span of text")
        }
        self.init(start: start, end: end)
    }

    /// Parses `START..END` as written on the command line, or `START-END` as citation ids write it.
    public init(parsing text: String) throws(TextSpanError) {
        guard let (start, end) = Self.bounds(Substring(text)) else { throw .malformed(text) }
        guard start <= end else { throw .reversed(text) }
        self.init(start: start, end: end)
    }

    /// The two offsets of `START..END` or `START-END`, or nil when `text` is neither.
    static func bounds(_ text: Substring) -> (start: Int, end: Int)? {
        let separator = text.contains("..") ? ".." : "-"
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 2, let start = Int(parts[0]), let end = Int(parts[1]), start >= 0,
              parts.allSatisfy({ $0.first?.isASCII == true && $0.first!.isNumber }) else { return nil }
        return (start, end)
    }

    public var length: Int { end - start }

    public var description: String { "\(start)..\(end)" }

    public func contains(_ other: TextSpan) -> Bool { start <= other.start && other.end <= end }

    public func overlaps(_ other: TextSpan) -> Bool { start < other.end && other.start < end }

    public static func < (a: TextSpan, b: TextSpan) -> Bool {
        (a.start, a.end) < (b.start, b.end)
    }
}

/// Why a span is not usable.
public enum TextSpanError: GlossError, Equatable {
    case malformed(String)
    case reversed(String)
    case outOfBounds(TextSpan, length: Int)

    public var category: ErrorCategory {
        switch self {
        case .malformed, .reversed: return .usage
        case .outOfBounds: return .data
        }
    }

    public var description: String {
        switch self {
        case let .malformed(text):
            return "span '\(text)' is not of the form START..END or START-END (code-point offsets, e.g. 120..180)"
        case let .reversed(text):
            return "span '\(text)' ends before it starts"
        case let .outOfBounds(span, length):
            return "span \(span) is outside the text, which has \(length) code points (valid: 0..\(length))"
        }
    }
}
