import Testing
@testable import GlossCore

@Suite("Source ids")
struct SourceIDTests {
    @Test(arguments: ["000_f9abcd99e54dd106", "ozsoy-2023", "a", "v1.2", String(repeating: "x", count: 64)])
    func acceptsValidIDs(raw: String) throws {
        #expect(try SourceID(raw).rawValue == raw)
    }

    @Test(arguments: [
        ("../x", SourceIDError.escapesWorkspace("../x")),
        ("/x", .escapesWorkspace("/x")),
        ("a/b", .escapesWorkspace("a/b")),
        (".hidden", .escapesWorkspace(".hidden")),
        ("Ozsoy", .invalidCharacters("Ozsoy")),
        ("özsoy", .invalidCharacters("özsoy")),
        ("a b", .invalidCharacters("a b")),
        ("-x", .invalidCharacters("-x")),
        ("x@2", .invalidCharacters("x@2")),
        ("", .empty),
        (String(repeating: "x", count: 65), .tooLong(String(repeating: "x", count: 65))),
    ])
    func refusesBadIDs(raw: String, error: SourceIDError) {
        #expect(throws: error) { try SourceID(raw) }
    }

    @Test(arguments: [
        ("000_f9abcd99e54dd106.txt", "000_f9abcd99e54dd106"),
        ("/tmp/papers/Şuşa Beyannamesi.txt", "susa-beyannamesi"),
        ("Əliyev İlham (2003).tei.xml", "eliyev-ilham-2003.tei"),
        ("README", "readme"),
    ])
    func derivesIDsFromFileNames(name: String, id: String) throws {
        #expect(try SourceID(derivingFrom: name).rawValue == id)
    }

    @Test func cannotDeriveFromNothing() {
        #expect(throws: SourceIDError.cannotDerive("Москва.txt")) { try SourceID(derivingFrom: "Москва.txt") }
    }

    @Test func citationIDsRoundTrip() throws {
        let source = try SourceID("000_x")
        let id = try CitationID(parsing: "000_x:5496-5524")
        #expect(id == CitationID(source: source, span: TextSpan(start: 5496, end: 5524)))
        #expect(id.description == "000_x:5496-5524")
        #expect(try CitationID(parsing: "10-20", defaultSource: source).description == "000_x:10-20")
        #expect(throws: CitationIDError.missingSource("10-20")) { try CitationID(parsing: "10-20") }
        #expect(throws: CitationIDError.malformed("000_x:20-10")) { try CitationID(parsing: "000_x:20-10") }
        // Spans as the command line writes them name the same citation.
        #expect(try CitationID(parsing: "000_x:5496..5524") == id)
        #expect(try CitationID(parsing: "5496..5524", defaultSource: source) == id)
        #expect(throws: CitationIDError.malformed("000_x:5496...5524")) { try CitationID(parsing: "000_x:5496...5524") }
    }
}
