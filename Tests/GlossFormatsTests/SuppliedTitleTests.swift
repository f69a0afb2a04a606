import GlossCore
import Testing
@testable import GlossFormats

@Suite("Stub records in bibliographies")
struct SuppliedTitleTests {
    private func stub() -> BibRecord {
        var record = BibRecord(id: "zeytinci2025", type: "document")
        record.author = [CSLName(family: "Zeytinci")]
        record.issued = CSLDate(year: 2025)
        record.custom = BibRecord.Custom(stub: true, citedLocators: ["3", "4"])
        return record
    }

    @Test func stubsGetASuppliedTitleInBrackets() {
        #expect(SuppliedTitle.forStub(stub()) == "[Work cited as Zeytinci 2025, pp. 3, 4]")
        let biblatex = BibLaTeXWriter().write([stub()])
        #expect(biblatex.text.contains("title    = {{[Work cited as Zeytinci 2025, pp. 3, 4]}}"))
        #expect(biblatex.text.contains("keywords = {gloss-stub}"))
        #expect(biblatex.warnings.isEmpty)
        #expect(BibTeXWriter().write([stub()]).text.contains("[Work cited as Zeytinci 2025, pp. 3, 4]"))
    }

    @Test func onlyStubsGetOne() {
        var record = stub()
        record.custom = nil
        #expect(SuppliedTitle.forStub(record) == nil)
        // A record that is no stub has no title of its own: it is written, marked untitled, not as a stub.
        record.issued = nil
        let biblatex = BibLaTeXWriter().write([record])
        #expect(biblatex.text.contains("{{[Untitled work by Zeytinci]}}"))
        #expect(!biblatex.text.contains("gloss-stub") && !biblatex.text.contains("Work cited as"))
        #expect(biblatex.warnings == ["zeytinci2025: has no date; written without one (biblatex prints n.d.)"])
    }
}
