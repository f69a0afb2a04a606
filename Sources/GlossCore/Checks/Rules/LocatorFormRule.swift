/// The same work cited with different separators between year and page in one source
/// (`2025:3` and `2025.4`, `s.` and `ss.`).
public struct LocatorFormRule: CheckRule {
    public static let code = "inconsistent-locator-form"
    public static let summary = "the same work is cited with different locator separators or forms in one source"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        let uses = AuthorDateUse.all(in: context).filter { $0.separator != nil }
        let works = Dictionary(grouping: uses) { "\($0.source)\u{0}\($0.authorKey)\u{0}\($0.year)" }
        var findings: [Finding] = []
        for (_, group) in works {
            let forms = Dictionary(grouping: group) { $0.separator! }
            guard forms.count > 1 else { continue }
            // The most used form is the norm (ties: the first written); the others are reported.
            let norm = forms.max { a, b in
                a.value.count != b.value.count ? a.value.count < b.value.count
                    : a.value[0].citation.span.start > b.value[0].citation.span.start
            }!.key
            for use in group where use.separator != norm {
                var examples: [String] = []
                for other in forms[norm]! {
                    let quoted = "“\(CheckReport.collapse(other.citation.text, limit: 40))”"
                    if !examples.contains(quoted) { examples.append(quoted) }
                }
                let others = examples.prefix(3).joined(separator: ", ")
                findings.append(Finding(
                    rule: Self.code, severity: .warning, source: use.source, span: use.citation.span, text: use.citation.text,
                    message: "\(use.author) \(use.year) is cited with '\(use.separator!)' here but '\(norm)' elsewhere (\(others))",
                    hint: "use one form for the work throughout, e.g. \(use.year)\(norm == "." || norm == ":" ? norm : norm + " ")\(use.item.locator ?? "")"))
            }
        }
        return findings
    }
}
