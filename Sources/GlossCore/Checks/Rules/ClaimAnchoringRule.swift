/// A claim that a revision left orphaned or only fuzzily re-anchored.
public struct ClaimAnchoringRule: CheckRule {
    public static let code = "claim-anchoring"
    public static let summary = "a claim is orphaned or needs review after a revision"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        context.sources.flatMap { source in
            source.annotations.claims.compactMap { claim -> Finding? in
                switch claim.status {
                case .anchored, .moved:
                    return nil
                case .needsReview:
                    return Finding(
                        rule: Self.code, severity: .warning, source: source.metadata.id, span: claim.position,
                        text: claim.quote.exact,
                        message: "claim \(claim.id) was re-anchored by a fuzzy match and needs review",
                        hint: "check it with 'gloss claim show \(claim.id)' and confirm or fix its span with 'gloss claim edit'")
                case .orphaned:
                    return Finding(
                        rule: Self.code, severity: .error, source: source.metadata.id,
                        text: claim.quote.exact,
                        message: "claim \(claim.id) could not be found in revision \(source.metadata.revision)",
                        hint: "give it a new span with 'gloss claim edit \(claim.id) --span START..END', or remove it")
                }
            }
        }
    }
}
