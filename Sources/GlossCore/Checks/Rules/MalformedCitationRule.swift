/// Citations the scanner could only partly read: an unclosed parenthesis, a title where the year
/// should be, an author without a year.
public struct MalformedCitationRule: CheckRule {
    public static let code = "malformed-citation"
    public static let summary = "a citation is malformed (unclosed, missing year, mixed forms)"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        context.sources.flatMap { source in
            source.citations.compactMap { citation -> Finding? in
                if citation.malformed {
                    return Finding(
                        rule: Self.code, severity: .error, source: source.metadata.id, span: citation.span, text: citation.text,
                        message: "malformed citation",
                        hint: "write it as (Author, Year: pages)")
                }
                guard citation.kind == .parenthetical || citation.kind == .narrative,
                      let item = citation.items.first(where: { $0.author != nil && $0.year == nil }) else { return nil }
                return Finding(
                    rule: Self.code, severity: .warning, source: source.metadata.id, span: citation.span, text: citation.text,
                    message: "\(item.author ?? "an author") is cited without a year",
                    hint: "add the year, or n.d. / t.y. when the work has none")
            }
        }
    }
}
