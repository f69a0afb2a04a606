@testable import gloss
import Testing

@Suite("Text table")
struct TextTableTests {
    @Test func rendersColumnsByCharacters() {
        let table = TextTable.render(header: ["ID", "TITLE"], rows: [["şuşa", "x"], ["a", "y"]])
        #expect(table == "ID    TITLE\nşuşa  x\na     y\n")
    }
}
