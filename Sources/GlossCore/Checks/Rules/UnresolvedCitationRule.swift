/// A citation that points at no record, in a source that has the footnotes or reference list it
/// should point into: cited but not listed. An author-date citation of a work absent from the
/// list gets a stub record (so the work is not lost from `gloss refs` and the exports), and is
/// reported here all the same: a stub is never a silent success. (A source with neither
/// footnotes nor a list gets stubs without a finding; see `gloss refs`.)
public struct UnresolvedCitationRule: CheckRule {
    public static let code = "unresolved-citation"
    public static let summary = "a citation is not in the source's reference list or footnotes (cited but not listed)"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        context.sources.flatMap { source -> [Finding] in
            guard let resolution = source.resolution, let bibliography = source.bibliography,
                  !bibliography.records.isEmpty || !source.footnotes.isEmpty else { return [] }
            let hasList = !bibliography.referenceList.isEmpty
            let citations = Dictionary(source.citations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            return resolution.resolutions.filter { $0.status == .unresolved || hasList && $0.via == .stub }.compactMap { item in
                guard let citation = citations[item.citation] else { return nil }
                let what = citation.kind == .footnoteMarker ? "footnote \(citation.items.first?.ref ?? 0)" : "this citation"
                let cited = citation.items.indices.contains(item.item) ? citation.items[item.item] : nil
                let work = [cited?.author, cited?.year].compactMap { $0 }.joined(separator: " ")
                let message = item.via == .stub
                    ? "\(work.isEmpty ? "this work" : work) is cited but not in the reference list"
                    : "\(what) matches no record of the source's reference list or footnotes"
                return Finding(
                    rule: Self.code, severity: .error, source: source.metadata.id, span: citation.span, text: citation.text,
                    message: message,
                    hint: "check the author and year against the list, add the work to the list, or link it by hand with 'gloss link \(citation.id) RECORD'")
            }
        }
    }
}
