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

/// A finding of `gloss check` that a researcher reviewed and accepted, so it is no longer reported.
public struct AcceptedFinding: Codable, Sendable, Hashable {
    /// `CODE@START-END` (or `CODE` for a finding without a span), as `Finding.acceptanceKey`.
    public var finding: String
    /// Why it is fine.
    public var note: String

    public init(finding: String, note: String) {
        self.finding = finding
        self.note = note
    }

    /// The span named by the key (`START-END` after `@`); nil for a finding without one.
    public var span: TextSpan? {
        guard let at = finding.lastIndex(of: "@") else { return nil }
        let bounds = finding[finding.index(after: at)...].split(separator: "-")
        guard bounds.count == 2, let start = Int(bounds[0]), let end = Int(bounds[1]), 0 <= start, start <= end else { return nil }
        return TextSpan(start: start, end: end)
    }

    /// The same acceptance for a finding at `span` (after a revision moved the text).
    public func moved(to span: TextSpan) -> AcceptedFinding {
        let rule = finding.lastIndex(of: "@").map { finding[..<$0] } ?? Substring(finding)
        return AcceptedFinding(finding: "\(rule)@\(span.start)-\(span.end)", note: note)
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
    /// Check findings reviewed and accepted as exceptions.
    public var acceptedFindings: [AcceptedFinding]
    /// The sha256 of the text revision whose spans the manual citations, rejections, links and
    /// accepted findings name (claims name their own). One that is not the current revision means
    /// a revision was stored and these lists not yet carried over to it (a killed `add --revise`);
    /// they are carried when next read. Nil in files written before it was kept: the current one.
    public var citationsRevision: String?

    public init(source: SourceID) {
        self.source = source
        claims = []
        manualCitations = []
        rejectedCitations = []
        links = []
        acceptedFindings = []
    }

    /// Lists that are empty may be missing from the file (hand-written or older files).
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        source = try container.decode(SourceID.self, forKey: .source)
        claims = try container.decodeIfPresent([Claim].self, forKey: .claims) ?? []
        manualCitations = try container.decodeIfPresent([Citation].self, forKey: .manualCitations) ?? []
        rejectedCitations = try container.decodeIfPresent([CitationID].self, forKey: .rejectedCitations) ?? []
        links = try container.decodeIfPresent([CitationLink].self, forKey: .links) ?? []
        acceptedFindings = try container.decodeIfPresent([AcceptedFinding].self, forKey: .acceptedFindings) ?? []
        citationsRevision = try container.decodeIfPresent(String.self, forKey: .citationsRevision)
    }

    /// The citations of the source as people decided them: the detections less the rejected ones,
    /// plus the ones added by hand, in text order.
    public func effectiveCitations(_ detected: [Citation]) -> [Citation] {
        let rejected = Set(rejectedCitations)
        let manual = Set(manualCitations.map(\.id))
        let kept = detected.filter { !rejected.contains($0.id) && !manual.contains($0.id) }
        return (kept + manualCitations).sorted { $0.span < $1.span }
    }

    /// What in the file cannot belong to a text of `length` code points whose sha256 is `revision`:
    /// a manual citation, or a claim made on that revision, whose span runs past the end, or a
    /// manual citation of another source. Nil when everything fits. Both are sliced out of the
    /// text; a hand-edited or damaged file is reported, never trusted. (Links and rejections only
    /// name citations; one left behind by a revision is a finding of `gloss check`, not an error.)
    public func problem(textLength length: Int, revision: String) -> String? {
        for citation in manualCitations {
            if citation.source != source { return "manual citation \(citation.span) names the source '\(citation.source)'" }
            if citation.span.end > length { return "manual citation \(citation.span) runs past the text's end (\(length) code points)" }
        }
        for claim in claims where claim.revision == revision && claim.position.end > length {
            return "claim \(claim.id) at \(claim.position) runs past the text's end (\(length) code points)"
        }
        return nil
    }

    /// Puts every list in its stable order.
    public mutating func normalizeOrder() {
        claims.sort { ($0.position, $0.id) < ($1.position, $1.id) }
        manualCitations.sort { $0.span < $1.span }
        rejectedCitations.sort()
        links.sort { ($0.citation, $0.record) < ($1.citation, $1.record) }
        acceptedFindings.sort { $0.finding < $1.finding }
    }
}

extension SourceAnnotations {
    /// The same decisions for the source `id` (a source imported under another id): every
    /// citation id, claim and manual citation names `id`.
    public func renamed(to id: SourceID) -> SourceAnnotations {
        func move(_ citation: CitationID) -> CitationID { CitationID(source: id, span: citation.span) }
        var copy = self
        copy.source = id
        copy.claims = claims.map { claim in
            var claim = claim
            claim.source = id
            claim.citations = claim.citations.map(move)
            return claim
        }
        copy.manualCitations = manualCitations.map { citation in
            var citation = citation
            citation.source = id
            return citation
        }
        copy.rejectedCitations = rejectedCitations.map(move)
        copy.links = links.map { CitationLink(citation: move($0.citation), record: $0.record) }
        return copy
    }
}
