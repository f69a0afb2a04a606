/// A citation as the reading view shows it: the citation, how it stands, and where its items point.
public struct ReadingCitation: Sendable, Hashable {
    public var citation: Citation
    public var standing: CitationStanding
    /// One resolution per item, in item order.
    public var resolutions: [CitationResolution]

    public init(citation: Citation, standing: CitationStanding, resolutions: [CitationResolution]) {
        self.citation = citation
        self.standing = standing
        self.resolutions = resolutions
    }
}

/// Everything the reading view of one source shows (`gloss report`, `gloss serve`): its text in
/// paragraphs, every citation with its standing (rejected ones included), its claims, the
/// findings of `gloss check`, and the records its citations point at.
public struct ReadingSource: Sendable {
    public var metadata: SourceMetadata
    public var text: SourceText
    /// Paragraph spans in text order; no citation is split by a paragraph break.
    public var paragraphs: [TextSpan]
    /// In text order, rejected detections included.
    public var citations: [ReadingCitation]
    public var claims: [Claim]
    /// The findings of `gloss check` for this source.
    public var findings: [Finding]
    /// The records the citations point at (linked or candidates), by key.
    public var records: [String: BibRecord]

    /// Builds the view of a source.
    /// - Parameters:
    ///   - citations: the citations as detected plus the manual ones, rejected ones included.
    ///   - resolutions: where each citation item points (`CitationResolver`).
    ///   - records: the records resolutions may name: the source's bibliography, stubs, the library.
    public init(metadata: SourceMetadata, text: SourceText, citations: [Citation], resolutions: [CitationResolution],
                claims: [Claim], findings: [Finding], records: [BibRecord]) {
        self.metadata = metadata
        self.text = text
        var byCitation: [CitationID: [CitationResolution]] = [:]
        for resolution in resolutions { byCitation[resolution.citation, default: []].append(resolution) }
        var seen = Set<CitationID>()
        self.citations = citations.sorted { $0.span < $1.span }.compactMap { citation in
            guard seen.insert(citation.id).inserted else { return nil }
            let resolved = (byCitation[citation.id] ?? []).sorted { $0.item < $1.item }
            return ReadingCitation(citation: citation, standing: CitationStanding(resolved), resolutions: resolved)
        }
        self.claims = claims.sorted { ($0.position, $0.id) < ($1.position, $1.id) }
        self.findings = findings
        let named = Set(self.citations.flatMap { $0.resolutions.flatMap(\.records) })
        var byKey: [String: BibRecord] = [:]
        for record in records where named.contains(record.id) && byKey[record.id] == nil { byKey[record.id] = record }
        self.records = byKey
        paragraphs = ParagraphSplitter.paragraphs(in: text, unbreakable: self.citations.map(\.citation.span))
    }
}
