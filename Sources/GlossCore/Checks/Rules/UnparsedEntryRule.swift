/// A reference-list entry that could not be read as a reference (no author and no year, or no
/// title): its raw text is kept with its record and shown here.
public struct UnparsedEntryRule: CheckRule {
    public static let code = "unparsed-entry"
    public static let summary = "a reference-list entry could not be read (its raw text is shown)"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        context.sources.flatMap { source -> [Finding] in
            (source.bibliography?.referenceList ?? []).filter { $0.record.custom?.unparsed == true }.map { listed in
                Finding(
                    rule: Self.code, severity: .warning, source: source.metadata.id,
                    span: listed.record.custom?.provenance?.first?.span, text: listed.record.custom?.rawText,
                    message: "could not read \(listed.number.map { "entry \($0)" } ?? "this entry") as a reference",
                    hint: "write it with authors, year and title, or check that the list was split at the right places")
            }
        }
    }
}
