import GlossCore

/// Gathers what `gloss check` looks at from the workspace on disk.
public struct CheckInputLoader: Sendable {
    public let workspace: Workspace

    public init(_ workspace: Workspace) {
        self.workspace = workspace
    }

    /// The sources named (all when `names` is empty) and the library.
    public func load(_ names: [String]) throws -> CheckContext {
        let store = SourceStore(workspace)
        let metadata = names.isEmpty
            ? try store.all()
            : try names.map { name throws(StoreError) in try store.metadata(for: store.id(named: name)) }
        let annotations = AnnotationStore(workspace)
        let index = CitationIndex(workspace)
        var sources: [SourceCheckInput] = []
        for source in metadata {
            let sourceAnnotations = try annotations.annotations(for: source.id)
            do {
                let detections = try index.detections(source, withText: true)
                sources.append(SourceCheckInput(
                    metadata: source, text: detections.text,
                    citations: sourceAnnotations.effectiveCitations(detections.scan.citations),
                    footnotes: detections.scan.footnotes, referenceList: detections.scan.referenceList,
                    annotations: sourceAnnotations))
            } catch {
                // A damaged or unreadable text is itself a finding; the other sources are still checked.
                sources.append(SourceCheckInput(metadata: source, text: nil, damage: error.description,
                                                annotations: sourceAnnotations))
            }
        }
        return CheckContext(sources: sources, library: try LibraryStore(workspace).records())
    }
}
