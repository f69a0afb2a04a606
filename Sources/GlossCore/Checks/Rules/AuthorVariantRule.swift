/// An author spelled differently in different citations, probably by mistake: the same name up to
/// Turkish/Azerbaijani folding (`Aslanlı` / `Aslanli`), or one or two letters apart.
public struct AuthorVariantRule: CheckRule {
    public static let code = "author-variant"
    public static let summary = "an author is spelled differently in citations that probably mean one author"
    public static let scope = CheckScope.workspace

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        let uses = AuthorDateUse.all(in: context)
        let byAuthor = Dictionary(grouping: uses, by: \.author)
        let spellings = byAuthor.keys.sorted()
        // Each spelling folded once, not once a pair (that was most of a cold `check`).
        let keys = spellings.map(NameFolding.key)
        var findings: [Finding] = []
        for (i, a) in spellings.enumerated() {
            for j in (i + 1)..<spellings.count {
                let b = spellings[j]
                guard let severity = Self.severity(folded: keys[i], keys[j]) else { continue }
                // Report the rarer spelling, at each place it is used.
                let (rare, common) = byAuthor[a]!.count <= byAuthor[b]!.count ? (a, b) : (b, a)
                for use in byAuthor[rare]! {
                    findings.append(Finding(
                        rule: Self.code, severity: severity, source: use.source, span: use.citation.span, text: use.citation.text,
                        message: "author '\(rare)' may be the same as '\(common)' (\(byAuthor[common]!.count)× elsewhere); variants: \(rare), \(common)",
                        hint: "use one spelling, or accept this finding if they are different people"))
                }
            }
        }
        return findings
    }

    /// warning for a folding-only difference or one edit in a long name, info for two edits; nil
    /// when the names are not plausibly one.
    /// `x` and `y` are the names folded (`NameFolding.key`).
    static func severity(folded x: String, _ y: String) -> Severity? {
        if x == y { return .warning }
        let shorter = min(x.unicodeScalars.count, y.unicodeScalars.count)
        guard shorter >= 5 else { return nil }
        // Different initials are different names far more often than typos.
        guard x.unicodeScalars.first == y.unicodeScalars.first else { return nil }
        switch NameFolding.distance(x, y, limit: 2) {
        case 1: return .warning
        case 2 where shorter >= 8: return .info
        default: return nil
        }
    }
}
