/// A claim that no citation supports.
public struct ClaimWithoutCitationRule: CheckRule {
    public static let code = "claim-without-citation"
    public static let summary = "a claim is linked to no citation"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        context.sources.flatMap { source in
            source.annotations.claims.filter(\.citations.isEmpty).map { claim in
                Finding(
                    rule: Self.code, severity: .warning, source: source.metadata.id, span: claim.position,
                    text: claim.quote.exact,
                    message: "claim \(claim.id) cites nothing",
                    hint: "link it with 'gloss claim edit \(claim.id) --cite CITATION', or accept it if the claim is the author's own")
            }
        }
    }
}
