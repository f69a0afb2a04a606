/// A manual link from a citation to a bibliographic record; it wins over automatic resolution.
public struct CitationLink: Codable, Sendable, Hashable {
    public var citation: CitationID
    /// The record's citation key in the library.
    public var record: String

    public init(citation: CitationID, record: String) {
        self.citation = citation
        self.record = record
    }
}

/// What people decided about one source: the file `annotations/<id>.json`.
///
/// Kept in a stable order (claims by position, then id; links and rejections by citation) so
/// that `git diff` of a change stays small.
public struct SourceAnnotations: Codable, Sendable, Hashable {
    public var source: SourceID
    public var claims: [Claim]
    /// Citations a person added that detection missed.
    public var manualCitations: [Citation]
    /// Detections a person rejected as not being citations.
    public var rejectedCitations: [CitationID]
    public var links: [CitationLink]

    public init(source: SourceID) {
        self.source = source
        claims = []
        manualCitations = []
        rejectedCitations = []
        links = []
    }

    /// Puts every list in its stable order.
    public mutating func normalizeOrder() {
        claims.sort { ($0.position, $0.id) < ($1.position, $1.id) }
        manualCitations.sort { $0.span < $1.span }
        rejectedCitations.sort()
        links.sort { ($0.citation, $0.record) < ($1.citation, $1.record) }
    }
}
