import Testing
@testable import GlossCore

/// Which library records are one work. The grouping compares only records that share a bucket
/// (DOI, URL, year with a form of the first name, year with a spelling of it); these cases
/// check that every kind of match still finds its pair through its bucket.
@Suite("Work grouping")
struct WorkGroupingTests {
    static func record(_ id: String, _ family: String, given: String? = nil, year: Int? = 2011, title: String? = nil,
                       doi: String? = nil, url: String? = nil, stub: Bool = false) -> ScopedRecord {
        var record = BibRecord(id: id, type: "article-journal")
        record.author = [CSLName(family: family, given: given)]
        record.issued = year.map { CSLDate(year: $0) }
        record.title = title
        record.doi = doi
        record.url = url
        if stub { record.custom = BibRecord.Custom(stub: true) }
        return ScopedRecord(source: nil, record: record)
    }

    static func groups(_ records: [ScopedRecord]) -> [[String]] {
        WorkGrouping.group(records: records, resolutions: []).map { $0.records.map(\.record.id).sorted() }.sorted { $0[0] < $1[0] }
    }

    /// The buckets' rules give the groups that comparing every pair with `sameWork` gives, on
    /// records drawn from few authors, years, titles (one word, a title and its start, titles
    /// sharing a first word), DOIs and URLs, so that every rule meets every other.
    @Test(arguments: 0..<8)
    func bucketsAgreeWithComparingEveryPair(seed: UInt64) {
        var generator = SplitMix(seed: seed)
        let families = ["Smith", "Şimşir", "Simsir", "Amirkhanyan"]
        let titles = ["Oil", "Oil and gas", "Oil and gas in Baku", "Karabakh", "Karabakh: the long war", "Göç", "Göç yolları", "Study 1", "Study 2", ""]
        let records = (0..<60).map { index in
            Self.record("r\(index)", families[generator.next(4)], given: generator.next(2) == 0 ? "John" : nil,
                        year: [2011, 2012, nil][generator.next(3)], title: generator.next(8) == 0 ? nil : titles[generator.next(titles.count)],
                        doi: [nil, nil, "10.1/a", "10.1/A", "10.1/b"][generator.next(5)],
                        url: [nil, nil, nil, "https://example.org/x", "http://www.example.org/x/", ""][generator.next(6)])
        }
        let profiles = records.map { WorkGrouping.Profile($0.record) }
        var parent = Array(records.indices)
        func find(_ index: Int) -> Int { parent[index] == index ? index : find(parent[index]) }
        for a in records.indices {
            for b in records.indices where a < b && WorkGrouping.sameWork(profiles[a], profiles[b]) {
                let (ra, rb) = (find(a), find(b))
                parent[max(ra, rb)] = min(ra, rb)
            }
        }
        let expected = Dictionary(grouping: records.indices, by: find).values.map { $0.map { "r\($0)" }.sorted() }.sorted { $0[0] < $1[0] }
        #expect(Self.groups(records) == expected)
    }

    /// A small deterministic generator, so that a failure can be replayed.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    @Test func matchesFoundThroughTheirBuckets() {
        let records = [
            Self.record("a1", "Şimşir", title: "Azerbaycan", doi: "10.1/X"),
            Self.record("a2", "Simsir", year: 1999, title: "Another title", doi: "10.1/x"),        // same DOI, case aside
            Self.record("b1", "Aliyev", title: "Oil", url: "https://www.example.org/oil/"),
            Self.record("b2", "Quliyev", year: nil, url: "http://example.org/oil"),               // same URL
            Self.record("c1", "Amirkhanyan", given: "Zhirayr", title: "Karabakh: the long war"),
            Self.record("c2", "Amirkhanyan", given: "Z.", title: "Karabakh"),                     // title starts the other
            Self.record("d1", "Kocaman", title: "Göç", doi: "10.2/a"),
            Self.record("d2", "Kocaman", title: "Göç", doi: "10.2/b"),                            // DOIs differ: two works
            Self.record("e1", "Eraslan", given: "Fatih", title: "Kavşak"),
            Self.record("e2", "Erarslan", year: 2011, stub: true),                                // a spelling variant stub
            Self.record("f1", "Ziyadov", year: 2003, stub: true),
            Self.record("f2", "Ziyadov", year: 2003, stub: true),                                 // stubs of one work
            Self.record("g1", "Ziyadov", year: 2004, stub: true),                                 // another year
        ]
        #expect(Self.groups(records) == [["a1", "a2"], ["b1", "b2"], ["c1", "c2"], ["d1"], ["d2"], ["e1", "e2"], ["f1", "f2"], ["g1"]])
    }

    @Test func distinctWorksOfOneAuthorAndYearStayApart() {
        let records = (0..<200).map { Self.record("r\($0)", "Smith", given: "John", title: "Study number \($0) of many") }
        #expect(WorkGrouping.group(records: records, resolutions: []).count == 200)
    }
}
