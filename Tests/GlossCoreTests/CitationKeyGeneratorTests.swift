import GlossCore
import Testing

@Suite struct CitationKeyGeneratorTests {
    static func record(_ family: String?, _ title: String?, _ year: Int?, literal: String? = nil) -> BibRecord {
        var record = BibRecord(id: "", type: "book")
        if let family { record.author = [CSLName(family: family, given: "X")] }
        if let literal { record.author = [CSLName(literal: literal)] }
        record.title = title
        record.issued = year.map { CSLDate(year: $0) }
        return record
    }

    @Test(arguments: [
        ("Şimşir", "Azerbaycan, Azerbaycan’ın Yeniden Doğuş", 2011, "simsirAzerbaycan2011"),
        ("Щукин", "История", 1999, "shchukinIstoriya1999"),
        ("Ёлкин", "Щит", 2001, "yelkinShchit2001"),
        ("Məmmədova", "20 Yanvar", 2020, "memmedovaYanvar2020"),
        ("Deveci Bozkuş", "The Role of a State", 2021, "devecibozkusRole2021"),
        ("O’Brien", "A Bir ve Ğüzel", nil, "obrienGuzel"),
        ("İnalcık", "DEĞİŞİKLİĞİ", 1990, "inalcikDegisikligi1990"),
    ] as [(String, String, Int?, String)])
    func baseKeys(family: String, title: String, year: Int?, expected: String) {
        #expect(CitationKeyGenerator.baseKey(for: Self.record(family, title, year)) == expected)
    }

    @Test func institutionsAndEmptyRecords() {
        #expect(CitationKeyGenerator.baseKey(for: Self.record(nil, "Partnership for Peace", 2023, literal: "NATO")) == "natoPartnership2023")
        #expect(CitationKeyGenerator.baseKey(for: BibRecord(id: "", type: "book")) == "anon")
        #expect(CitationKeyGenerator.baseKey(for: Self.record(nil, "1918", nil)) == "anon")
    }

    @Test func clashesGetSuffixesInAStableOrder() {
        let records = [
            Self.record("Aslanlı", "Haydar Aliyev Dönemi Azerbaycan Dış Politikası", 2005),
            Self.record("Aslanlı", "Haydar Aliyev Dönemi", 2005),
            Self.record("Aslanlı", "Haydar Aliyev", 2005),
            Self.record("Hesenov", "Haydar", 2005),
        ]
        let keys = CitationKeyGenerator.keys(for: records)
        #expect(Set(keys).count == 4)
        #expect(Set(keys) == ["aslanliHaydar2005", "aslanliHaydar2005a", "aslanliHaydar2005b", "hesenovHaydar2005"])
        // Same records in another order: each record keeps its key.
        let reversed = CitationKeyGenerator.keys(for: records.reversed())
        #expect(Array(reversed.reversed()) == keys)
    }

    @Test func keptKeysWinAndAreAvoided() {
        var kept = Self.record("Aslanlı", "Zzz", 2000)
        kept.id = "aslanliHaydar2005"
        let keys = CitationKeyGenerator.keys(for: [Self.record("Aslanlı", "Haydar", 2005), kept], keeping: { !$0.id.isEmpty })
        #expect(keys == ["aslanliHaydar2005a", "aslanliHaydar2005"])
    }

    @Test func isoDates() {
        #expect(CSLDate(literal: "erişim 12.08.2023").isoString == "2023-08-12")
        #expect(CSLDate(literal: "2023-08-12").isoString == "2023-08-12")
        #expect(CSLDate(literal: "March 2021").isoString == "2021")
        #expect(CSLDate(year: 2021, month: 3).isoString == "2021-03")
        #expect(CSLDate(literal: "n.d.").isoString == nil)
    }
}
