/// A citation that points at no record, in a source that has the footnotes or reference list it
/// should point into. (A source without either gets stub records instead; see `gloss refs`.)
public struct UnresolvedCitationRule: CheckRule {
    public static let code = "unresolved-citation"
    public static let summary = "a citation resolves to no record of the source's reference list or footnotes"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        context.sources.flatMap { source -> [Finding] in
            guard let resolution = source.resolution, let bibliography = source.bibliography,
                  !bibliography.records.isEmpty || !source.footnotes.isEmpty else { return [] }
            let citations = Dictionary(source.citations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            return resolution.resolutions.filter { $0.status == .unresolved }.compactMap { item in
                guard let citation = citations[item.citation] else { return nil }
                let what = citation.kind == .footnoteMarker ? "footnote \(citation.items.first?.ref ?? 0)" : "this citation"
                return Finding(
                    rule: Self.code, severity: .error, source: source.metadata.id, span: citation.span, text: citation.text,
                    message: "\(what) matches no record of the source's reference list or footnotes",
                    hint: "check the author and year against the list, or link it by hand with 'gloss link \(citation.id) RECORD'")
            }
        }
    }
}
