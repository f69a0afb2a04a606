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

extension LibraryMergeTests {
    @Test func aKeyClashIsAnErrorAndAddsNothing() throws {
        var library = [record("simsir2011", "Azerbaycan")]
        #expect(try LibraryMerge.add([record("simsir2011", "Azerbaycan")], to: &library) == [.alreadyPresent(key: "simsir2011")])
        var other = record("simsir2011", "Başka")
        other.custom = BibRecord.Custom(provenance: [RecordProvenance(file: "b.bib", line: 4)])
        let clash = #expect(throws: KeyClash.self) { try LibraryMerge.add([record("new", "Yeni"), other], to: &library) }
        #expect(clash?.description.hasPrefix("key 'simsir2011' of b.bib:4 is already held by a different record") == true)
        #expect(library.map(\.id) == ["simsir2011"])
    }

    /// Twenty thousand records merge in one pass (a lookup per record, not a scan).
    @Test func mergingIsLinear() throws {
        var library = (0..<20_000).map { record("k\($0)", "Title \($0)") }
        let incoming = (0..<20_000).map { record("n\($0)", "Title \($0 + 10_000)") }
        let mapping = LibraryMerge.merge(incoming, into: &library, keepID: { _ in true })
        #expect(library.count == 30_000)
        #expect(mapping["n0"] == "k10000")
        _ = try LibraryMerge.add(incoming, to: &library)
    }
}
