/// Why a claim cannot be made, found or changed.
public enum ClaimError: GlossError, Equatable {
    case unknownClaim(String)
    case malformedClaimID(String)
    case emptySpan(TextSpan)
    case citationInOtherSource(CitationID, source: SourceID)
    case citationOutsideText(CitationID, length: Int)
    case notLinked(String, CitationID)
    case needsQuoteOrSpan
    /// The span cited is no detected or manual citation; `nearest` names the closest one.
    case notACitation(CitationID, nearest: String?)
    case noCitationInSentence(TextSpan)
    /// `--cited-work` names a record no source holds or cites and the library lacks.
    case unknownRecord(String)

    public var category: ErrorCategory {
        switch self {
        case .unknownClaim, .unknownRecord: return .missingFile
        case .malformedClaimID, .emptySpan, .citationInOtherSource, .notLinked, .needsQuoteOrSpan: return .usage
        case .noCitationInSentence, .notACitation: return .data
        case .citationOutsideText: return .data
        }
    }

    public var description: String {
        switch self {
        case let .unknownRecord(key):
            return "no record '\(key)' in this workspace; 'gloss refs' and 'gloss bib list' show the record keys"
        case let .unknownClaim(id):
            return "no claim '\(id)' in this workspace; 'gloss claim list' shows them"
        case let .malformedClaimID(id):
            return "'\(id)' is not a claim id; claim ids look like c1a2b3c ('gloss claim list' shows them)"
        case let .emptySpan(span):
            return "span \(span) is empty; a claim needs at least one code point"
        case let .citationInOtherSource(citation, source):
            return "citation \(citation) is in another source; a claim on '\(source)' can cite only citations of '\(source)'"
        case let .citationOutsideText(citation, length):
            return "citation \(citation) lies outside the text, which has \(length) code points"
        case let .notLinked(claim, citation):
            return "claim \(claim) does not cite \(citation)"
        case .needsQuoteOrSpan:
            return "give the claim's text with --quote TEXT or its place with --span START..END (not both)"
        case let .notACitation(citation, nearest):
            return "\(citation) is no citation\(nearest.map { "; the nearest is \($0)" } ?? " (the source has none)"); 'gloss cites' lists them, 'gloss cite add' marks a missed one"
        case let .noCitationInSentence(span):
            return "no citation ends the sentence of the claim at \(span); give one as START-END, or none"
        }
    }
}
