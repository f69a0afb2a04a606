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

    /// Changes whenever the findings of a rule can change for the same input; cached findings are
    /// keyed by it (with the scanner's version and the rules selected).
    public static let version = "checks-1"

    /// The findings of the selected rules, less those a researcher accepted in the source's
    /// annotations, ordered by source, position and rule.
    public func run(_ context: CheckContext) -> [Finding] {
        Self.reported(rules.flatMap { $0.init().findings(in: context) }, sources: context.sources)
    }

    /// The findings about one source of the selected rules of ``CheckScope/source`` scope, less
    /// those accepted in its annotations, in report order. Together with ``workspaceFindings(_:)``
    /// they are the findings of `run` on a context of all the sources.
    public func sourceFindings(_ source: SourceCheckInput, library: [BibRecord]) -> [Finding] {
        let context = CheckContext(sources: [source], library: library)
        return Self.reported(rules.filter { $0.scope == .source }.flatMap { $0.init().findings(in: context) }, sources: [source])
    }

    /// The findings of the selected rules of ``CheckScope/workspace`` scope, less the accepted ones,
    /// in report order. `context` may hold each source as ``SourceCheckResult/workspaceView(of:)`` gives it.
    public func workspaceFindings(_ context: CheckContext) -> [Finding] {
        Self.reported(rules.filter { $0.scope == .workspace }.flatMap { $0.init().findings(in: context) }, sources: context.sources)
    }

    /// `findings` as reported: those accepted in their source's annotations left out, each with
    /// the printed page it starts on (for a source whose pages are known), in report order.
    private static func reported(_ findings: [Finding], sources: [SourceCheckInput]) -> [Finding] {
        var accepted: [SourceID: Set<String>] = [:]
        var revisions: [SourceID: SourceRevision] = [:]
        for source in sources {
            accepted[source.metadata.id] = Set(source.annotations.acceptedFindings.map(\.finding))
            revisions[source.metadata.id] = source.metadata.current
        }
        var findings = findings.filter { finding in
            guard let source = finding.source else { return true }
            return accepted[source]?.contains(finding.acceptanceKey) != true
        }
        for index in findings.indices {
            guard let source = findings[index].source, let span = findings[index].span else { continue }
            findings[index].page = revisions[source]?.page(at: span.start)
        }
        findings.sort(by: precedes)
        return findings
    }

    /// Report order: by source (workspace-wide findings first), position, rule and message.
    public static func precedes(_ a: Finding, _ b: Finding) -> Bool {
        let left = (a.source?.rawValue ?? "", a.span?.start ?? -1, a.span?.end ?? -1, a.rule, a.message)
        let right = (b.source?.rawValue ?? "", b.span?.start ?? -1, b.span?.end ?? -1, b.rule, b.message)
        return left < right
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
