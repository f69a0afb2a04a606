/// A manual link (`gloss link`) that points at nothing: its span is no citation of the current
/// revision (a revision moved or removed the text), or its record is not in the library (removed
/// or renamed).
public struct DanglingLinkRule: CheckRule {
    public static let code = "dangling-link"
    public static let summary = "a manual link points at no citation or no record"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        let keys = Set(context.library.map(\.id))
        var findings: [Finding] = []
        for source in context.sources where source.text != nil && source.damage == nil {
            let citations = Set(source.citations.map(\.id))
            for link in source.annotations.links {
                if !citations.contains(link.citation) {
                    findings.append(Finding(
                        rule: Self.code, severity: .error, source: source.metadata.id, span: link.citation.span,
                        message: "the link of \(link.citation) to \(link.record) points at no citation of the current text",
                        hint: "'gloss unlink \(link.citation)', then link the citation where it is now"))
                } else if !keys.contains(link.record) {
                    findings.append(Finding(
                        rule: Self.code, severity: .error, source: source.metadata.id, span: link.citation.span,
                        message: "\(link.citation) is linked to \(link.record), which is not in the library",
                        hint: "'gloss unlink \(link.citation)' or import the record again"))
                }
            }
        }
        return findings
    }
}
