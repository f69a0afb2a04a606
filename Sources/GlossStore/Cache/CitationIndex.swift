import Foundation
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
        /// Where the lines of the stored text begin, when asked for.
        public var lines: LineIndex?
    }

    /// The detections of the sources named (all sources, ordered by id, when `names` is empty).
    /// With `withLines`, each comes with the line index of its stored text (for line:column
    /// positions). Sources are scanned on all cores; `progress` is told the sources done and the
    /// total after each.
    public func detections(of names: [String] = [], withLines: Bool = false,
                           progress: @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }) throws(StoreError) -> [Detections] {
        let found = try eachSource(names, progress: progress) { source throws(StoreError) in try detections(source, withLines: withLines) }
        sources.rememberVerifiedTexts()
        cache.rememberVerifiedEntries()
        return found
    }

    /// `body` of each source named (all, ordered by id, when `names` is empty), on all cores,
    /// results in order. A whole workspace's metadata files are read where their texts are scanned,
    /// not all before the first scan: decoding them is ~25 µs each, which one core would otherwise
    /// spend alone while the others wait.
    private func eachSource<T: Sendable>(_ names: [String], progress: @Sendable (_ done: Int, _ total: Int) -> Void,
                                         _ body: @Sendable (SourceMetadata) throws(StoreError) -> T) throws(StoreError) -> [T] {
        guard names.isEmpty else {
            var chosen: [SourceMetadata] = []
            for name in names { chosen.append(try sources.metadata(for: sources.id(named: name))) }
            let total = chosen.count
            return try chosen.concurrentMap(progress: { progress($0, total) }, body)
        }
        let sources = sources
        let files = try sources.metadataFiles()
        let total = files.count
        return try files.concurrentMap(progress: { progress($0, total) }) { file throws(StoreError) in try body(sources.metadata(inFile: file)) }
    }

    /// The citations of the sources named (all when `names` is empty) as JSON Lines in the
    /// `gloss cites --format jsonl` shape, straight from the cache where it is fresh.
    public func citationLines(of names: [String] = []) throws(StoreError) -> [UInt8] {
        var out: [UInt8] = []
        for part in try citationLineParts(of: names) {
            part.withUnsafeBytes { out.append(contentsOf: $0) }
        }
        return out
    }

    /// `citationLines(of:)` one part a source, in order, without copying them into one array
    /// (cached parts are mapped from the cache); `progress` as for `detections(of:)`.
    public func citationLineParts(of names: [String] = [],
                                  progress: @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }) throws(StoreError) -> [any ContiguousBytes & Sendable] {
        let parts = try eachSource(names, progress: progress) { source throws(StoreError) -> any ContiguousBytes & Sendable in
            if let cached = cache.citationLines(sha256: source.detectionKey) { return cached }
            let scan = try sources.withText(of: source, check: .unlessUnchanged) { CitationScanner.scanLines(utf8: $0, source: source.id, footnoteAreas: source.current.footnoteAreas ?? []) }
            // Once stored, the lines are served from the cache entry as a warm run serves them:
            // kept in memory until every text is scanned, they would take a fresh page for every
            // 4 KB of output (a tenth of the corpus), each a page fault.
            if let stored = try? cache.store(scan, sha256: source.detectionKey) { return stored }
            return scan.lines
        }
        sources.rememberVerifiedTexts()
        cache.rememberVerifiedEntries()
        return parts
    }

    /// The detections of one source.
    public func detections(_ source: SourceMetadata, withLines: Bool = false) throws(StoreError) -> Detections {
        // An entry whose spans do not fit the text is not this text's (its sum guards against
        // damage, not against an entry made to fit): it is scanned again.
        if let cached = cache.scan(sha256: source.detectionKey), cached.fits(textLength: source.length) {
            let lines = withLines ? try sources.withText(of: source, check: .unlessUnchanged) { LineIndex(utf8: $0) } : nil
            return Detections(metadata: source, scan: cached, lines: lines)
        }
        let (scan, lines) = try sources.withText(of: source, check: .unlessUnchanged) { bytes in
            (CitationScanner.scan(utf8: bytes, source: source.id, footnoteAreas: source.current.footnoteAreas ?? []), withLines ? LineIndex(utf8: bytes) : nil)
        }
        // The cache only saves time: a workspace that cannot take it still gets its answer.
        _ = try? cache.store(scan, sha256: source.detectionKey)
        return Detections(metadata: source, scan: scan, lines: lines)
    }
}

extension CitationScan {
    /// Whether every span of the scan lies inside a text of `textLength` code points.
    func fits(textLength: Int) -> Bool {
        func fits(_ span: TextSpan) -> Bool { span.start >= 0 && span.start <= span.end && span.end <= textLength }
        return citations.allSatisfy { $0.items.allSatisfy { $0.authorSpan.map(fits) ?? true } && fits($0.span) }
            && footnotes.allSatisfy { $0.parts.allSatisfy(fits) && ($0.marker.map(fits) ?? true) }
            && (referenceList.map(fits) ?? true)
    }
}

extension SourceMetadata {
    /// What the detections of the current revision are cached under: the text's sha256, and for a
    /// text whose page layout showed its footnote areas, a digest of those too (the same text
    /// imported as plain text scans differently).
    var detectionKey: String {
        guard let areas = current.footnoteAreas, !areas.isEmpty else { return sha256 }
        let description = areas.map { "\($0.start)-\($0.end)" }.joined(separator: ",")
        return sha256 + "-notes-" + sha256Hex(Array(description.utf8)).prefix(16)
    }
}
