/// The same work cited with different separators between year and page in one source
/// (`2025:3` and `2025.4`, `s.` and `:`).
///
/// A single page and a range take different abbreviations in APA and Chicago (`p. 4`, `pp. 4–6`),
/// and in Turkish (`s. 4`, `ss. 4-6`): those pairs are one form.
public struct LocatorFormRule: CheckRule {
    public static let code = "inconsistent-locator-form"
    public static let summary = "the same work is cited with different locator separators or forms in one source"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        let uses = AuthorDateUse.all(in: context).filter { $0.separator != nil }
        let works = Dictionary(grouping: uses) { "\($0.source)\u{0}\($0.authorKey)\u{0}\($0.year)" }
        var findings: [Finding] = []
        for (_, group) in works {
            let forms = Dictionary(grouping: group) { Self.form(of: $0.separator!) }
            guard forms.count > 1 else { continue }
            // The most used form is the norm (ties: the first written); the others are reported.
            let norm = forms.max { a, b in
                a.value.count != b.value.count ? a.value.count < b.value.count
                    : a.value[0].citation.span.start > b.value[0].citation.span.start
            }!.key
            for use in group where Self.form(of: use.separator!) != norm {
                var examples: [String] = []
                for other in forms[norm]! {
                    let quoted = "“\(CheckReport.collapse(other.citation.text, limit: 40))”"
                    if !examples.contains(quoted) { examples.append(quoted) }
                }
                let others = examples.prefix(3).joined(separator: ", ")
                let locator = use.item.locator ?? ""
                let separator = Self.separator(norm, for: locator)
                findings.append(Finding(
                    rule: Self.code, severity: .warning, source: use.source, span: use.citation.span, text: use.citation.text,
                    message: "\(use.author) \(use.year) is cited with '\(use.separator!)' here but '\(norm)' elsewhere (\(others))",
                    hint: "use one form for the work throughout, e.g. \(use.year)\(separator == "." || separator == ":" ? separator : separator + " ")\(locator)"))
            }
        }
        return findings
    }

    /// Page abbreviations for several pages, with their single-page forms.
    static let plurals: KeyValuePairs<String, String> = ["pp.": "p.", "ss.": "s."]

    /// The form of a separator: a plural page abbreviation counts as its singular (`, pp.` → `, p.`).
    static func form(of separator: String) -> String {
        for (plural, singular) in plurals where separator.hasSuffix(plural) {
            let head = separator.dropLast(plural.count)
            if head.last.map({ !$0.isLetter }) ?? true { return head + singular }
        }
        return separator
    }

    /// A separator of `form` as written before `locator`: plural for a range or several pages.
    static func separator(_ form: String, for locator: String) -> String {
        guard locator.contains(where: { "-–—,".contains($0) }),
              let (plural, singular) = plurals.first(where: { form.hasSuffix($0.value) }).map({ ($0.key, $0.value) }) else { return form }
        let head = form.dropLast(singular.count)
        guard head.last.map({ !$0.isLetter }) ?? true else { return form }
        return head + plural
    }
}
