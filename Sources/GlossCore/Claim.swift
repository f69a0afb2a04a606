/// How well a claim is anchored in the current revision of its source.
public enum ClaimStatus: String, Codable, Sendable, CaseIterable {
    /// Made on this revision, or carried over at the same position.
    case anchored
    /// Carried over to a new position after a revision.
    case moved
    /// Carried over by a fuzzy match that a person should confirm.
    case needsReview = "needs-review"
    /// Could not be found in the current revision; kept, never deleted.
    case orphaned
}

/// A researcher's claim annotation: a span of a source, with tags, a note and the citations
/// that support it.
public struct Claim: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var source: SourceID
    /// The sha256 of the revision the selectors refer to.
    public var revision: String
    /// TextPositionSelector: code-point offsets, end exclusive.
    public var position: TextSpan
    public var quote: TextQuoteSelector
    public var tags: [String]
    public var note: String?
    /// The citations that support the claim.
    public var citations: [CitationID]
    /// ISO 8601 times.
    public var created: String
    public var modified: String
    public var status: ClaimStatus

    public init(id: String, source: SourceID, revision: String, position: TextSpan, quote: TextQuoteSelector,
                tags: [String] = [], note: String? = nil, citations: [CitationID] = [],
                created: String, modified: String, status: ClaimStatus = .anchored) {
        self.id = id
        self.source = source
        self.revision = revision
        self.position = position
        self.quote = quote
        self.tags = tags
        self.note = note
        self.citations = citations
        self.created = created
        self.modified = modified
        self.status = status
    }
}
