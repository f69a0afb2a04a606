import GlossCore

/// The citations of the sources of a workspace: from the detection cache when it is fresh, else
/// scanned from the stored text (and cached).
public struct CitationIndex: Sendable {
    public let sources: SourceStore
    public let cache: DetectionCache

    public init(_ workspace: Workspace) {
        sources = SourceStore(workspace)
        cache = DetectionCache(workspace)
    }

    /// The detections of one source (its current revision).
    public struct Detections: Sendable {
        public var metadata: SourceMetadata
        public var scan: CitationScan
        /// The stored text, when it was asked for or had to be read anyway.
        public var text: SourceText?
    }

    /// The detections of the sources named (all sources, ordered by id, when `names` is empty).
    /// With `withText`, each comes with its stored text (for line:column positions).
    public func detections(of names: [String] = [], withText: Bool = false) throws(StoreError) -> [Detections] {
        let metadata: [SourceMetadata]
        if names.isEmpty {
            metadata = try sources.all()
        } else {
            var chosen: [SourceMetadata] = []
            for name in names { chosen.append(try sources.metadata(for: sources.id(named: name))) }
            metadata = chosen
        }
        var result: [Detections] = []
        for source in metadata { result.append(try detections(source, withText: withText)) }
        return result
    }

    /// The detections of one source.
    public func detections(_ source: SourceMetadata, withText: Bool = false) throws(StoreError) -> Detections {
        if let cached = cache.scan(sha256: source.sha256) {
            let text = withText ? SourceText(try sources.text(of: source.id)) : nil
            return Detections(metadata: source, scan: cached, text: text)
        }
        let text = SourceText(try sources.text(of: source.id))
        let scan = CitationScanner.scan(text, source: source.id)
        // The cache only saves time: a workspace that cannot take it still gets its answer.
        try? cache.store(scan, sha256: source.sha256)
        return Detections(metadata: source, scan: scan, text: text)
    }
}
