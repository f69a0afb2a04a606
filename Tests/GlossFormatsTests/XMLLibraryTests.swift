import Testing
@testable import GlossFormats

@Suite("libxml2")
struct XMLLibraryTests {
    @Test func reportsTheLinkedVersion() {
        let parts = XMLLibrary.version.split(separator: ".")
        #expect(parts.count == 3)
        #expect(parts.allSatisfy { Int($0) != nil })
        #expect(Int(parts[0]) == 2)
    }
}
