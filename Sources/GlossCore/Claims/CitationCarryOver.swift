extension SourceAnnotations {
    /// Moves the citation ids that the annotations hold besides claims — manual citations,
    /// rejections and links — and the spans of accepted check findings from the old revision to
    /// the new one through `diff`. (Claims carry
    /// their own citations; see `ClaimReanchorer`.) A manual citation takes the text now at its span.
    public mutating func carryCitations(through diff: TextDiff, to text: SourceText) {
        func carried(_ id: CitationID) -> CitationID { CitationID(source: id.source, span: diff.map(id.span)) }
        manualCitations = manualCitations.map { citation in
            var moved = citation
            moved.span = diff.map(citation.span)
            moved.text = text.slice(moved.span)
            return moved
        }
        rejectedCitations = rejectedCitations.map(carried)
        links = links.map { CitationLink(citation: carried($0.citation), record: $0.record) }
        acceptedFindings = acceptedFindings.map { accepted in
            accepted.span.map { accepted.moved(to: diff.map($0)) } ?? accepted
        }
    }
}
