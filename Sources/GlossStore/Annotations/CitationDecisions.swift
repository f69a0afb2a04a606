import GlossCore

/// The manual decisions about detected citations, stored in `annotations/<id>.json`: links from a
/// citation to a library record (`gloss link`) and rejections (`gloss cite reject`, taken back by
/// `gloss cite accept`). They win over
/// automatic resolution.
public struct CitationDecisions: Sendable {
    public let workspace: Workspace

    public init(_ workspace: Workspace) {
        self.workspace = workspace
    }

    /// What a decision changed.
    public enum Change: Sendable, Equatable {
        case added
        /// The citation was linked to `previous` (or rejected, when nil) before.
        case replaced(previous: String?)
        case unchanged
    }

    /// Links the citation `raw` (`SOURCE:START-END`) to the library record `record`, replacing
    /// an earlier link or rejection of the same citation.
    @discardableResult
    public func link(_ raw: String, to record: String) throws -> (CitationID, Change) {
        let citation = try validated(raw)
        try requireCitation(citation)
        _ = try LibraryStore(workspace).record(record)
        let change = try AnnotationStore(workspace).update(citation.source) { annotations -> Change in
            if annotations.links.contains(CitationLink(citation: citation, record: record)) { return .unchanged }
            let previous = annotations.links.first { $0.citation == citation }?.record
            let wasRejected = annotations.rejectedCitations.contains(citation)
            annotations.links.removeAll { $0.citation == citation }
            annotations.rejectedCitations.removeAll { $0 == citation }
            annotations.links.append(CitationLink(citation: citation, record: record))
            return previous != nil || wasRejected ? .replaced(previous: previous) : .added
        }
        return (citation, change)
    }

    /// Marks the citation `raw` as not a citation; a manual link of it is removed.
    @discardableResult
    public func reject(_ raw: String) throws -> (CitationID, Change) {
        let citation = try validated(raw)
        try requireCitation(citation)
        let change = try AnnotationStore(workspace).update(citation.source) { annotations -> Change in
            if annotations.rejectedCitations.contains(citation) { return .unchanged }
            let previous = annotations.links.first { $0.citation == citation }?.record
            annotations.links.removeAll { $0.citation == citation }
            annotations.rejectedCitations.append(citation)
            return previous.map { .replaced(previous: $0) } ?? .added
        }
        return (citation, change)
    }

    /// Takes back a rejection: the detection `raw` is a citation after all.
    @discardableResult
    public func accept(_ raw: String) throws -> (CitationID, Change) {
        let citation = try validated(raw)
        let change = try AnnotationStore(workspace).update(citation.source) { annotations -> Change in
            guard annotations.rejectedCitations.contains(citation) else { return .unchanged }
            annotations.rejectedCitations.removeAll { $0 == citation }
            return .replaced(previous: nil)
        }
        return (citation, change)
    }

    /// Removes the manual link of the citation `raw` (`gloss unlink`); automatic resolution
    /// applies again. Returns the record it was linked to.
    @discardableResult
    public func unlink(_ raw: String) throws -> (CitationID, String) {
        let citation = try validated(raw)
        let record = try AnnotationStore(workspace).update(citation.source) { annotations throws(CitationDecisionError) -> String in
            guard let link = annotations.links.first(where: { $0.citation == citation }) else { throw .notLinked(citation) }
            annotations.links.removeAll { $0.citation == citation }
            return link.record
        }
        return (citation, record)
    }

    /// Checks that `citation` is a detected or manual citation (or a rejected detection); else
    /// the error names the nearest citation.
    func requireCitation(_ citation: CitationID) throws {
        let annotations = try AnnotationStore(workspace).annotations(for: citation.source)
        if annotations.rejectedCitations.contains(citation) { return }
        let known = try CitationIndex(workspace).citations(of: citation.source.rawValue)
        if known.contains(where: { $0.id == citation }) { return }
        throw CitationDecisionError.notACitation(citation, nearest: Citation.nearest(to: citation.span, among: known))
    }

    /// Parses `SOURCE:START-END` and checks that the source exists and the span lies in its text.
    func validated(_ raw: String) throws -> CitationID {
        let citation = try CitationID(parsing: raw)
        let sources = SourceStore(workspace)
        guard sources.exists(citation.source) else { throw StoreError.unknownSource(citation.source.rawValue) }
        let length = try sources.metadata(for: citation.source).length
        guard citation.span.end <= length, citation.span.start < citation.span.end else {
            throw CitationDecisionError.outsideText(citation, length: length)
        }
        return citation
    }
}

/// A citation id that names no text.
public enum CitationDecisionError: GlossError, Equatable {
    case outsideText(CitationID, length: Int)
    /// The span is no detected or manual citation; `nearest` names the closest one.
    case notACitation(CitationID, nearest: String?)
    case notLinked(CitationID)

    public var category: ErrorCategory { .data }

    public var description: String {
        switch self {
        case let .outsideText(citation, length):
            return "citation \(citation) is not a span of the text (\(citation.source) has \(length) code points); 'gloss cites \(citation.source)' lists its citations"
        case let .notACitation(citation, nearest):
            return "\(citation) is no citation\(nearest.map { "; the nearest is \($0)" } ?? " (the source has none)"); 'gloss cite add' marks a missed one"
        case let .notLinked(citation):
            return "\(citation) has no manual link to remove"
        }
    }
}
