@testable import GlossCore

/// Builds small check contexts from text for rule tests.
struct CheckFixture {
    var source: SourceID
    var text: SourceText
    var citations: [Citation] = []
    var annotations: SourceAnnotations
    var library: [BibRecord] = []
    var damage: String?

    init(_ text: String, id: String = "paper") {
        source = try! SourceID(id)
        self.text = SourceText(text)
        annotations = SourceAnnotations(source: source)
    }

    /// The span of the `occurrence`-th (0-based) `needle` in the text.
    func span(of needle: String, occurrence: Int = 0) -> TextSpan {
        let scalars = Array(text.string.unicodeScalars)
        let target = Array(needle.unicodeScalars)
        var found = 0
        for start in 0...(scalars.count - target.count) where Array(scalars[start..<start + target.count]) == target {
            if found == occurrence { return TextSpan(start: start, end: start + target.count) }
            found += 1
        }
        fatalError("'\(needle)' not in fixture text")
    }

    /// Adds a citation for `needle` and returns its id.
    @discardableResult
    mutating func cite(_ needle: String, kind: CitationKind = .parenthetical, items: [CitationItem] = [], malformed: Bool = false) -> CitationID {
        let span = span(of: needle)
        let citation = Citation(source: source, span: span, text: needle, kind: kind, items: items, malformed: malformed)
        citations.append(citation)
        return citation.id
    }

    /// Adds a claim over `needle`.
    mutating func claim(_ needle: String, id: String, citing: [CitationID] = [], status: ClaimStatus = .anchored) {
        let span = span(of: needle)
        annotations.claims.append(Claim(
            id: id, source: source, revision: "sha", position: span,
            quote: TextQuoteSelector(exact: needle, prefix: "", suffix: ""),
            citations: citing, created: "2026-01-01T00:00:00Z", modified: "2026-01-01T00:00:00Z", status: status))
    }

    var context: CheckContext {
        let metadata = SourceMetadata(
            id: source, details: SourceDetails(),
            first: SourceRevision(revision: 1, sha256: "sha", length: text.scalarCount, file: "\(source).txt",
                                  importedFrom: "\(source).txt", importedAt: "2026-01-01T00:00:00Z"))
        return CheckContext(
            sources: [SourceCheckInput(metadata: metadata, text: damage == nil ? text : nil, damage: damage,
                                       citations: citations, annotations: annotations)],
            library: library)
    }

    /// The findings of one rule.
    func findings<R: CheckRule>(_ rule: R.Type) -> [Finding] {
        R().findings(in: context)
    }
}
