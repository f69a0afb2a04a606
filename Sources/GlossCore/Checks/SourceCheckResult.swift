/// What checking one source gives: its findings from the rules of source scope, where they stand
/// as line:column, and the part of the source the rules of workspace scope look at. Small beside
/// the source itself; what `gloss check` caches per source and keeps until all are checked.
public struct SourceCheckResult: Codable, Sendable, Equatable {
    /// Findings of the rules of ``CheckScope/source`` scope, accepted ones left out, in report order.
    public var findings: [Finding]
    /// The line and column (from 1) of each finding's start, nil for a finding without a span.
    public var positions: [LineColumn?]
    /// The citations with an author-date item (what `author-variant` compares across sources).
    public var authorDateCitations: [Citation]
    /// The findings accepted in the source's annotations.
    public var acceptedFindings: [AcceptedFinding]

    /// A line and column, from 1, as the text report shows them.
    public struct LineColumn: Codable, Sendable, Equatable {
        public var line: Int
        public var column: Int

        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    /// Checks `source` with the rules of `checker` of source scope, against `library`.
    public init(checking source: SourceCheckInput, with checker: Checker, library: [BibRecord]) {
        findings = checker.sourceFindings(source, library: library)
        positions = findings.map { finding in
            guard let span = finding.span, let text = source.text, span.end <= text.scalarCount else { return nil }
            let (line, column) = text.lineColumn(ofScalar: span.start)
            return LineColumn(line: line, column: column)
        }
        authorDateCitations = source.citations.filter { citation in
            (citation.kind == .parenthetical || citation.kind == .narrative) && citation.items.contains { $0.author != nil && $0.year != nil }
        }
        acceptedFindings = source.annotations.acceptedFindings
    }

    /// The source as the rules of ``CheckScope/workspace`` scope see it: its metadata, its
    /// author-date citations and its accepted findings (no text, no bibliography).
    public func workspaceView(of metadata: SourceMetadata) -> SourceCheckInput {
        var annotations = SourceAnnotations(source: metadata.id)
        annotations.acceptedFindings = acceptedFindings
        return SourceCheckInput(metadata: metadata, text: nil, citations: authorDateCitations, annotations: annotations)
    }
}
