/// Ibid forms (`Age`, `Agk.`, `a.g.e.`, `ibid.`) with nothing to repeat, or right after a footnote
/// citing several works (which one?); short forms that match no earlier full reference.
public struct IbidRule: CheckRule {
    public static let code = "ibid-antecedent"
    public static let summary = "ibid without an antecedent or after a multi-work footnote; short form without a full reference"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        context.sources.flatMap { source -> [Finding] in
            guard let bibliography = source.bibliography else { return [] }
            let footnotes = Dictionary(source.footnotes.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
            let referencesPerEntry = Dictionary(grouping: bibliography.chains, by: \.position.entry).mapValues(\.count)
            var findings: [Finding] = []
            for item in bibliography.chains {
                let footnote = footnotes[item.position.entry]
                func report(_ severity: Severity, _ message: String, _ hint: String) {
                    findings.append(Finding(rule: Self.code, severity: severity, source: source.metadata.id,
                                            span: footnote?.parts.first, text: footnote?.text, message: message, hint: hint))
                }
                switch item.reference.form {
                case .full:
                    continue
                case .ibid:
                    guard let antecedent = item.antecedent else {
                        report(.error, "footnote \(item.position.entry) repeats the previous reference, but there is none",
                               "write the full reference here")
                        continue
                    }
                    if antecedent.entry != item.position.entry, (referencesPerEntry[antecedent.entry] ?? 0) > 1 {
                        report(.warning, "footnote \(item.position.entry) repeats footnote \(antecedent.entry), which cites several works",
                               "use a short form (Author, Title, s. N) to say which work")
                    }
                case .shortForm:
                    if item.work == nil {
                        report(.warning, "footnote \(item.position.entry) is a short form, but no earlier footnote gives the full reference",
                               "give the full reference at the first citation of the work")
                    }
                }
            }
            return findings
        }
    }
}
