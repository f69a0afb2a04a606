/// A text's citations as `gloss cites --format jsonl` lines, with what else the scan found: what
/// ``CitationScanner/scanLines(utf8:source:)`` returns for the listing and the detection cache.
public struct CitationLines: Sendable {
    /// One ``CitationJSONLine`` a citation, in text order, each ending in a line feed.
    public var lines: [UInt8]
    /// The footnote texts in number order.
    public var footnotes: [Footnote]
    /// The reference list at the end of the text, if it has one.
    public var referenceList: TextSpan?

    public init(lines: [UInt8], footnotes: [Footnote], referenceList: TextSpan?) {
        self.lines = lines
        self.footnotes = footnotes
        self.referenceList = referenceList
    }
}
