/// A claim linked to a citation that is no longer in the source (rejected, or gone after a revision).
public struct ClaimCitationMissingRule: CheckRule {
    public static let code = "claim-citation-missing"
    public static let summary = "a claim is linked to a citation that no longer exists"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        context.sources.flatMap { source -> [Finding] in
            let present = Set(source.citations.map(\.id))
            return source.annotations.claims.flatMap { claim in
                claim.citations.filter { !present.contains($0) }.map { missing in
                    Finding(
                        rule: Self.code, severity: .error, source: source.metadata.id, span: claim.position,
                        text: claim.quote.exact,
                        message: "claim \(claim.id) cites \(missing), which is not a citation of this revision",
                        hint: "'gloss cites \(source.metadata.id)' lists the citations; relink with 'gloss claim edit \(claim.id)'")
                }
            }
        }
    }
}
