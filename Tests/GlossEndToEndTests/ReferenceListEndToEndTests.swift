import Foundation
import Testing

/// `gloss refs` and `gloss check` on a real eLife article (CC BY, `Tests/Fixtures/elife06003`):
/// every reference-list entry becomes one record on its own span, and the citations the
/// publisher marked link to the entry they point to.
@Suite("reference list of a real article")
struct ReferenceListEndToEndTests {
    static let fixture: URL = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        url.deleteLastPathComponent()
        return url.appendingPathComponent("Fixtures/elife06003")
    }()

    struct GoldReference: Decodable {
        var start: Int
        var end: Int
        var first_author_surname: String?
        var year: String?
        var title: String?
    }

    struct GoldCitation: Decodable {
        var start: Int
        var end: Int
        var ref_index: Int
    }

    static func lines<T: Decodable>(_ name: String, as type: T.Type) throws -> [T] {
        let text = try String(contentsOf: fixture.appendingPathComponent(name), encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(T.self, from: Data($0.utf8)) }
    }

    /// The refs report of the article, run through the built gloss.
    static func report() throws -> [String: Any] {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        let add = try GlossProcess.run(["add", fixture.appendingPathComponent("elife06003.txt").path, "--id", "elife06003"], in: folder.url)
        #expect(add.status == 0, "\(add.stderr)")
        let refs = try GlossProcess.run(["refs", "--format", "json"], in: folder.url)
        #expect(refs.status == 0, "\(refs.stderr)")
        let sources = try #require(try JSONSerialization.jsonObject(with: Data(refs.stdout.utf8)) as? [[String: Any]])
        return try #require(sources.first)
    }

    @Test func entriesBecomeRecordsAndCitationsLinkToThem() throws {
        let gold = try Self.lines("references.jsonl", as: GoldReference.self)
        let citations = try Self.lines("citations.jsonl", as: GoldCitation.self)
        let report = try Self.report()
        let records = try #require(report["records"] as? [[String: Any]])
        var spans: [String: (Int, Int)] = [:]
        var fields: [String: [String: Any]] = [:]
        var linked: [(span: ClosedRange<Int>, key: String)] = []
        for entry in records where entry["origin"] as? String == "reference-list" {
            let record = try #require(entry["record"] as? [String: Any])
            let key = try #require(record["id"] as? String)
            let provenance = (record["custom"] as? [String: Any])?["gloss-provenance"] as? [[String: Any]]
            let span = try #require(provenance?.first?["span"] as? [String: Int])
            spans[key] = (span["start"]!, span["end"]!)
            fields[key] = record
            for link in entry["citations"] as? [[String: Any]] ?? [] where link["status"] as? String == "linked" {
                let id = try #require(link["citation"] as? String)
                let bounds = id.split(separator: ":").last!.split(separator: "-").compactMap { Int($0) }
                linked.append((bounds[0]...bounds[1], key))
            }
        }
        // One record per entry, each on its entry's span, with its first author, year and title.
        #expect(spans.count == gold.count)
        var fieldsRight = 0
        for reference in gold {
            let key = spans.first { $0.value == (reference.start, reference.end) }?.key
            #expect(key != nil, "no record on the entry at \(reference.start)")
            guard let key, let record = fields[key] else { continue }
            let family = ((record["author"] as? [[String: String]])?.first).flatMap { $0["family"] ?? $0["literal"] }
            let issued = ((record["issued"] as? [String: Any])?["date-parts"] as? [[Int]])?.first?.first.map(String.init)
            let year = issued.map { $0 + ((record["year-suffix"] as? String) ?? "") }
            let title = (record["title"] as? String).map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " .")) }
            if family == reference.first_author_surname, year == reference.year,
               title == reference.title?.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " .")) {
                fieldsRight += 1
            }
        }
        #expect(Double(fieldsRight) >= 0.95 * Double(gold.count), "\(fieldsRight) of \(gold.count) entries read right")
        // Each marked citation that gloss found links to the entry the publisher marked.
        var right = 0
        for citation in citations {
            let goldSpan = (gold[citation.ref_index].start, gold[citation.ref_index].end)
            // The gloss citation holding the marked one has an item linked to the marked entry.
            if linked.contains(where: { $0.span.contains(citation.start) && spans[$0.key].map { $0 == goldSpan } ?? false }) {
                right += 1
            }
        }
        #expect(Double(right) >= 0.9 * Double(citations.count), "\(right) of \(citations.count) citations linked to their entry")
    }

    @Test func checkFindsAWellFormedList() throws {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        _ = try GlossProcess.run(["add", Self.fixture.appendingPathComponent("elife06003.txt").path], in: folder.url)
        let check = try GlossProcess.run(["check", "--fail-on", "never", "--rule", "unparsed-entry", "--rule", "duplicate-entry",
                                          "--rule", "reference-numbering"], in: folder.url)
        #expect(check.status == 0, "\(check.stderr)")
        for code in ["unparsed-entry", "duplicate-entry", "reference-numbering"] {
            #expect(!check.stdout.contains(code), "\(check.stdout)")
        }
    }
}
