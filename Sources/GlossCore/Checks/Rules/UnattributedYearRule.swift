/// Year-only parentheses (`(1997, s. 45)`) for which no author was found in the sentence: perhaps a
/// citation whose author is named farther away, perhaps a date. Reported for a look, never counted
/// as a citation.
public struct UnattributedYearRule: CheckRule {
    public static let code = "unattributed-year"
    public static let summary = "a parenthesis holds only a year (and page) and no author was found for it"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        context.sources.flatMap { source -> [Finding] in
            guard let text = source.text else { return [] }
            // Reference lists and footnote texts hold years in parentheses that are not in-text citations.
            var spans = source.citations.map(\.span) + source.footnotes.flatMap(\.parts)
            if let list = source.referenceList { spans.append(list) }
            let outside = SpanOverlapIndex(spans)
            return YearOnlyParentheses.spans(in: text).compactMap { span -> Finding? in
                guard !outside.overlaps(span) else { return nil }
                return Finding(rule: Self.code, severity: .info, source: source.metadata.id, span: span, text: text.slice(span),
                               message: "\(text.slice(span)) holds a year but no author was found for it in its sentence",
                               hint: "name the author in the sentence, or add the citation by hand with gloss cite add")
            }
        }
    }
}
