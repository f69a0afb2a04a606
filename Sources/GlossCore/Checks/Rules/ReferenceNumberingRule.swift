/// A numbered reference list whose numbers do not run 1, 2, 3, …: a number skipped, repeated,
/// or out of order.
public struct ReferenceNumberingRule: CheckRule {
    public static let code = "reference-numbering"
    public static let summary = "a numbered reference list skips, repeats or reorders a number"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        context.sources.flatMap { source -> [Finding] in
            guard let bibliography = source.bibliography else { return [] }
            var findings: [Finding] = []
            var expected = 1
            var seen = Set<Int>()
            for listed in bibliography.referenceList {
                guard let number = listed.number else { continue }
                let span = listed.record.custom?.provenance?.first?.span
                func report(_ message: String, _ hint: String) {
                    findings.append(Finding(rule: Self.code, severity: .warning, source: source.metadata.id, span: span,
                                            text: listed.record.custom?.rawText, message: message, hint: hint))
                }
                if seen.contains(number) {
                    report("reference number \(number) is used twice", "renumber the list and the citations that point into it")
                } else if number < expected {
                    report("reference \(number) comes after reference \(expected - 1)", "put the list in order")
                } else if number > expected {
                    let gap = number - 1 == expected ? "\(expected)" : "\(expected)–\(number - 1)"
                    report("reference \(number) follows \(expected - 1): number \(gap) is missing",
                           "renumber the list, or restore the missing entry")
                }
                seen.insert(number)
                expected = max(expected, number + 1)
            }
            return findings
        }
    }
}
