import GlossCore

/// Gathers what `gloss refs` shows: for each source, its citations (from `detect`, plus the
/// manual ones in its annotations), its footnote texts, its reference list, and the library,
/// run through `ReferenceReport`.
public struct ReferenceLoader: Sendable {
    public let workspace: Workspace

    public init(_ workspace: Workspace) {
        self.workspace = workspace
    }

    /// One source's references, with the pieces they were built from (for `--works`).
    public struct Loaded: Sendable {
        public var references: SourceReferences
        public var bibliography: SourceBibliography
        public var resolution: SourceResolution
    }

    /// The references of the sources named (all when `names` is empty). `detect` gives a
    /// source's detected citations and footnote texts from its stored text (the citation scanner).
    public func load(_ names: [String],
                     detect: (SourceMetadata, String) throws -> (citations: [Citation], footnotes: [FootnoteText])) throws -> (sources: [Loaded], library: [BibRecord]) {
        let store = SourceStore(workspace)
        let metadata = names.isEmpty
            ? try store.all()
            : try names.map { name throws(StoreError) in try store.metadata(for: store.id(named: name)) }
        let library = try LibraryStore(workspace).records()
        let annotations = AnnotationStore(workspace)
        var loaded: [Loaded] = []
        for source in metadata {
            let text = try store.text(of: source.id)
            let detected = try detect(source, text)
            let decided = try annotations.annotations(for: source.id)
            let manualSpans = Set(decided.manualCitations.map(\.span))
            let citations = detected.citations.filter { !manualSpans.contains($0.span) } + decided.manualCitations
            let (references, bibliography, resolution) = ReferenceReport.references(
                source: source.id, text: text, citations: citations, footnotes: detected.footnotes,
                annotations: decided, library: library)
            loaded.append(Loaded(references: references, bibliography: bibliography, resolution: resolution))
        }
        return (loaded, library)
    }

    /// The works cited across the loaded sources (`gloss refs --works`).
    public static func works(_ loaded: [Loaded], library: [BibRecord]) -> [Work] {
        ReferenceReport.works(loaded.map { ($0.bibliography, $0.resolution) }, library: library)
    }
}
