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
