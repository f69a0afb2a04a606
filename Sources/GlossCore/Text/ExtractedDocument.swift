/// A text extracted from a structured document (a TEI or JATS file), with the citations its markup names
/// and the records it carries — what becomes a source, its citations and library records.
public struct ExtractedDocument: Sendable {
    /// A citation the markup names, with the document-local ids of the records it points at.
    public struct MarkedCitation: Sendable, Hashable {
        public var span: TextSpan
        public var text: String
        public var kind: CitationKind
        public var recordKeys: [String]

        public init(span: TextSpan, text: String, kind: CitationKind, recordKeys: [String]) {
            self.span = span
            self.text = text
            self.kind = kind
            self.recordKeys = recordKeys
        }
    }

    public var text: String
    public var details: SourceDetails
    public var citations: [MarkedCitation]
    /// Records with their document-local ids (GROBID's `b0`, `b1`, …).
    public var records: [BibRecord]

    /// What a Gloss export carries about the source: its decisions and library records, to be
    /// stored exactly as they are (instead of `citations` and `records`) when the text is the
    /// one they were made on.
    public struct Restored: Sendable, Hashable {
        /// The source id the decisions name.
        public var source: SourceID
        /// The sha256 of the text the decisions were made on.
        public var sha256: String
        public var annotations: SourceAnnotations
        public var library: [BibRecord]

        public init(source: SourceID, sha256: String, annotations: SourceAnnotations, library: [BibRecord]) {
            self.source = source
            self.sha256 = sha256
            self.annotations = annotations
            self.library = library
        }
    }

    public var restored: Restored?
    /// Where each record's own entry stands in the text (a JATS reference list), by record id.
    public var recordSpans: [String: TextSpan]

    public init(text: String, details: SourceDetails, citations: [MarkedCitation], records: [BibRecord],
                recordSpans: [String: TextSpan] = [:], restored: Restored? = nil) {
        self.text = text
        self.details = details
        self.citations = citations
        self.records = records
        self.recordSpans = recordSpans
        self.restored = restored
    }

    /// The marked citations as citations of source `id`, their parts read by the citation scanner
    /// from each one's text (one whose text is not a whole citation keeps no parts).
    public func citations(for id: SourceID) -> [Citation] {
        citations.map { marked in
            let text = SourceText(marked.text)
            let found = CitationScanner.scan(text, source: id).citations
            let whole = found.count == 1 && found[0].span == TextSpan(start: 0, end: text.scalarCount) ? found[0] : nil
            return Citation(source: id, span: marked.span, text: marked.text, kind: whole?.kind ?? marked.kind,
                            items: whole?.items ?? [], malformed: whole?.malformed ?? false)
        }
    }
}
