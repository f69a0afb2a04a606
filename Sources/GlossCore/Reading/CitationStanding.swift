/// How a citation stands after linking, as the reading view colours it.
public enum CitationStanding: String, Codable, Sendable, CaseIterable {
    /// Every item points at a record from a footnote, the reference list, the library or a manual link.
    case linked
    /// Every item points at a record, at least one of them a stub made from the citation itself.
    case stub
    /// At least one item points at nothing.
    case unresolved
    /// At least one item fits several records equally.
    case ambiguous
    /// A person decided the detection is not a citation.
    case rejected

    /// The standing of a citation from the resolutions of its items. The worst item decides:
    /// rejected, then ambiguous, then unresolved; a citation without resolutions is unresolved.
    public init(_ resolutions: [CitationResolution]) {
        if resolutions.isEmpty {
            self = .unresolved
        } else if resolutions.contains(where: { $0.status == .rejected }) {
            self = .rejected
        } else if resolutions.contains(where: { $0.status == .ambiguous }) {
            self = .ambiguous
        } else if resolutions.contains(where: { $0.status == .unresolved }) {
            self = .unresolved
        } else if resolutions.contains(where: { $0.via == .stub }) {
            self = .stub
        } else {
            self = .linked
        }
    }
}
