import GlossCore

/// Gathers what `gloss refs`, `gloss check` and `gloss export` work on: for each source, its text,
/// its citations (from `detect`, plus the manual ones in its annotations), its footnote texts, its
/// reference list, and the library, run through `ReferenceReport`.
public struct ReferenceLoader: Sendable {
    public let workspace: Workspace

    public init(_ workspace: Workspace) {
        self.workspace = workspace
    }

    /// One source's references, with the pieces they were built from (for `--works`).
    public struct Loaded: Sendable {
        public var metadata: SourceMetadata
        public var text: SourceText
        /// The citations as people decided them: detections less rejections, plus manual ones.
        public var citations: [Citation]
        public var footnotes: [Footnote]
        /// The span of the reference list, when the source has one.
        public var referenceList: TextSpan?
        public var annotations: SourceAnnotations
        public var references: SourceReferences
        public var bibliography: SourceBibliography
        public var resolution: SourceResolution
    }

    /// The references of the sources named (all when `names` is empty), with the citations and
    /// footnotes the citation scanner finds (cached in `.gloss-cache/`); `progress` is told the
    /// sources loaded and the total after each.
    public func load(_ names: [String], progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) throws -> (sources: [Loaded], library: [BibRecord]) {
        let index = CitationIndex(workspace)
        return try load(names, progress: progress) { metadata, _ in try index.detections(metadata).scan }
    }

    /// The references of the sources named (all when `names` is empty). `detect` gives a
    /// source's scan (citations, footnote texts, reference list) from its stored text.
    public func load(_ names: [String], progress: (_ done: Int, _ total: Int) -> Void = { _, _ in },
                     detect: (SourceMetadata, String) throws -> CitationScan) throws -> (sources: [Loaded], library: [BibRecord]) {
        let store = SourceStore(workspace)
        let metadata = names.isEmpty
            ? try store.all()
            : try names.map { name throws(StoreError) in try store.metadata(for: store.id(named: name)) }
        let library = try LibraryStore(workspace).records()
        var loaded: [Loaded] = []
        progress(0, metadata.count)
        for source in metadata {
            loaded.append(try load(source, library: library, detect: detect))
            progress(loaded.count, metadata.count)
        }
        return (loaded, library)
    }

    /// The references of one source, against `library`.
    public func load(_ source: SourceMetadata, library: [BibRecord],
                     detect: (SourceMetadata, String) throws -> CitationScan) throws -> Loaded {
        let text = try SourceStore(workspace).text(of: source.id)
        let detected = try detect(source, text)
        let decided = try AnnotationStore(workspace).annotations(for: source.id)
        let manualSpans = Set(decided.manualCitations.map(\.span))
        let citations = detected.citations.filter { !manualSpans.contains($0.span) } + decided.manualCitations
        let footnotes = detected.footnotes.map { FootnoteText(number: $0.number, span: $0.span, text: $0.text) }
        let (references, bibliography, resolution) = ReferenceReport.references(
            source: source.id, text: text, citations: citations, footnotes: footnotes,
            annotations: decided, library: library)
        return Loaded(metadata: source, text: SourceText(text), citations: decided.effectiveCitations(detected.citations),
                      footnotes: detected.footnotes, referenceList: detected.referenceList, annotations: decided,
                      references: references, bibliography: bibliography, resolution: resolution)
    }

    /// The works cited across the loaded sources (`gloss refs --works`).
    public static func works(_ loaded: [Loaded], library: [BibRecord]) -> [Work] {
        ReferenceReport.works(loaded.map { ($0.bibliography, $0.resolution) }, library: library)
    }
}
