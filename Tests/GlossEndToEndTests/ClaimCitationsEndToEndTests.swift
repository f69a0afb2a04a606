import Foundation
import Testing

/// Claims and the citations they rest on, on the seed articles: `claim edit --cite nearest` as
/// `claim add` has it, `claim show` with the citations' text, `claim list --cited-work` with the
/// keys `refs --works` shows, rejected detections marked, quotes typed with plain ASCII.
@Suite("Claims and their citations on the seed articles")
struct ClaimCitationsEndToEndTests {
    /// A workspace with seeds 002 (footnotes) and 003 (author-date citations), as `fn` and `tr`.
    static func workspace() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        for (seed, id) in [("002_ccf2ee7b6882ff5b", "fn"), ("003_aa1cca43322b1ae7", "tr")] {
            let add = try GlossProcess.run(["add", Seeds.folder.appendingPathComponent("\(seed).txt").path, "--id", id], in: folder.url)
            #expect(add.status == 0, "\(add.stderr)")
        }
        return folder
    }

    static func json(_ result: GlossProcess.Result) throws -> Any {
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    @Test func editTakesNearestAndShowPrintsTheCitationsText() throws {
        let folder = try Self.workspace()
        // A sentence that a citation closes, as `claim suggest` finds it.
        let suggestions = try #require(try Self.json(try GlossProcess.run(["claim", "suggest", "tr", "--format", "json"], in: folder.url)) as? [[String: Any]])
        let suggestion = try #require(suggestions.first)
        let (start, end) = (try #require(suggestion["start"] as? Int), try #require(suggestion["end"] as? Int))
        let cited = try #require(suggestion["citations"] as? [String])
        let added = try GlossProcess.run(["claim", "add", "tr", "--span", "\(start)..\(end)"], in: folder.url)
        let claim = String(try #require(added.stdout.split(separator: ":").first))
        let edited = try GlossProcess.run(["claim", "edit", claim, "--cite", "nearest"], in: folder.url)
        #expect(edited.status == 0, "\(edited.stderr)")
        let stored = try #require(try Self.json(try GlossProcess.run(["claim", "show", claim, "--format", "json"], in: folder.url)) as? [String: Any])
        #expect(stored["citations"] as? [String] == cited)

        let shown = try GlossProcess.run(["claim", "show", claim], in: folder.url)
        let cites = try #require(try Self.json(try GlossProcess.run(["cites", "tr", "--format", "json"], in: folder.url)) as? [[String: Any]])
        for id in cited {
            let text = try #require(cites.first { "tr:\($0["start"]!)-\($0["end"]!)" == id }?["text"] as? String)
            let oneLine = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            #expect(shown.stdout.contains("\(id)  “\(oneLine)”"), "\(shown.stdout)")
        }
    }

    /// A work cited in both sources is listed by `refs --works` under one key, a record of one
    /// source; claims in the other source citing it are found by that key.
    @Test func citedWorkFindsClaimsByTheKeyRefsWorksShows() throws {
        let folder = try Self.workspace()
        let works = try #require(try Self.json(try GlossProcess.run(["refs", "--works", "--format", "json"], in: folder.url)) as? [[String: Any]])
        // A work cited from both sources whose key is not a record of `tr`.
        let shared = try #require(works.first { work in
            let records = (work["records"] as? [[String: Any]]) ?? []
            let citing = ((work["citations"] as? [[String: Any]]) ?? []).compactMap { $0["citation"] as? String }
            return citing.contains { $0.hasPrefix("tr:") } && citing.contains { $0.hasPrefix("fn:") }
                && !records.contains { $0["source"] as? String == "tr" && ($0["record"] as? [String: Any])?["id"] as? String == work["id"] as? String }
        }, "no work is cited from both seeds under a key of the other one")
        let key = try #require(shared["id"] as? String)
        let citation = try #require(((shared["citations"] as? [[String: Any]]) ?? []).compactMap { $0["citation"] as? String }.first { $0.hasPrefix("tr:") })
        let span = String(citation.dropFirst(3))
        let bounds = span.split(separator: "-").compactMap { Int($0) }
        let added = try GlossProcess.run(["claim", "add", "tr", "--span", "\(max(0, bounds[0] - 60))-\(bounds[1])", "--cite", citation], in: folder.url)
        #expect(added.status == 0, "\(added.stderr)")
        let claim = String(try #require(added.stdout.split(separator: ":").first))
        _ = try GlossProcess.run(["claim", "add", "tr", "--span", "10..40", "--tag", "other"], in: folder.url)
        let listed = try #require(try Self.json(try GlossProcess.run(["claim", "list", "--cited-work", key, "--format", "json"], in: folder.url)) as? [[String: Any]])
        #expect(listed.compactMap { $0["id"] as? String } == [claim], "\(key)")
        let unknown = try GlossProcess.run(["claim", "list", "--cited-work", "noSuchWork1999"], in: folder.url)
        #expect(unknown.status == 66)
    }

    @Test func citesMarksRejectedDetections() throws {
        let folder = try Self.workspace()
        let cites = try #require(try Self.json(try GlossProcess.run(["cites", "tr", "--format", "json"], in: folder.url)) as? [[String: Any]])
        let first = try #require(cites.first)
        let id = "tr:\(first["start"]!)-\(first["end"]!)"
        #expect(try GlossProcess.run(["cite", "reject", id], in: folder.url).status == 0)
        let listing = try GlossProcess.run(["cites", "tr"], in: folder.url)
        let lines = listing.stdout.split(separator: "\n")
        #expect(lines.first?.contains("(1 rejected)") == true, "\(lines.first ?? "")")
        #expect(lines.filter { $0.hasSuffix("REJECTED") }.count == 1)
        #expect(lines.first { $0.contains("\(first["start"]!)..\(first["end"]!)") }?.hasSuffix("REJECTED") == true)
    }

    @Test func suggestSaysWhenNothingIsLeft() throws {
        let folder = try Self.workspace()
        #expect(try GlossProcess.run(["claim", "suggest", "tr", "--accept"], in: folder.url).status == 0)
        let again = try GlossProcess.run(["claim", "suggest", "tr"], in: folder.url)
        #expect(again.status == 0)
        #expect(again.stdout == "no suggestions: no citation of tr closes a sentence that is not already a claim\n")
    }

    /// A quote typed with `'`, `"` and `-` finds the text's `’`, `“ ”` and `–`, and a note says so.
    @Test(arguments: [
        ("tr", "Azerbaycan’ın toprak bütünlüğüne", "Azerbaycan'ın toprak bütünlüğüne", "’ where the quote has '"),
        ("fn", "Kasım 2012’de “Kafkas Kartalı 2012” isimli", "Kasım 2012'de \"Kafkas Kartalı 2012\" isimli",
         "’ where the quote has ', “ where the quote has \", ” where the quote has \""),
        ("tr", "ebilir. Dağlık – Karabağ sorunu", "ebilir. Dağlık - Karabağ sorunu", "– where the quote has -"),
    ])
    func asciiQuotesFindTypographicText(source: String, text: String, typed: String, variants: String) throws {
        let folder = try Self.workspace()
        let added = try GlossProcess.run(["claim", "add", source, "--quote", typed], in: folder.url)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("“\(text)”"))
        #expect(added.stderr == "gloss: note: the quote matched up to typographic variants (the text has \(variants)); the claim keeps the text's own characters\n")
        // Typed as the text has it: no note.
        let exact = try GlossProcess.run(["claim", "add", source, "--quote", text], in: folder.url)
        #expect(exact.status == 0 && exact.stderr.isEmpty, "\(exact.stderr)")
    }
}
