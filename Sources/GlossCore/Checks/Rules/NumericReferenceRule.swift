/// Numeric citations (`[8, s.229]`) against the numbered reference list: numbers outside the list.
/// A source with numeric citations and no list is noted once. (Entries never cited are
/// `uncited-record`'s, for numbered and author-date lists alike.)
public struct NumericReferenceRule: CheckRule {
    public static let code = "numeric-reference"
    public static let summary = "numeric reference out of the list's range, or no list at all"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        context.sources.flatMap { source -> [Finding] in
            let numeric = source.citations.filter { $0.kind == .numeric }
            guard !numeric.isEmpty else { return [] }
            let cited = numeric.flatMap { citation in citation.items.compactMap(\.ref).map { (citation, $0) } }
            guard let entries = source.numberedReferences else {
                let highest = cited.map(\.1).max() ?? 0
                return [Finding(
                    rule: Self.code, severity: .info, source: source.metadata.id,
                    message: "\(numeric.count) numeric citations (references 1–\(highest)) but no numbered reference list to check them against",
                    hint: "import the reference list with the text, or the works with 'gloss bib import'")]
            }
            var findings: [Finding] = []
            for (citation, ref) in cited where !entries.contains(ref) {
                findings.append(Finding(
                    rule: Self.code, severity: .error, source: source.metadata.id, span: citation.span, text: citation.text,
                    message: "reference \(ref) is not in the reference list (\(Self.describe(entries)))",
                    hint: "check the number against the list"))
            }
            return findings
        }
    }

    static func describe(_ entries: Set<Int>) -> String {
        guard let low = entries.min(), let high = entries.max() else { return "empty" }
        return entries.count == high - low + 1 ? "\(low)–\(high)" : "\(entries.count) entries up to \(high)"
    }
}
