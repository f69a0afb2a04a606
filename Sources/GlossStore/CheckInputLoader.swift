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
        var sources: [SourceCheckInput] = []
        for source in metadata {
            var text: SourceText?
            var damage: String?
            do {
                text = SourceText(try store.text(of: source.id))
            } catch {
                damage = error.description
            }
            sources.append(SourceCheckInput(metadata: source, text: text, damage: damage,
                                            annotations: try annotations.annotations(for: source.id)))
        }
        return CheckContext(sources: sources, library: try LibraryStore(workspace).records())
    }
}
