/// An entry of a source's reference list that no citation of the source uses.
public struct UncitedRecordRule: CheckRule {
    public static let code = "uncited-record"
    public static let summary = "a record of a source's reference list is never cited"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        context.sources.flatMap { source -> [Finding] in
            guard let bibliography = source.bibliography, let resolution = source.resolution else { return [] }
            let used = Set(resolution.resolutions.filter { $0.status == .linked || $0.status == .ambiguous }.flatMap(\.records))
            // An entry that could not be read is `unparsed-entry`'s to report.
            return bibliography.referenceList.filter { !used.contains($0.record.id) && $0.record.custom?.unparsed != true }.map { listed in
                let span = listed.record.custom?.provenance?.first?.span
                let label = [listed.number.map { "[\($0)]" }, Optional(RecordSummary.authors(listed.record)),
                             listed.record.issued?.year.map(String.init)].compactMap { $0 }.joined(separator: " ")
                return Finding(
                    rule: Self.code, severity: .warning, source: source.metadata.id, span: span,
                    text: listed.record.title,
                    message: "reference \(label) is listed but never cited",
                    hint: "cite it where it is used, or remove it from the reference list")
            }
        }
    }
}
