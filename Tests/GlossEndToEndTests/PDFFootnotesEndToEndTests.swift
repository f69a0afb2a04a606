import Foundation
import Testing

/// Footnotes at the page bottoms of a PDF: seed 002 (59 footnotes) typeset by LuaLaTeX with real
/// `\footnote`s, so that LaTeX, not the seed's own extraction, decides where each note stands, and
/// `pdftotext` gives the notes as it gives them in published PDFs: after the last body line with
/// no blank line, their numbers glued to their texts.
@Suite("PDF footnotes", .enabled(if: PDFTools.available, "needs pdftotext (poppler-utils) and lualatex (texlive-luatex); .ci/run installs them"))
struct PDFFootnotesEndToEndTests {
    static let seed = "002_ccf2ee7b6882ff5b"
    static let gold = PDFTools.repository.appendingPathComponent("Tests/Fixtures/gold")

    /// The seed as LaTeX: each footnote text taken out of the page bottom it was extracted at and
    /// put, as `\footnote`, at its marker (both from the hand-made gold, not from Gloss).
    static func latex(_ text: String) throws -> String {
        let scalars = Array(text.unicodeScalars)
        let notes = try PDFTools.objects(String(contentsOf: gold.appendingPathComponent("footnotes.jsonl"), encoding: .utf8))
        let markers = try PDFTools.objects(String(contentsOf: gold.appendingPathComponent("citations.jsonl"), encoding: .utf8))
            .filter { ($0["source"] as? String)?.hasPrefix(seed) == true && $0["kind"] as? String == "footnote-marker" }
        var cuts: [(start: Int, end: Int, note: String?)] = []
        var texts: [Int: String] = [:]
        for note in notes {
            let number = try #require(note["number"] as? Int)
            let full = try #require(note["text"] as? String)
            texts[number] = String(full.drop { $0.isNumber }.drop { $0 == " " })
            var parts = note["parts"] as? [[Int]] ?? []
            if parts.isEmpty { parts = [[try #require(note["start"] as? Int), try #require(note["end"] as? Int)]] }
            for part in parts { cuts.append((part[0], part[1], nil)) }
        }
        for marker in markers {
            let number = try #require(((marker["items"] as? [[String: Any]])?.first?["ref"]) as? Int)
            cuts.append((try #require(marker["start"] as? Int), try #require(marker["end"] as? Int), try #require(texts[number])))
        }
        var out = ""
        var position = 0
        for cut in cuts.sorted(by: { $0.start < $1.start }) {
            out += PDFTools.escaped(String(String.UnicodeScalarView(scalars[position..<cut.start])))
            if let note = cut.note { out += "\\footnote{\\note " + PDFTools.escaped(note) + "}" }
            position = cut.end
        }
        return out + PDFTools.escaped(String(String.UnicodeScalarView(scalars[position...])))
    }

    @Test func footnotesAtPageBottomsAreNumberedExactly() throws {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        let text = try String(contentsOf: PDFTools.repository.appendingPathComponent("sources/\(Self.seed).txt"), encoding: .utf8)
        let pdf = try PDFTools.typeset(latex: try Self.latex(text), named: "paper", in: folder.url)
        let plain = try folder.write("plain.txt", text)
        #expect(try GlossProcess.run(["add", plain], in: folder.url).status == 0)
        let add = try GlossProcess.run(["add", pdf.path], in: folder.url)
        try #require(add.status == 0, "\(add.stderr)")

        // Every marker found, 1 to 59 in order, each paired with its footnote text.
        let fromPDF = try PDFTools.objects(try GlossProcess.run(["cites", "paper", "--format", "jsonl"], in: folder.url).stdout)
        let markers = fromPDF.filter { $0["kind"] as? String == "footnote-marker" }
        #expect(markers.map { $0["text"] as? String ?? "" } == (1...59).map(String.init))
        let check = try GlossProcess.run(["check", "paper", "--format", "json", "--rule", "footnote-numbering", "--fail-on", "never"], in: folder.url)
        #expect(check.status == 0)
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [Any])
        #expect(findings.isEmpty, "\(check.stdout)")

        // The same citations as on the plain seed, and, mapped back onto the seed, the gold's.
        let fromText = try GlossProcess.run(["cites", "plain", "--format", "jsonl"], in: folder.url).stdout
        #expect(try PDFTools.items(fromText) == PDFTools.items(try GlossProcess.run(["cites", "paper", "--format", "jsonl"], in: folder.url).stdout))
        let stored = try String(contentsOf: folder.url.appendingPathComponent("sources/paper.txt"), encoding: .utf8)
        let mapped = try fromPDF.map { citation in
            try #require(OffsetMap.span(start: citation["start"] as? Int ?? -1, end: citation["end"] as? Int ?? -1, in: stored, onto: text),
                         "\(citation)")
        }
        let goldSpans = try PDFTools.objects(String(contentsOf: Self.gold.appendingPathComponent("citations.jsonl"), encoding: .utf8))
            .filter { ($0["source"] as? String)?.hasPrefix(Self.seed) == true }
            .map { [$0["start"] as? Int ?? -1, $0["end"] as? Int ?? -1] }
        let score = GoldScore(gold: goldSpans, predicted: mapped)
        #expect(score.precision == 1 && score.recall == 1, "\(score)")

        // The footnotes are references: their texts became records.
        let refs = try GlossProcess.run(["refs", "paper", "--format", "json"], in: folder.url).stdout
        #expect(refs.contains("Partnership for Peace Programme"))
        #expect(refs.contains("The Caucasus and the World"))
    }
}

/// A PDF no one here made: GROBID's footnote test file (Tests/Fixtures/pdf/README.md).
@Suite("PDF footnotes in a real PDF", .enabled(if: GlossProcess.tool("pdftotext") != nil, "needs pdftotext (poppler-utils)"))
struct RealPDFFootnoteTests {
    @Test func theFootnoteIsFoundAndTheAffiliationMarksAreNotMarkers() throws {
        let folder = try TemporaryFolder()
        _ = try GlossProcess.run(["init"], in: folder.url)
        let pdf = PDFTools.repository.appendingPathComponent("Tests/Fixtures/pdf/grobid-footnotes.pdf")
        let add = try GlossProcess.run(["add", pdf.path, "--id", "clef"], in: folder.url)
        try #require(add.status == 0, "\(add.stderr)")
        let text = Array(try String(contentsOf: folder.url.appendingPathComponent("sources/clef.txt"), encoding: .utf8).unicodeScalars)
        let markers = try PDFTools.objects(try GlossProcess.run(["cites", "clef", "--format", "jsonl"], in: folder.url).stdout)
            .filter { $0["kind"] as? String == "footnote-marker" }
        // One marker, the one after "Wiki-⏎pedia", not the mark after "Forner" among the authors.
        try #require(markers.count == 1)
        let start = try #require(markers[0]["start"] as? Int)
        #expect(String(String.UnicodeScalarView(text[(start - 5)..<(start + 1)])) == "pedia1")
        let check = try GlossProcess.run(["check", "clef", "--format", "json", "--rule", "footnote-numbering", "--fail-on", "never"], in: folder.url)
        #expect((try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [Any])?.isEmpty == true, "\(check.stdout)")
        let refs = try GlossProcess.run(["refs", "clef", "--format", "json"], in: folder.url).stdout
        #expect(refs.contains("wikipedia.org"))
    }
}

/// Maps a span of one text onto another holding the same words with other line breaks and notes
/// elsewhere: by the span's own characters and the characters before it, whitespace aside, found
/// once in the other text.
enum OffsetMap {
    static let context = 40

    static func span(start: Int, end: Int, in text: String, onto other: String) -> [Int]? {
        let from = Array(text.unicodeScalars), to = Array(other.unicodeScalars)
        guard start >= 0, start < end, end <= from.count else { return nil }
        let toLetters = to.indices.filter { !to[$0].properties.isWhitespace }
        let toString = toLetters.map { to[$0] }
        let own = from[start..<end].filter { !$0.properties.isWhitespace }
        guard !own.isEmpty else { return nil }
        func letters(_ range: StrideTo<Int>) -> [Unicode.Scalar] {
            Array(range.lazy.map { from[$0] }.filter { !$0.properties.isWhitespace }.prefix(context))
        }
        // The characters before the span, else (at a page top, after the notes of the page before)
        // those after it.
        let before = Array(letters(stride(from: start - 1, to: -1, by: -1)).reversed())
        let after = letters(stride(from: end, to: from.count, by: 1))
        for (key, offset) in [(before + own, before.count), (own + after, 0)] {
            var found: [Int] = []
            if key.count <= toString.count {
                for s in 0...(toString.count - key.count) where toString[s] == key[0] && Array(toString[s..<(s + key.count)]) == key {
                    found.append(s)
                }
            }
            if found.count == 1 { return [toLetters[found[0] + offset], toLetters[found[0] + offset + own.count - 1] + 1] }
        }
        return nil
    }
}

/// Span precision and recall, exact start and end, as `../shared/tools/score-citations` counts them.
struct GoldScore: CustomStringConvertible {
    var precision: Double
    var recall: Double
    var missed: [[Int]]
    var spurious: [[Int]]

    init(gold: [[Int]], predicted: [[Int]]) {
        let goldSet = Set(gold), predictedSet = Set(predicted)
        let matched = goldSet.intersection(predictedSet)
        precision = predictedSet.isEmpty ? 0 : Double(matched.count) / Double(predictedSet.count)
        recall = goldSet.isEmpty ? 0 : Double(matched.count) / Double(goldSet.count)
        missed = goldSet.subtracting(matched).sorted { $0[0] < $1[0] }
        spurious = predictedSet.subtracting(matched).sorted { $0[0] < $1[0] }
    }

    var description: String { "P=\(precision) R=\(recall) missed \(missed.prefix(10)) spurious \(spurious.prefix(10))" }
}
