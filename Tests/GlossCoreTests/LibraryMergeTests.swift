import GlossCore
import Testing

@Suite struct LibraryMergeTests {
    func record(_ id: String, _ title: String) -> BibRecord {
        var record = BibRecord(id: id, type: "book")
        record.author = [CSLName(family: "Şimşir", given: "Bilal")]
        record.title = title
        record.issued = CSLDate(year: 2011)
        return record
    }

    @Test func keepsExistingRecordsAndRekeysNewOnes() {
        var library = [record("simsirAzerbaycan2011", "Azerbaycan")]
        let mapping = LibraryMerge.merge([record("b0", "Azerbaycan"), record("b1", "Azerbaycan Yeniden"), record("b2", "Azerbaycan Yeniden")],
                                         into: &library, keepID: { !$0.hasPrefix("b") })
        #expect(library.count == 2)
        #expect(mapping["b0"] == "simsirAzerbaycan2011")
        #expect(mapping["b1"] == "simsirAzerbaycan2011a")
        #expect(mapping["b2"] == "simsirAzerbaycan2011a")
    }
}
