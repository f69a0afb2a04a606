import Foundation
import GlossCore

/// `gloss check` over a workspace of any size: sources checked on all cores a window at a time,
/// each source's result cached (``CheckCache``) and handed on in id order as soon as it and those
/// before it are done, so that memory holds one window of sources, not the workspace. Rules of
/// workspace scope run at the end, over the small part of each source they need.
public struct CheckRun: Sendable {
    public let workspace: Workspace
    public let checker: Checker
    /// How many sources are checked at once before their results are handed on.
    public var window = max(8, 4 * ProcessInfo.processInfo.activeProcessorCount)

    public init(_ workspace: Workspace, checker: Checker) {
        self.workspace = workspace
        self.checker = checker
    }

    /// What the whole run found besides the per-source results.
    public struct Outcome: Sendable {
        /// The number of sources checked.
        public var checkedSources: Int
        /// The findings of the rules of workspace scope (``Checker/workspaceFindings(_:)``).
        public var workspaceFindings: [Finding]
        /// The line and column of each of them, when it has a span in a text that reads.
        public var workspacePositions: [SourceCheckResult.LineColumn?]
        /// How many sources were answered from the cache.
        public var cached: Int
    }

    /// Checks the sources named (all when `names` is empty, ordered by id). `report` gets each
    /// source's result in order; `progress` the number of sources done and the total, after each.
    public func run(_ names: [String], progress: (_ done: Int, _ total: Int) -> Void = { _, _ in },
                    report: (SourceMetadata, SourceCheckResult) throws -> Void) throws -> Outcome {
        let store = SourceStore(workspace)
        let selection = try store.survey(of: names)
        let metadata = selection.sources
        var problems = selection.problems
        let library = try LibraryStore(workspace).records()
        let workspaceKey = CheckCache.workspaceKey(checker: checker,
                                                   library: try CheckCache.digest(of: LibraryStore(workspace).fileURL))
        var views: [SourceCheckInput] = []
        var cached = 0
        progress(0, metadata.count)
        for start in stride(from: 0, to: metadata.count, by: window) {
            let chunk = Array(metadata[start..<min(start + window, metadata.count)])
            let checked = try chunk.concurrentMap { source in
                Result { try check(source, library: library, workspaceKey: workspaceKey) }
            }
            for (source, outcome) in zip(chunk, checked) {
                let (entry, fromCache) = try outcome.get()
                if fromCache { cached += 1 }
                if let lengthProblem = entry.lengthProblem {
                    problems.append(SourceFileProblem(file: "\(source.id).json", message: lengthProblem))
                }
                try report(source, entry.result)
                views.append(entry.result.workspaceView(of: source))
                progress(views.count, metadata.count)
            }
        }
        store.rememberVerifiedTexts()
        let context = CheckContext(sources: views, library: library, sourceFileProblems: problems)
        let findings = checker.workspaceFindings(context)
        return Outcome(checkedSources: metadata.count, workspaceFindings: findings, workspacePositions: positions(of: findings), cached: cached)
    }

    /// Where findings with a span stand in their texts, each text read once.
    private func positions(of findings: [Finding]) -> [SourceCheckResult.LineColumn?] {
        let store = SourceStore(workspace)
        var texts: [SourceID: SourceText?] = [:]
        return findings.map { finding in
            guard let source = finding.source, let span = finding.span else { return nil }
            if texts[source] == nil { texts[source] = .some((try? store.text(of: source)).map(SourceText.init)) }
            guard let text = texts[source]!, span.end <= text.scalarCount else { return nil }
            let (line, column) = text.lineColumn(ofScalar: span.start)
            return SourceCheckResult.LineColumn(line: line, column: column)
        }
    }

    /// One source's entry, from the cache when its key is there (the text still read and hashed),
    /// else worked out and cached; and whether it came from the cache. A damaged or unreadable
    /// text is a finding, never cached; broken annotation or metadata files stop the check.
    private func check(_ source: SourceMetadata, library: [BibRecord], workspaceKey: String) throws -> (CheckCache.Entry, Bool) {
        let cache = CheckCache(workspace)
        let annotations = AnnotationStore(workspace)
        let store = SourceStore(workspace)
        do {
            let key = CheckCache.key(workspaceKey: workspaceKey, metadata: source,
                                     annotations: try CheckCache.digest(of: annotations.fileURL(source.id)))
            if let entry = cache.entry(key) {
                try store.withText(of: source, check: .always) { _ in }
                return (entry, true)
            }
            let index = CitationIndex(workspace)
            let loaded = try ReferenceLoader(workspace).load(source, library: library) { metadata, _ in try index.detections(metadata).scan }
            let input = CheckInputLoader.input(loaded)
            let length = loaded.text.scalarCount
            let lengthProblem = length == source.length ? nil
                : "sources/\(source.id).json records a length of \(source.length) code points, but the text has \(length); every offset into it is suspect"
            let entry = CheckCache.Entry(result: SourceCheckResult(checking: input, with: checker, library: library), lengthProblem: lengthProblem)
            cache.store(entry, key: key)
            return (entry, false)
        } catch let error as StoreError {
            if case .corruptMetadata = error { throw error }
            let input = SourceCheckInput(metadata: source, text: nil, damage: error.description,
                                         annotations: try annotations.annotations(for: source.id))
            return (CheckCache.Entry(result: SourceCheckResult(checking: input, with: checker, library: library), lengthProblem: nil), false)
        }
    }
}
