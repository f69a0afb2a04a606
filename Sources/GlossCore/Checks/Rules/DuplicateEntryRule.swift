/// The same work listed twice in one source's reference list: the same DOI, or the same first
/// author, year (with suffix) and title up to case, diacritics and punctuation.
public struct DuplicateEntryRule: CheckRule {
    public static let code = "duplicate-entry"
    public static let summary = "a source's reference list holds the same work twice"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        context.sources.flatMap { source -> [Finding] in
            guard let bibliography = source.bibliography else { return [] }
            var first: [String: ListedRecord] = [:]
            var findings: [Finding] = []
            for listed in bibliography.referenceList where listed.record.custom?.unparsed != true {
                let keys = Self.keys(listed.record)
                guard let earlier = keys.lazy.compactMap({ first[$0] }).first else {
                    for key in keys { first[key] = listed }
                    continue
                }
                let span = listed.record.custom?.provenance?.first?.span
                let where_ = earlier.number.map { "entry \($0)" } ?? earlier.record.id
                findings.append(Finding(
                    rule: Self.code, severity: .warning, source: source.metadata.id, span: span,
                    text: listed.record.custom?.rawText ?? listed.record.title,
                    message: "\(listed.number.map { "entry \($0)" } ?? listed.record.id) repeats \(where_)",
                    hint: "keep one entry and cite it; give two works of one author and year suffixes (2012a, 2012b)"))
            }
            return findings
        }
    }

    static func keys(_ record: BibRecord) -> [String] {
        var keys: [String] = []
        if let doi = record.doi?.lowercased(), !doi.isEmpty { keys.append("doi:" + doi) }
        if let title = record.title.map(NameFolding.key), title.count >= 8 {
            let author = (record.author ?? record.editor)?.first.map { NameFolding.key($0.family ?? $0.literal ?? "") } ?? ""
            let year = (record.issued?.year.map(String.init) ?? "") + (record.yearSuffix ?? "")
            keys.append("work:\(author)|\(year)|\(title)")
        }
        if keys.isEmpty, let raw = record.custom?.rawText { keys.append("text:" + NameFolding.key(raw)) }
        return keys
    }
}
