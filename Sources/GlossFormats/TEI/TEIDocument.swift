import GlossCore

/// A footnote of a source: its number, the in-text marker that calls it, and where its text lies
/// in the stored text (several parts when it continues across a page break).
public struct TEIFootnote: Sendable, Hashable {
    public var number: Int
    /// The span of the marker (`9` in `kurtarılmıştır.9`), when it was found.
    public var marker: TextSpan?
    /// The footnote text's spans in the stored text, in order; they leave the paragraph flow and
    /// are written inside `<note>` at the marker.
    public var parts: [TextSpan]

    public init(number: Int, marker: TextSpan?, parts: [TextSpan]) {
        self.number = number
        self.marker = marker
        self.parts = parts
    }
}

/// A citation and the keys of the records it cites.
public struct TEICitation: Sendable, Hashable {
    public var citation: Citation
    /// Record ids (`BibRecord.id`); ids that name no record in the document are left out.
    public var recordKeys: [String]

    public init(_ citation: Citation, recordKeys: [String] = []) {
        self.citation = citation
        self.recordKeys = recordKeys
    }
}

/// Everything a TEI export of one source needs.
public struct TEIDocument: Sendable {
    public var metadata: SourceMetadata
    /// The stored text of the current revision.
    public var text: String
    public var citations: [TEICitation]
    public var footnotes: [TEIFootnote]
    public var records: [BibRecord]
    public var claims: [Claim]

    public init(metadata: SourceMetadata, text: String, citations: [TEICitation] = [], footnotes: [TEIFootnote] = [],
                records: [BibRecord] = [], claims: [Claim] = []) {
        self.metadata = metadata
        self.text = text
        self.citations = citations
        self.footnotes = footnotes
        self.records = records
        self.claims = claims
    }
}
