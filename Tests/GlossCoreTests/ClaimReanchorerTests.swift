import GlossCore
import Testing

@Suite("Re-anchoring claims across revisions")
struct ClaimReanchorerTests {
    /// Seed 000 (Turkish, PDF-extracted).
    static let seed = CoreSeeds.text("000")

    static let typo = "In this study we resaerched dşfferent character of Azerbaijan and Türkiye"
    static let bonds = "Azerbaycan ile Türkiye arasında var olan bağlar çok kuvvetlidir."
    static let oil = "Petrol ve gaz kaynaklarına sahip olmanın farkıyla büyük güçlerin mücadelesinin ortasında kalan Azerbaycan"
    static let history = "stratejik ortaklık seviyesindeki bugünkü halini almıştır"
    static let historyParagraph = "Tarihte Selçuklulardan başlayıp"

    /// Claims on the seed, one a quote, made as `gloss claim add --quote` makes them.
    func claims(on text: SourceText, _ quotes: [String]) throws -> [Claim] {
        let matcher = QuoteMatcher(text)
        let source = try SourceID("seed")
        return try quotes.enumerated().map { index, quote in
            let span = try matcher.span(of: quote)
            // Each claim cites the code points just after it, as a citation closing the sentence would.
            let citation = CitationID(source: source, span: TextSpan(start: span.end, end: min(span.end + 5, text.scalarCount)))
            return Claim(id: "c\(index)", source: source, revision: "old", position: span,
                         quote: TextQuoteSelector(of: span, in: text), citations: [citation], created: "t0", modified: "t0")
        }
    }

    func carry(_ quotes: [String], in old: String, to new: String, withOldText: Bool = true) throws -> (claims: [Claim], summary: ReanchorSummary, new: SourceText) {
        let oldText = SourceText(old)
        let newText = SourceText(new)
        let reanchorer = ClaimReanchorer(from: withOldText ? oldText : nil, revision: "old", to: newText, revision: "new")
        let result = reanchorer.reanchor(try claims(on: oldText, quotes), now: "t1")
        #expect(result.claims.count == quotes.count, "a claim was dropped")
        #expect(result.claims.allSatisfy { $0.revision == "new" && $0.position.end <= newText.scalarCount })
        return (result.claims, result.summary, newText)
    }

    /// The text without the paragraph from `start` to the line break after `end`.
    func deletingParagraph(from start: String, through end: String, in text: String) throws -> String {
        let first = try #require(text.range(of: start))
        let last = try #require(text.range(of: end, range: first.upperBound..<text.endIndex))
        let lineEnd = try #require(text.range(of: "\n\n", range: last.upperBound..<text.endIndex))
        return String(text[..<first.lowerBound]) + String(text[lineEnd.upperBound...])
    }

    /// `quote` as it stands in `text` (with its line breaks).
    func stored(_ quote: String, in text: String) throws -> String {
        let source = SourceText(text)
        return source.slice(try QuoteMatcher(source).span(of: quote))
    }

    @Test func typoFixedInsideTheQuoteMovesTheClaim() throws {
        let old = try #require(Self.seed)
        let new = old.replacingOccurrences(of: "resaerched dşfferent", with: "researched different")
        let result = try carry([Self.typo, Self.bonds], in: old, to: new)
        let fixed = result.claims[0]
        #expect(fixed.status == .moved)
        #expect(fixed.quote.exact == "In this study we researched different character of Azerbaijan and Türkiye")
        #expect(fixed.reanchoring?.method == .diff)
        #expect(fixed.reanchoring?.previous?.exact == Self.typo)
        #expect(result.claims[1].status == .anchored)
        #expect(result.summary.moved == ["c0"] && result.summary.kept == ["c1"])
    }

    @Test func paragraphInsertedBeforeShiftsClaims() throws {
        let old = try #require(Self.seed)
        let inserted = "Bu yeni paragraf, ikinci baskıda eklenmiştir ve \n\nhiçbir kaynağa dayanmaz. \n\n"
        let new = old.replacingOccurrences(of: "GİRİŞ: Amaç", with: inserted + "GİRİŞ: Amaç")
        let oldText = SourceText(old)
        let before = try claims(on: oldText, [Self.typo, Self.bonds, Self.oil])
        let result = try carry([Self.typo, Self.bonds, Self.oil], in: old, to: new)
        let shift = inserted.unicodeScalars.count
        #expect(result.claims[0].status == .anchored && result.claims[0].position == before[0].position)
        for index in [1, 2] {
            #expect(result.claims[index].status == .moved)
            #expect(result.claims[index].position.start == before[index].position.start + shift)
            #expect(result.claims[index].quote.exact == before[index].quote.exact)
            #expect(result.claims[index].reanchoring?.previous == nil)
            // The citation it is linked to moved with the text.
            #expect(result.claims[index].citations.map(\.span.start) == before[index].citations.map { $0.span.start + shift })
        }
        #expect(result.claims[0].citations == before[0].citations)
        #expect(result.summary.description == "3 claims: 1 kept, 2 moved, 0 need review, 0 orphaned")
    }

