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
        let selection = try store.survey(of: names)
        let metadata = selection.sources
        var problems = selection.problems
        let annotations = AnnotationStore(workspace)
        let index = CitationIndex(workspace)
        let loader = ReferenceLoader(workspace)
        let library = try LibraryStore(workspace).records()
        var sources: [SourceCheckInput] = []
        for source in metadata {
            do {
                let loaded = try loader.load(source, library: library) { metadata, _ in try index.detections(metadata).scan }
                let length = loaded.text.scalarCount
                if length != source.length {
                    problems.append(SourceFileProblem(
                        file: "\(source.id).json",
                        message: "sources/\(source.id).json records a length of \(source.length) code points, but the text has \(length); every offset into it is suspect"))
                }
                sources.append(Self.input(loaded))
            } catch let error as StoreError {
                // A damaged or unreadable text is itself a finding; the other sources are still checked.
                // Broken annotation or metadata files stop the check: its answer would be wrong.
                if case .corruptMetadata = error { throw error }
                sources.append(SourceCheckInput(metadata: source, text: nil, damage: error.description,
                                                annotations: try annotations.annotations(for: source.id)))
            }
        }
        return CheckContext(sources: sources, library: library, sourceFileProblems: problems)
    }

    /// What the rules look at for one source loaded by `ReferenceLoader`.
    public static func input(_ loaded: ReferenceLoader.Loaded) -> SourceCheckInput {
        var input = SourceCheckInput(
            metadata: loaded.metadata, text: loaded.text, citations: loaded.citations, footnotes: loaded.footnotes,
            referenceList: loaded.referenceList, annotations: loaded.annotations)
        input.bibliography = loaded.bibliography
        input.resolution = loaded.resolution
        let numbers = loaded.bibliography.referenceList.compactMap(\.number)
        if !numbers.isEmpty { input.numberedReferences = Set(numbers) }
        return input
    }
}
