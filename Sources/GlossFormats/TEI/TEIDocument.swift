import GlossCore

/// A footnote of a source: its number, the in-text marker that calls it, and where its text lies
/// in the stored text (several parts when it continues across a page break).
public struct TEIFootnote: Sendable, Hashable {
    public var number: Int
    /// The span of the marker (`9` in `kurtarılmıştır.9`), when it was found.
    public var marker: TextSpan?
    /// The footnote text's spans in the stored text, in order; each becomes a `<note>` where it
    /// stands.
    public var parts: [TextSpan]
    /// Record ids (`BibRecord.id`) of the works the footnote cites.
    public var recordKeys: [String]

    public init(number: Int, marker: TextSpan?, parts: [TextSpan], recordKeys: [String] = []) {
        self.number = number
        self.marker = marker
        self.parts = parts
        self.recordKeys = recordKeys
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

/// What Gloss itself keeps about a source beside its text, carried in a TEI export so that
/// importing the export restores it exactly: the source's details, the decisions of
/// `annotations/<id>.json` and the library records the source cites or came with.
public struct TEIGlossState: Codable, Sendable, Hashable {
    public var source: SourceID
    public var title: String?
    public var authors: [String]
    public var year: Int?
    public var languages: [String]
    /// The sha256 of the text the annotations were made on; the import uses them only on that text.
    public var sha256: String
    public var annotations: SourceAnnotations
    /// Records of `annotations/library.json`, all fields and `custom` kept.
    public var library: [BibRecord]

    public init(metadata: SourceMetadata, annotations: SourceAnnotations, library: [BibRecord]) {
        source = metadata.id
        title = metadata.title
        authors = metadata.authors
        year = metadata.year
        languages = metadata.languages
        sha256 = metadata.sha256
        self.annotations = annotations
        // Their spans name the text of `sha256` (read annotations are carried to the current
        // revision), which says so already: the export is the same whether or not the file did.
        self.annotations.citationsRevision = nil
        self.library = library
    }

    /// The source's details as an import takes them.
    public var details: SourceDetails {
        SourceDetails(title: title, authors: authors, year: year, languages: languages)
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
    /// The ids of `records` that are library records (the rest are derived from the text:
    /// footnotes, the reference list, stubs).
    public var libraryRecordIDs: Set<String>
    /// Gloss's own state, written so that `gloss add` of the export restores it; nil leaves it out.
    public var state: TEIGlossState?

    public init(metadata: SourceMetadata, text: String, citations: [TEICitation] = [], footnotes: [TEIFootnote] = [],
                records: [BibRecord] = [], claims: [Claim] = [], libraryRecordIDs: Set<String> = [], state: TEIGlossState? = nil) {
        self.metadata = metadata
        self.text = text
        self.citations = citations
        self.footnotes = footnotes
        self.records = records
        self.claims = claims
        self.libraryRecordIDs = libraryRecordIDs
        self.state = state
    }
}
