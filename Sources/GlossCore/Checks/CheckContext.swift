/// Everything the rules may look at for one source.
public struct SourceCheckInput: Sendable {
    public var metadata: SourceMetadata
    /// The stored text of the current revision; nil when it could not be read or is damaged.
    public var text: SourceText?
    /// Set when the stored bytes do not match the recorded sha256 (or cannot be read).
    public var damage: String?
    /// The citations of the current revision, after manual additions and rejections.
    public var citations: [Citation]
    /// The footnote texts found at page bottoms.
    public var footnotes: [Footnote]
    /// The span of the reference list, when the source has one.
    public var referenceList: TextSpan?
    public var annotations: SourceAnnotations
    /// The numbers of the entries of a numbered reference list; nil when the source has none.
    public var numberedReferences: Set<Int>?
    /// The records parsed from the source's footnotes and reference list.
    public var bibliography: SourceBibliography?
    /// Where each citation item points.
    public var resolution: SourceResolution?

    public init(metadata: SourceMetadata, text: SourceText?, damage: String? = nil, citations: [Citation] = [],
                footnotes: [Footnote] = [], referenceList: TextSpan? = nil, annotations: SourceAnnotations) {
        self.metadata = metadata
        self.text = text
        self.damage = damage
        self.citations = citations
        self.footnotes = footnotes
        self.referenceList = referenceList
        self.annotations = annotations
    }
}

/// What `gloss check` looks at: the sources asked for, and the workspace library.
public struct CheckContext: Sendable {
    public var sources: [SourceCheckInput]
    public var library: [BibRecord]
    /// Files of `sources/` that hide a source (a sidecar missing, unreadable or inconsistent).
    public var sourceFileProblems: [SourceFileProblem]

    public init(sources: [SourceCheckInput], library: [BibRecord], sourceFileProblems: [SourceFileProblem] = []) {
        self.sources = sources
        self.library = library
        self.sourceFileProblems = sourceFileProblems
    }
}
