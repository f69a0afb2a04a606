/// The same work twice in the workspace library: the same DOI, the same URL, or the same title,
/// year and first author up to case, diacritics and punctuation.
public struct DuplicateRecordRule: CheckRule {
    public static let code = "duplicate-record"
    public static let summary = "the same work is in the library twice"
    public static let scope = CheckScope.workspace

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        var groups: [String: [BibRecord]] = [:]
        for record in context.library {
            for key in Self.keys(record) {
                groups[key, default: []].append(record)
            }
        }
        // One finding per set of records, however many keys they share.
        var reported = Set<[String]>()
        var findings: [Finding] = []
        for key in groups.keys.sorted() {
            let ids = groups[key]!.map(\.id).sorted()
            guard ids.count > 1, reported.insert(ids).inserted else { continue }
            let title = groups[key]![0].title ?? groups[key]![0].url ?? ids[0]
            findings.append(Finding(
                rule: Self.code, severity: .warning, source: nil, text: title,
                message: "records \(ids.joined(separator: ", ")) look like one work (same \(key.prefix { $0 != ":" }))",
                hint: "keep one record and relink its citations with 'gloss link'"))
        }
        return findings
    }

    /// The identities a record can share with another.
    static func keys(_ record: BibRecord) -> [String] {
        var keys: [String] = []
        if let doi = record.doi?.lowercased(), !doi.isEmpty { keys.append("DOI:\(doi)") }
        if let url = record.url, !url.isEmpty { keys.append("URL:\(normalizedURL(url))") }
        if let title = record.title.map(NameFolding.key), title.count >= 8 {
            let author = record.author?.first.map { NameFolding.key($0.family ?? $0.literal ?? "") } ?? ""
            let year = record.issued?.year.map(String.init) ?? ""
            keys.append("title, author and year:\(title)|\(author)|\(year)")
        }
        return keys
    }

    static func normalizedURL(_ url: String) -> String {
        var text = url.lowercased()
        for prefix in ["https://", "http://", "www."] where text.hasPrefix(prefix) {
            text.removeFirst(prefix.count)
        }
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