    @Test func paragraphDeletedOrphansItsClaimAndMovesLaterOnes() throws {
        let old = try #require(Self.seed)
        let new = try deletingParagraph(from: Self.historyParagraph, through: "yaşamışlardır.", in: old)
        #expect(!new.contains(Self.historyParagraph))
        let result = try carry([Self.bonds, Self.history, Self.oil], in: old, to: new)
        #expect(result.claims[0].status == .anchored)
        #expect(result.claims[1].status == .orphaned)
        // An orphaned claim keeps its quote, so a person (or a later revision) can place it again.
        #expect(result.claims[1].quote.exact == Self.history)
        #expect(result.claims[1].position.length == 0)
        #expect(result.claims[2].status == .moved)
        #expect(result.new.slice(result.claims[2].position) == (try stored(Self.oil, in: old)))
        #expect(result.summary.orphaned == ["c1"])
    }

    @Test func rewrittenSentenceNeedsReview() throws {
        let old = try #require(Self.seed)
        let rewritten = "Azerbaycan ile Türkiye arasındaki bağlar son derece kuvvetlidir."
        let new = old.replacingOccurrences(of: Self.bonds, with: rewritten)
        let result = try carry([Self.bonds, Self.oil], in: old, to: new)
        let claim = result.claims[0]
        #expect(claim.status == .needsReview)
        #expect(result.new.slice(claim.position) == rewritten)
        #expect(claim.reanchoring?.previous?.exact == Self.bonds)
        let score = try #require(claim.reanchoring?.score)
        #expect(score >= ReanchorPolicy().review)
        #expect(result.claims[1].status == .anchored || result.claims[1].status == .moved)
        #expect(result.summary.needsReview == ["c0"])
    }

    @Test func sentenceReplacedByAnotherIsOrphaned() throws {
        let old = try #require(Self.seed)
        let new = old.replacingOccurrences(of: Self.bonds, with: "Bu bölümde yöntem açıklanmaktadır.")
        let result = try carry([Self.bonds], in: old, to: new)
        #expect(result.claims[0].status == .orphaned)
        #expect(result.claims[0].quote.exact == Self.bonds)
    }

    @Test func withoutTheOldTextTheQuoteIsSearched() throws {
        let old = try #require(Self.seed)
        let new = "Önsöz eklendi.\n\n" + old.replacingOccurrences(of: "çok kuvvetlidir", with: "çok güçlüdür")
        let result = try carry([Self.bonds, Self.oil], in: old, to: new, withOldText: false)
        #expect(result.claims.map(\.reanchoring?.method) == [.fuzzy, .fuzzy])
        #expect(result.claims[1].status == .moved)
        #expect(result.new.slice(result.claims[1].position) == (try stored(Self.oil, in: old)))
        #expect(result.new.slice(result.claims[0].position).hasSuffix("çok güçlüdür."))
        // Without a diff, citations shift with their claim.
        let oilBefore = try claims(on: SourceText(old), [Self.oil])[0]
        #expect(result.new.slice(result.claims[1].citations[0].span) == SourceText(old).slice(oilBefore.citations[0].span))
    }

    @Test func claimsAlreadyOnTheNewRevisionAreLeftAlone() throws {
        let text = SourceText("Bir cümle. İkinci cümle.")
        var claim = try claims(on: text, ["İkinci cümle."])[0]
        claim.revision = "new"
        let result = ClaimReanchorer(from: nil, revision: nil, to: text, revision: "new").reanchor([claim], now: "t1")
        #expect(result.claims == [claim])
        #expect(result.summary.total == 0)
    }

    @Test func cyrillicClaimMovesByCodePoints() throws {
        let old = "Введение.\n\nКак отмечал автор, экономическое сотрудничество развивалось [12, с. 45]."
        let new = "Введение. Ə İ ı — новый абзац.\n\nКак отмечал автор, экономическое сотрудничество развивалось [12, с. 45]."
        let result = try carry(["экономическое сотрудничество развивалось"], in: old, to: new)
        #expect(result.claims[0].status == .moved)
        #expect(result.new.slice(result.claims[0].position) == "экономическое сотрудничество развивалось")
    }
}

@Suite("Text diff")
struct TextDiffTests {
    @Test func mapsOffsetsAroundInsertionsDeletionsAndReplacements() {
        let old = SourceText("aaa\nbbb\nccc\n")
        let new = SourceText("aaa\nXX\nbbb\ncYc\n")
        let diff = TextDiff(from: old, to: new)
        // "bbb" moved by the 3 inserted code points.
        #expect(diff.map(TextSpan(start: 4, end: 7)) == TextSpan(start: 7, end: 10))
        // Only the changed code point of "ccc" is a hunk.
        #expect(diff.hunks.contains(TextDiff.Hunk(old: 9..<10, new: 12..<13)))
        #expect(diff.map(TextSpan(start: 8, end: 11)) == TextSpan(start: 11, end: 14))
        #expect(diff.map(0, bias: .start) == 0)
    }

    @Test func identicalTextsHaveNoHunks() {
        let text = SourceText("Aynı metin.\n\nİkinci satır.")
        #expect(TextDiff(from: text, to: text).hunks.isEmpty)
    }

    @Test func insertionAtASpanEdgeStaysOutsideIt() {
        let old = SourceText("önce SONRA")
        let new = SourceText("önce yeni SONRA")
        let diff = TextDiff(from: old, to: new)
        #expect(diff.map(TextSpan(start: 5, end: 10)) == TextSpan(start: 10, end: 15))
        #expect(diff.map(TextSpan(start: 0, end: 4)) == TextSpan(start: 0, end: 4))
    }
}
