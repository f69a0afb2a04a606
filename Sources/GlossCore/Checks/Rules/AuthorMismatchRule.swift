import Foundation

/// A citation whose author is spelled differently from the list entry it points to: letters
/// apart (`Smyth, 2012` for `Smith J. 2012.`), or the same name with other diacritics or dotted
/// and dotless i (`Aliyev` / `Əliyev`, `Ozdemir` / `Özdemir`).
public struct AuthorMismatchRule: CheckRule {
    public static let code = "author-mismatch"
    public static let summary = "a citation spells its author differently from the reference-list entry"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        context.sources.flatMap { source -> [Finding] in
            guard let resolution = source.resolution, let bibliography = source.bibliography else { return [] }
            let records = Dictionary(bibliography.referenceList.map { ($0.record.id, $0.record) }, uniquingKeysWith: { a, _ in a })
            let citations = Dictionary(source.citations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            return resolution.resolutions.compactMap { item -> Finding? in
                guard item.status == .linked, item.via == .referenceList, item.mismatch != .year,
                      let citation = citations[item.citation], citation.items.indices.contains(item.item),
                      let key = item.records.first, let record = records[key],
                      let author = citation.items[item.item].author,
                      let listed = record.author?.first.flatMap({ $0.family ?? $0.literal }) ?? record.editor?.first.flatMap({ $0.family ?? $0.literal }),
                      let cited = Self.firstName(author) else { return nil }
                // Spelled alike, or a variant only up to case: nothing to report.
                guard item.mismatch == .author || NameFolding.key(cited) == NameFolding.key(listed) && cited.lowercased() != listed.lowercased()
                else { return nil }
                return Finding(
                    rule: Self.code, severity: .warning, source: source.metadata.id, span: citation.span, text: citation.text,
                    message: "cited as '\(cited)' but listed as '\(listed)' (\(key))",
                    hint: "use the spelling of the reference list, or correct the list")
            }
        }
    }

    /// The first cited family name as written: `Aliyev` in `Aliyev et al.`, `Smyth` in `Smyth and Doe`.
    static func firstName(_ author: String) -> String? {
        let cited = CitedAuthors(author)
        guard !cited.names.isEmpty, let first = PersonNames.split(AuthorList.dropEtAl(author)).first else { return nil }
        return first.trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
    }
}
