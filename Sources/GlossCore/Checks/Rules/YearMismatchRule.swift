/// A work cited with one year and listed with another: the citation's authors match exactly one
/// entry of the source's reference list, whose year differs (`Smith, 2012` for `Smith J. 2013.`).
public struct YearMismatchRule: CheckRule {
    public static let code = "year-mismatch"
    public static let summary = "a work is cited with one year and listed with another"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        context.sources.flatMap { source -> [Finding] in
            guard let resolution = source.resolution, let bibliography = source.bibliography else { return [] }
            let records = Dictionary(bibliography.referenceList.map { ($0.record.id, $0.record) }, uniquingKeysWith: { a, _ in a })
            let citations = Dictionary(source.citations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            return resolution.resolutions.filter { $0.mismatch == .year }.compactMap { item in
                guard let citation = citations[item.citation], let key = item.records.first, let record = records[key],
                      citation.items.indices.contains(item.item) else { return nil }
                let cited = citation.items[item.item]
                let listed = record.issued.flatMap { $0.year.map(String.init) ?? $0.literal } ?? "no year"
                return Finding(
                    rule: Self.code, severity: .error, source: source.metadata.id, span: citation.span, text: citation.text,
                    message: "\(cited.author ?? "the work") is cited with \(cited.year ?? "no year") but listed with \(listed)\(record.yearSuffix ?? "") (\(key))",
                    hint: "correct the year in the citation or in the reference list")
            }
        }
    }
}
