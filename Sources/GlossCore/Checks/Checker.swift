/// Runs check rules over a workspace and orders what they find.
public struct Checker: Sendable {
    /// Every rule, in the order `--list-rules` shows them.
    public static let allRules: [any CheckRule.Type] = [
        DamagedTextRule.self,
        SourceFilesRule.self,
        UnresolvedCitationRule.self,
        UncitedRecordRule.self,
        YearMismatchRule.self,
        AuthorMismatchRule.self,
        DuplicateEntryRule.self,
        ReferenceNumberingRule.self,
        UnparsedEntryRule.self,
        AmbiguousCitationRule.self,
        MalformedCitationRule.self,
        UnattributedYearRule.self,
        LocatorFormRule.self,
        AuthorVariantRule.self,
        YearTypoRule.self,
        FootnoteNumberingRule.self,
        NumericReferenceRule.self,
        IbidRule.self,
        LocatorRangeRule.self,
        ClaimWithoutCitationRule.self,
        ClaimCitationMissingRule.self,
        ClaimAnchoringRule.self,
        DuplicateRecordRule.self,
        DanglingLinkRule.self,
    ]

    public let rules: [any CheckRule.Type]

    /// The rules named by `only` (all when empty), less those named by `ignoring`.
    public init(only: [String] = [], ignoring: [String] = []) throws(CheckError) {
        let known = Set(Self.allRules.map { $0.code })
        for code in only + ignoring where !known.contains(code) {
            throw .unknownRule(code, known: Self.allRules.map { $0.code })
        }
        rules = Self.allRules.filter { rule in
            (only.isEmpty || only.contains(rule.code)) && !ignoring.contains(rule.code)
        }
    }

    /// The findings of the selected rules, less those a researcher accepted in the source's
    /// annotations, ordered by source, position and rule.
    public func run(_ context: CheckContext) -> [Finding] {
        var accepted: [SourceID: Set<String>] = [:]
        for source in context.sources {
            accepted[source.metadata.id] = Set(source.annotations.acceptedFindings.map(\.finding))
        }
        var revisions: [SourceID: SourceRevision] = [:]
        for source in context.sources { revisions[source.metadata.id] = source.metadata.current }
        var findings = rules.flatMap { $0.init().findings(in: context) }.filter { finding in
            guard let source = finding.source else { return true }
            return accepted[source]?.contains(finding.acceptanceKey) != true
        }
        for index in findings.indices {
            guard let source = findings[index].source, let span = findings[index].span else { continue }
            findings[index].page = revisions[source]?.page(at: span.start)
        }
        findings.sort { a, b in
            let left = (a.source?.rawValue ?? "", a.span?.start ?? -1, a.span?.end ?? -1, a.rule, a.message)
            let right = (b.source?.rawValue ?? "", b.span?.start ?? -1, b.span?.end ?? -1, b.rule, b.message)
            return left < right
        }
        return findings
    }
}

/// Why a check could not run as asked.
public enum CheckError: GlossError, Equatable {
    case unknownRule(String, known: [String])
    case noSuchFinding(String, source: SourceID)
    case acceptNeedsOneSource

    public var category: ErrorCategory { .usage }

    public var description: String {
        switch self {
        case let .unknownRule(code, known):
            return "no check rule '\(code)'; the rules are: \(known.joined(separator: ", "))"
        case let .noSuchFinding(key, source):
            return "\(source) has no finding \(key); 'gloss check \(source)' lists the findings with their CODE@START-END"
        case .acceptNeedsOneSource:
            return "--accept needs exactly one source: gloss check ID --accept CODE@START-END --note WHY"
        }
    }
}
