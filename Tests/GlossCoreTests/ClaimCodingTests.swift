import Foundation
import GlossCore
import Testing

@Suite("Claim storage shape")
struct ClaimCodingTests {
    func sampleClaim() throws -> Claim {
        let sample = MarkedText("Günümüzde “⟦Bir millet iki devlet⟧” sloganı.")
        let source = try SourceID("paper")
        return Claim(id: "c0a1b2c", source: source, revision: "abc", position: sample.span,
                     quote: TextQuoteSelector(of: sample.span, in: sample.source),
                     tags: ["diplomacy", " energy ", "diplomacy", ""], note: "slogan",
                     citations: [try CitationID(parsing: "paper:40-50"), try CitationID(parsing: "paper:10-20")],
                     created: "2026-01-01T00:00:00Z", modified: "2026-01-01T00:00:00Z")
    }

    @Test func tagsAndNoteAreW3CBodies() throws {
        let claim = try sampleClaim()
        #expect(claim.tags == ["diplomacy", "energy"])
        #expect(claim.citations.map(\.description) == ["paper:10-20", "paper:40-50"])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try #require(try JSONSerialization.jsonObject(with: encoder.encode(claim)) as? [String: Any])
        let bodies = try #require(json["body"] as? [[String: String]])
        #expect(bodies.filter { $0["purpose"] == "tagging" }.compactMap { $0["value"] } == ["diplomacy", "energy"])
        #expect(bodies.first { $0["purpose"] == "commenting" }?["value"] == "slogan")
        #expect(bodies.allSatisfy { $0["type"] == "TextualBody" })
        let target = try #require(json["target"] as? [String: Any])
        #expect(target["source"] as? String == "paper")
        let selectors = try #require(target["selector"] as? [[String: Any]])
        #expect(selectors.compactMap { $0["type"] as? String } == ["TextPositionSelector", "TextQuoteSelector"])
        #expect(selectors[1]["exact"] as? String == "Bir millet iki devlet")
    }

    @Test func roundTrips() throws {
        var claim = try sampleClaim()
        claim.status = .needsReview
        claim.reanchoring = ClaimReanchoring(from: "old", method: .fuzzy, score: 0.71234, previous: claim.quote)
        let decoded = try JSONDecoder().decode(Claim.self, from: JSONEncoder().encode(claim))
        #expect(decoded == claim)
        #expect(decoded.reanchoring?.score == 0.712)
    }

    @Test func idsAreShortStableAndAvoidTakenOnes() throws {
        let source = try SourceID("paper")
        let span = TextSpan(start: 10, end: 20)
        let first = ClaimIDs.make(source: source, span: span, taken: [])
        #expect(first == ClaimIDs.make(source: source, span: span, taken: []))
        #expect(first.count == 7 && ClaimIDs.isWellFormed(first))
        let second = ClaimIDs.make(source: source, span: span, taken: [first])
        #expect(second != first && ClaimIDs.isWellFormed(second))
        #expect(ClaimIDs.make(source: source, span: TextSpan(start: 10, end: 21), taken: []) != first)
    }
}
