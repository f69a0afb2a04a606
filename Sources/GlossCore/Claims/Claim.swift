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

/// How a claim was carried over to the current revision, kept until a person edits its span.
public struct ClaimReanchoring: Codable, Sendable, Hashable {
    /// How the new position was found.
    public enum Method: String, Codable, Sendable {
        /// The quote still matched at the same offsets.
        case position
        /// The offsets were mapped through a diff of the two revisions.
        case diff
        /// The quote was found by a fuzzy search.
        case fuzzy
        /// Nothing good enough was found.
        case none
    }

    /// The sha256 of the revision the claim was carried over from.
    public var from: String
    public var method: Method
    /// 0...1: how well the new place matches the old quote and its context.
    public var score: Double
    /// The quote selector on the old revision (absent when the quote did not change).
    public var previous: TextQuoteSelector?

    public init(from: String, method: Method, score: Double, previous: TextQuoteSelector?) {
        self.from = from
        self.method = method
        self.score = (score * 1000).rounded() / 1000
        self.previous = previous
    }
}

/// A researcher's claim annotation: a span of a source, with tags, a note and the citations
/// that support it.
///
/// Stored in the shape of a W3C Web Annotation: the tags and the note are `TextualBody` bodies
/// with `purpose` `tagging` and `commenting`; the target names the source and carries a
/// `TextPositionSelector` and a `TextQuoteSelector`.
public struct Claim: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var source: SourceID
    /// The sha256 of the revision the selectors refer to.
    public var revision: String
    /// TextPositionSelector: code-point offsets, end exclusive.
    public var position: TextSpan
    public var quote: TextQuoteSelector
    /// Sorted, without duplicates (see `setTags`).
    public var tags: [String]
    public var note: String?
    /// The citations that support the claim, sorted.
    public var citations: [CitationID]
    /// ISO 8601 times.
    public var created: String
    public var modified: String
    public var status: ClaimStatus
    /// Set when a revision moved the claim or could not place it; cleared when a person sets its span.
    public var reanchoring: ClaimReanchoring?

    public init(id: String, source: SourceID, revision: String, position: TextSpan, quote: TextQuoteSelector,
                tags: [String] = [], note: String? = nil, citations: [CitationID] = [],
                created: String, modified: String, status: ClaimStatus = .anchored,
                reanchoring: ClaimReanchoring? = nil) {
        self.id = id
        self.source = source
        self.revision = revision
        self.position = position
        self.quote = quote
        self.tags = Self.normalizedTags(tags)
        self.note = note
        self.citations = Array(Set(citations)).sorted()
        self.created = created
        self.modified = modified
        self.status = status
        self.reanchoring = reanchoring
    }

    /// Tags trimmed, without empties or duplicates, sorted: the stored order.
    public static func normalizedTags<S: Sequence<String>>(_ tags: S) -> [String] {
        Array(Set(tags.map { $0.trimmingWhitespace }.filter { !$0.isEmpty })).sorted()
    }

    // MARK: W3C shape

    private enum CodingKeys: String, CodingKey {
        case id, revision, target, body, citations, created, modified, status, reanchoring
    }

    private struct TextualBody: Codable {
        var type = "TextualBody"
        var purpose: String
        var value: String
    }

    private struct Target: Codable {
        var source: SourceID
        var selector: [Selector]
    }

    /// A TextPositionSelector or a TextQuoteSelector.
    private struct Selector: Codable {
        var type: String
        var start: Int?
        var end: Int?
        var exact: String?
        var prefix: String?
        var suffix: String?
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        revision = try container.decode(String.self, forKey: .revision)
        let target = try container.decode(Target.self, forKey: .target)
        source = target.source
        guard let position = target.selector.first(where: { $0.type == "TextPositionSelector" }),
              let start = position.start, let end = position.end, 0 <= start, start <= end
        else {
            throw DecodingError.dataCorruptedError(forKey: .target, in: container,
                                                   debugDescription: "claim \(id) has no valid TextPositionSelector")
        }
        guard let quote = target.selector.first(where: { $0.type == "TextQuoteSelector" }), let exact = quote.exact else {
            throw DecodingError.dataCorruptedError(forKey: .target, in: container,
                                                   debugDescription: "claim \(id) has no TextQuoteSelector")
        }
        self.position = TextSpan(start: start, end: end)
        self.quote = TextQuoteSelector(exact: exact, prefix: quote.prefix ?? "", suffix: quote.suffix ?? "")
        let bodies = try container.decodeIfPresent([TextualBody].self, forKey: .body) ?? []
        tags = Self.normalizedTags(bodies.filter { $0.purpose == "tagging" }.map(\.value))
        note = bodies.first { $0.purpose == "commenting" }?.value
        citations = (try container.decodeIfPresent([CitationID].self, forKey: .citations) ?? []).sorted()
        created = try container.decode(String.self, forKey: .created)
        modified = try container.decodeIfPresent(String.self, forKey: .modified) ?? created
        status = try container.decodeIfPresent(ClaimStatus.self, forKey: .status) ?? .anchored
        reanchoring = try container.decodeIfPresent(ClaimReanchoring.self, forKey: .reanchoring)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(revision, forKey: .revision)
        try container.encode(Target(source: source, selector: [
            Selector(type: "TextPositionSelector", start: position.start, end: position.end),
            Selector(type: "TextQuoteSelector", exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix),
        ]), forKey: .target)
        var bodies = tags.map { TextualBody(purpose: "tagging", value: $0) }
        if let note { bodies.append(TextualBody(purpose: "commenting", value: note)) }
        try container.encode(bodies, forKey: .body)
        try container.encode(citations, forKey: .citations)
        try container.encode(created, forKey: .created)
        try container.encode(modified, forKey: .modified)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(reanchoring, forKey: .reanchoring)
    }
}

extension String {
    /// The string without leading and trailing whitespace.
    var trimmingWhitespace: String {
        let scalars = Array(unicodeScalars)
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[first...last])
        return String(view)
    }
}
