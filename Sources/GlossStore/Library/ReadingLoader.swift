import GlossCore

/// Gathers what the reading view shows (`gloss report`, `gloss serve`) from the workspace: the
/// same citations, links and records `ReferenceLoader` gives `gloss refs`, and the findings
/// `gloss check` reports for the same sources.
public struct ReadingLoader: Sendable {
    public let workspace: Workspace

    public init(_ workspace: Workspace) {
        self.workspace = workspace
    }

    /// The reading views of the sources named (all when `names` is empty), in the order named,
    /// with the workspace library. A damaged text is an error here: there is nothing to show.
    public func load(_ names: [String]) throws -> (sources: [ReadingSource], library: [BibRecord]) {
        let store = SourceStore(workspace)
        let metadata = names.isEmpty
            ? try store.all()
            : try names.map { name throws(StoreError) in try store.metadata(for: store.id(named: name)) }
        let index = CitationIndex(workspace)
        let loader = ReferenceLoader(workspace)
        let library = try LibraryStore(workspace).records()
        var loaded: [(ReferenceLoader.Loaded, [Citation])] = []
        for source in metadata {
            var detected: [Citation] = []
            let one = try loader.load(source, library: library) { metadata, _ in
                let scan = try index.detections(metadata).scan
                detected = scan.citations
                return scan
            }
            loaded.append((one, detected))
        }
        let findings = try Checker().run(CheckContext(sources: loaded.map { CheckInputLoader.input($0.0) }, library: library))
        let views = loaded.map { source, detected in
            let manual = Set(source.annotations.manualCitations.map(\.id))
            let citations = detected.filter { !manual.contains($0.id) } + source.annotations.manualCitations
            return ReadingSource(
                metadata: source.metadata, text: source.text, citations: citations,
                resolutions: source.resolution.resolutions, claims: source.annotations.claims,
                findings: findings.filter { $0.source == source.metadata.id },
                records: source.bibliography.records + source.resolution.stubs + library)
        }
        return (views, library)
    }
}
