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
        let profiles = records.map { Profile($0.record) }
        let full = records.indices.filter { !isStub[$0] }
        // Only records that share a bucket can be the same work (see `buckets`), so pairs are
        // compared within buckets: linear in the records for a library of distinct works, where
        // comparing every pair took minutes at 10,000 entries.
        var fullBuckets: [String: [Int]] = [:]
        for index in full {
            for bucket in Set(profiles[index].buckets) { fullBuckets[bucket, default: []].append(index) }
        }
        // Two records are one work (`sameWork`) when their DOIs are equal, else when their URLs
        // are, else when author, year and titles agree; each kind of bucket is joined by its own
        // rule, so that the records of one author and year are not all compared pairwise (a
        // library holding many works of one author and year made that quadratic).
        profiles.withUnsafeBufferPointer { profiles in
            for (bucket, members) in fullBuckets where members.count > 1 {
                if bucket.hasPrefix(Profile.doiBucket) {
                    // One DOI: every pair is one work.
                    for member in members.dropFirst() { union(members[0], member) }
                } else if bucket.hasPrefix(Profile.urlBucket) {
                    // One URL: one work, but for two records with DOIs, which decide (in their
                    // own buckets); one record without a DOI joins them all.
                    if members.contains(where: { profiles[$0].doi == nil }) {
                        for member in members.dropFirst() { union(members[0], member) }
                    }
                } else {
                    // One author and year: titles where one starts the other. Titles of two words
                    // or more can only do so with the same first word; a title of one word may
                    // start any title.
                    func compare(_ a: Int, _ b: Int) {
                        guard find(a) != find(b), profiles[a].doi == nil || profiles[b].doi == nil,
                              sameAuthorYear(profiles[a], profiles[b]), titlesMatch(profiles[a], profiles[b]) else { return }
                        union(a, b)
                    }
                    var byFirstWord: [String: [Int]] = [:]
                    var oneWord: [Int] = []
                    for member in members {
                        guard let title = profiles[member].title, let first = title.first else { continue }
                        if title.count == 1 { oneWord.append(member) } else { byFirstWord[first, default: []].append(member) }
                    }
                    for group in byFirstWord.values where group.count > 1 {
                        for (position, a) in group.enumerated() {
                            for b in group[(position + 1)...] { compare(a, b) }
                        }
                    }
                    for a in oneWord {
                        for b in members where b != a && profiles[b].title?.isEmpty == false { compare(a, b) }
                    }
                }
            }
        }
        // Spellings are compared for stubs only: a library without stubs need not fold them.
        var spellingBuckets: [String: [Int]] = [:]
        if isStub.contains(true) {
            for index in full {
                for bucket in Set(spellingKeys(records[index].record)) { spellingBuckets[bucket, default: []].append(index) }
            }
        }
        var stubBuckets: [String: [Int]] = [:]
        for stub in records.indices where isStub[stub] {
            let record = records[stub].record
            let authorYear = Set(profiles[stub].authorYearKeys)
            let candidates = Set(authorYear.flatMap { fullBuckets[$0] ?? [] })
            var groups = Set(candidates.filter { stubFits(record, records[$0].record, profiles[stub], profiles[$0]) }.map(find))
            if groups.isEmpty {
                let similar = Set(spellingKeys(record).flatMap { spellingBuckets[$0] ?? [] })
                groups = Set(similar.filter { spellingVariant(record, records[$0].record) }.map(find))
            }
            if groups.count == 1 {
                union(stub, groups.first!)
            } else if groups.isEmpty {
                let earlier = Set(authorYear.flatMap { stubBuckets[$0] ?? [] })
                for other in earlier where sameAuthorYear(profiles[stub], profiles[other]) { union(stub, other) }
            }
            for bucket in authorYear { stubBuckets[bucket, default: []].append(stub) }
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

    /// What `sameWork` compares of a record, folded once: comparing pairs is then cheap.
    struct Profile {
        var year: Int?
        /// The forms the first author (or editor) can be cited by (`CitedAuthors.keys`).
        var firstKeys: [String]
        var doi: String?
        var url: String?
        var title: [String]?
        /// Whether the `firstKeys` are ASCII, so that they compare as bytes.
        var asciiKeys: Bool

        init(_ record: BibRecord) {
            year = record.issued?.year
            firstKeys = (record.author ?? record.editor)?.first.map(CitedAuthors.keys) ?? []
            asciiKeys = firstKeys.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
            doi = record.doi?.lowercased()
            url = record.url.map(WorkGrouping.normalizedURL)
            title = record.title.map(TitleWords.words)
        }

        /// Keys that two records share whenever `sameWork` holds: the DOI, the URL, and the
        /// `authorYearKeys`.
        var buckets: [String] {
            authorYearKeys + [doi.map { Self.doiBucket + $0 }, url.map { Self.urlBucket + $0 }].compactMap { $0 }
        }

        static let doiBucket = "doi\u{1F}"
        static let urlBucket = "url\u{1F}"

        /// Keys that two records share whenever `sameAuthorYear` holds: the year with the last
        /// word of each form of the first name. Two forms match only when equal or when one ends
        /// with the other after a space (`CitedAuthors.matches`), so matching forms end alike.
        var authorYearKeys: [String] {
            guard let year else { return [] }
            return firstKeys.map { key in
                "ay\u{1F}\(year)\u{1F}" + (key.lastIndex(of: " ").map { String(key[key.index(after: $0)...]) } ?? key)
            }
        }
    }

    /// Keys that two records share whenever `spellingVariant` may hold: the year with the first
    /// family name and each form of it one letter shorter (two names one edit apart have one of
    /// those in common).
    static func spellingKeys(_ record: BibRecord) -> [String] {
        guard let year = record.issued?.year, let name = (record.author ?? record.editor)?.first else { return [] }
        let family = Array(NameFolding.key(name.family ?? name.literal ?? ""))
        guard family.count >= 5 else { return [] }
        let shorter = family.indices.map { index in
            var letters = family
            letters.remove(at: index)
            return String(letters)
        }
        return ([String(family)] + shorter).map { "sv\u{1F}\(year)\u{1F}" + $0 }
    }

    /// Whether two records are one work: equal DOIs when both have one; else equal URLs, or the
    /// same author and year (`sameAuthorYear`) and titles of which one starts the other. `group`
    /// applies it bucket by bucket.
    static func sameWork(_ a: Profile, _ b: Profile) -> Bool {
        if let x = a.doi, let y = b.doi { return x == y }
        if let x = a.url, let y = b.url, x == y { return true }
        return sameAuthorYear(a, b) && titlesMatch(a, b)
    }

    /// Whether both titles have words and one starts the other.
    static func titlesMatch(_ a: Profile, _ b: Profile) -> Bool {
        guard let x = a.title, let y = b.title, !x.isEmpty, !y.isEmpty else { return false }
        return TitleWords.starts(x, with: y) || TitleWords.starts(y, with: x)
    }

    static func sameAuthorYear(_ a: Profile, _ b: Profile) -> Bool {
        guard a.year == b.year, a.year != nil, !a.firstKeys.isEmpty, !b.firstKeys.isEmpty else { return false }
        guard a.asciiKeys, b.asciiKeys else { return a.firstKeys.contains { CitedAuthors.matches($0, b.firstKeys) } }
        // `CitedAuthors.matches` on ASCII, as bytes: it made two strings a comparison, and
        // a library of 10,000 entries compares hundreds of thousands of pairs.
        return a.firstKeys.contains { cited in
            b.firstKeys.contains { key in cited == key || endsWithWord(cited, key) || endsWithWord(key, cited) }
        }
    }

    /// Whether ASCII `text` ends with a space and `word`.
    static func endsWithWord(_ text: String, _ word: String) -> Bool {
        let (text, word) = (text.utf8, word.utf8)
        guard text.count > word.count else { return false }
        let start = text.index(text.endIndex, offsetBy: -word.count)
        return text[text.index(before: start)] == 0x20 && text[start...].elementsEqual(word)
    }

    /// A stub fits a full record of the same year whose authors it names all, in order (a single
    /// name may stand for three or more authors, `et al.` being dropped from stubs).
    static func stubFits(_ stub: BibRecord, _ record: BibRecord, _ stubProfile: Profile, _ recordProfile: Profile) -> Bool {
        guard sameAuthorYear(stubProfile, recordProfile) else { return false }
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
