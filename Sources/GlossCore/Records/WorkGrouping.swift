/// A record as the workspace sees it: from the library (`source == nil`) or from one source's
/// footnotes, reference list or stubs (keys are unique only within that scope).
public struct ScopedRecord: Codable, Sendable, Hashable {
    public var source: SourceID?
    public var record: BibRecord

    public init(source: SourceID?, record: BibRecord) {
        self.source = source
        self.record = record
    }
}

/// One work cited across the workspace: the records that describe it and the citations of it.
public struct Work: Codable, Sendable, Hashable {
    /// The key of its representative record (a full record before a stub, library before source).
    public var id: String
    public var records: [ScopedRecord]
    public var citations: [Citing]

    public struct Citing: Codable, Sendable, Hashable {
        public var citation: CitationID
        public var locator: String?
    }

    /// The sources citing it, sorted.
    public var sources: [SourceID] { Array(Set(citations.map(\.citation.source))).sorted() }
}

/// Groups records that describe the same work, across sources: same DOI, same URL, or the same
/// first author (folded) and year with compatible titles (one starts the other). A stub (author
/// and year only) joins a full record only when exactly one fits, so stubs never merge two works.
public enum WorkGrouping {
    public static func group(records: [ScopedRecord], resolutions: [SourceResolution]) -> [Work] {
        var parent = Array(records.indices)
        func find(_ index: Int) -> Int {
            var index = index
            while parent[index] != index { parent[index] = parent[parent[index]]; index = parent[index] }
            return index
        }
        func union(_ a: Int, _ b: Int) {
            let (ra, rb) = (find(a), find(b))
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        let isStub = records.map { $0.record.custom?.stub == true }
        let full = records.indices.filter { !isStub[$0] }
        for (position, a) in full.enumerated() {
            for b in full[(position + 1)...] where sameWork(records[a].record, records[b].record) { union(a, b) }
        }
        for stub in records.indices where isStub[stub] {
            var groups = Set(full.filter { stubFits(records[stub].record, records[$0].record) }.map(find))
            if groups.isEmpty {
                groups = Set(full.filter { spellingVariant(records[stub].record, records[$0].record) }.map(find))
            }
            if groups.count == 1 { union(stub, groups.first!); continue }
            if groups.isEmpty {
                for other in records.indices where other < stub && isStub[other] && sameAuthorYear(records[stub].record, records[other].record) {
                    union(stub, other)
                }
            }
        }

        var lookup: [String: Int] = [:]
        for (index, scoped) in records.enumerated() {
            lookup[scopeKey(scoped.source, scoped.record.id)] = index
        }
        var citations: [Int: [Work.Citing]] = [:]
        for resolution in resolutions {
            for item in resolution.resolutions where item.status == .linked {
                for key in item.records {
                    guard let index = lookup[scopeKey(resolution.source, key)] ?? lookup[scopeKey(nil, key)] else { continue }
                    citations[find(index), default: []].append(Work.Citing(citation: item.citation, locator: item.locator(for: key)))
                }
            }
        }
        var members: [Int: [Int]] = [:]
        for index in records.indices { members[find(index), default: []].append(index) }
        return members.keys.sorted().map { root in
            let indices = members[root]!
            let representative = indices.min { rank(records[$0], isStub[$0]) < rank(records[$1], isStub[$1]) }!
            return Work(id: records[representative].record.id, records: indices.map { records[$0] },
                        citations: (citations[root] ?? []).sorted { $0.citation < $1.citation })
        }
    }

    static func rank(_ scoped: ScopedRecord, _ stub: Bool) -> (Int, Int, String) {
        (stub ? 1 : 0, scoped.source == nil ? 0 : 1, scoped.record.id)
    }

    static func scopeKey(_ source: SourceID?, _ key: String) -> String {
        "\(source?.rawValue ?? "")\u{1F}\(key)"
    }

    static func sameWork(_ a: BibRecord, _ b: BibRecord) -> Bool {
        if let x = a.doi?.lowercased(), let y = b.doi?.lowercased() { return x == y }
        if let x = a.url.map(normalizedURL), let y = b.url.map(normalizedURL), x == y { return true }
        guard sameAuthorYear(a, b), let x = a.title.map(TitleWords.words), let y = b.title.map(TitleWords.words),
              !x.isEmpty, !y.isEmpty else { return false }
        return TitleWords.starts(x, with: y) || TitleWords.starts(y, with: x)
    }

    static func sameAuthorYear(_ a: BibRecord, _ b: BibRecord) -> Bool {
        guard a.issued?.year == b.issued?.year, a.issued?.year != nil else { return false }
        guard let first = (a.author ?? a.editor)?.first, let other = (b.author ?? b.editor)?.first else { return false }
        let keys = CitedAuthors.keys(other)
        return CitedAuthors.keys(first).contains { CitedAuthors.matches($0, keys) }
    }

    /// A stub fits a full record of the same year whose authors it names all, in order (a single
    /// name may stand for three or more authors, `et al.` being dropped from stubs).
    static func stubFits(_ stub: BibRecord, _ record: BibRecord) -> Bool {
        guard sameAuthorYear(stub, record) else { return false }
        let cited = stub.author ?? []
        let names = record.author ?? record.editor ?? []
        if cited.count == 1, names.count >= 3 { return true }
        guard cited.count == names.count else { return false }
        return zip(cited, names).allSatisfy { pair in
            CitedAuthors.keys(pair.0).contains { CitedAuthors.matches($0, CitedAuthors.keys(pair.1)) }
        }
    }

    /// `Erarslan & Özdemir 2021` cited for `Eraslan ve Özdemir 2021`: the same year, the same
    /// number of authors, the first family names one letter apart (both of five letters or
    /// more) and every other author matching.
    static func spellingVariant(_ stub: BibRecord, _ record: BibRecord) -> Bool {
        guard stub.issued?.year == record.issued?.year, stub.issued?.year != nil else { return false }
        let cited = (stub.author ?? []).map { NameFolding.key($0.family ?? $0.literal ?? "") }
        let names = record.author ?? record.editor ?? []
        guard cited.count == names.count, let first = cited.first, first.count >= 5,
              let family = names.first?.family.map(NameFolding.key), family.count >= 5,
              NameFolding.distance(first, family, limit: 1) <= 1 else { return false }
        return zip(cited.dropFirst(), names.dropFirst()).allSatisfy { CitedAuthors.matches($0, CitedAuthors.keys($1)) }
    }

    static func normalizedURL(_ url: String) -> String {
        var text = url.lowercased()
        for prefix in ["https://", "http://", "www."] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
        if text.hasPrefix("www.") { text.removeFirst(4) }
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
