/// W3C Web Annotation TextQuoteSelector: the exact text with some context either side, so an
/// annotation can be found again when offsets no longer fit.
public struct TextQuoteSelector: Codable, Sendable, Hashable {
    public var exact: String
    public var prefix: String
    public var suffix: String

    public init(exact: String, prefix: String, suffix: String) {
        self.exact = exact
        self.prefix = prefix
        self.suffix = suffix
    }

    /// The context taken either side of the exact text, in code points, when that is unique.
    public static let contextLength = 32

    /// The selector of `span` in `text`: the exact stored slice with `contextLength` code points
    /// of context either side, lengthened where needed so that no other occurrence of the exact
    /// text has the same prefix and suffix.
    public init(of span: TextSpan, in text: SourceText) {
        let scalars = Array(text.string.unicodeScalars)
        let exactScalars = scalars[span.start..<span.end]
        var prefixLength = Self.contextLength
        var suffixLength = Self.contextLength
        if !exactScalars.isEmpty {
            for other in Self.occurrences(of: exactScalars, in: text) where other != span.start {
                let otherEnd = other + span.length
                // How far the context of the other occurrence agrees with ours.
                var samePrefix = 0
                while samePrefix < span.start, samePrefix < other,
                      scalars[span.start - 1 - samePrefix] == scalars[other - 1 - samePrefix] { samePrefix += 1 }
                var sameSuffix = 0
                while span.end + sameSuffix < scalars.count, otherEnd + sameSuffix < scalars.count,
                      scalars[span.end + sameSuffix] == scalars[otherEnd + sameSuffix] { sameSuffix += 1 }
                if samePrefix < prefixLength || sameSuffix < suffixLength { continue }
                // Lengthen the side that needs less; a side that reaches the edge of the text on
                // our side cannot tell the two apart.
                let prefixCanTell = samePrefix < span.start
                let suffixCanTell = span.end + sameSuffix < scalars.count
                if prefixCanTell, !suffixCanTell || samePrefix <= sameSuffix {
                    prefixLength = samePrefix + 1
                } else if suffixCanTell {
                    suffixLength = sameSuffix + 1
                }
            }
        }
        let prefixStart = max(0, span.start - prefixLength)
        let suffixEnd = min(scalars.count, span.end + suffixLength)
        self.init(exact: text.slice(span),
                  prefix: text.slice(TextSpan(start: prefixStart, end: span.start)),
                  suffix: text.slice(TextSpan(start: span.end, end: suffixEnd)))
    }

    /// Start offsets (code points) of every exact occurrence of `needle` in `text`. The search runs
    /// on UTF-8 bytes: a byte match of valid UTF-8 always starts and ends on scalar boundaries.
    static func occurrences(of needle: ArraySlice<Unicode.Scalar>, in text: SourceText) -> [Int] {
        var pattern: [UInt8] = []
        for scalar in needle { pattern.append(contentsOf: String(scalar).utf8) }
        guard !pattern.isEmpty, pattern.count <= text.utf8.count else { return [] }
        var result: [Int] = []
        text.utf8.withUnsafeBufferPointer { bytes in
            let first = pattern[0]
            var index = 0
            let last = bytes.count - pattern.count
            while index <= last {
                if bytes[index] == first {
                    var k = 1
                    while k < pattern.count, bytes[index + k] == pattern[k] { k += 1 }
                    if k == pattern.count { result.append(text.scalarOffset(ofUTF8: index)) }
                }
                index += 1
            }
        }
        return result
    }
}
