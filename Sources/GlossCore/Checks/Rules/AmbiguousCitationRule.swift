/// An author-year citation that fits several records equally (two works by Smith in 2020 without
/// 2020a/2020b): Gloss lists them and chooses none.
public struct AmbiguousCitationRule: CheckRule {
    public static let code = "ambiguous-citation"
    public static let summary = "an author-year citation matches several records (needs 2021a/2021b)"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        context.sources.flatMap { source -> [Finding] in
            guard let resolution = source.resolution else { return [] }
            let citations = Dictionary(source.citations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            return resolution.resolutions.filter { $0.status == .ambiguous }.compactMap { item in
                guard let citation = citations[item.citation] else { return nil }
                return Finding(
                    rule: Self.code, severity: .warning, source: source.metadata.id, span: citation.span, text: citation.text,
                    message: "fits \(item.records.count) records equally: \(item.records.joined(separator: ", "))",
                    hint: "give the works year suffixes (2021a, 2021b), or choose one with 'gloss link \(citation.id) RECORD'")
            }
        }
    }
}
