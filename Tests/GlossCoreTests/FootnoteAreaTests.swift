import GlossCore
import Testing

/// Footnotes at page bottoms told apart by the layout of the page, as `pdftotext -raw` gives a
/// PDF's text: no blank line before the notes, their numbers glued to their texts.
@Suite("Footnote areas")
struct FootnoteAreaTests {
    /// Two pages: body lines in 10 pt type, notes in 8 pt, page numbers in 10 pt. The first page's
    /// second note runs over to the top of the next page's notes.
    static let pages = [
        """
        Devlet bağımsızlığını 1991 yılında kazanmıştır.1 Ardından ilişkiler
        yeniden kurulmuştur.2 Sonra
        3 milyon kişi göç etmiştir.
        1Bilal N. Şimşir, Azerbaycan, Bilgi Yayınevi, Ankara, 2011, s. 33-35.
        2Ahmet Yüce, “The Caucasus and the World”, International
        1
        """,
        """
        İş birliği derinleşmiştir.3 Bu süreç devam etmektedir.
        Scientific Journal, 21, 2016, s. 7.
        3Age, s. 59-61.
        2
        """,
    ]

    /// Which lines of each page are set small (the notes, a continuation included).
    static let small: [[Bool]] = [[false, false, false, true, true, false], [false, true, true, false]]

    static var layout: (text: String, starts: [Int], words: [[PageWord]]) {
        var text = ""
        var starts: [Int] = []
        var words: [[PageWord]] = []
        for (index, page) in pages.enumerated() {
            starts.append(text.unicodeScalars.count)
            text += page + "\n"
            var pageWords: [PageWord] = []
            for (number, line) in page.split(separator: "\n").enumerated() {
                let height = small[index][number] ? 8.0 : 10.0
                let top = 100.0 + Double(number) * 14
                // The glued mark is a word of its own, set as large as the body, as a superscript is.
                var rest = Substring(line)
                if small[index][number], let first = rest.first, first.isNumber {
                    pageWords.append(PageWord(text: String(first), top: top - 3, height: 10))
                    rest = rest.dropFirst()
                }
                pageWords += rest.split(separator: " ").map { PageWord(text: String($0), top: top, height: height) }
            }
            words.append(pageWords)
        }
        return (text, starts, words)
    }

    @Test func theNotesOfEachPageBottomAreAnArea() {
        let (text, starts, words) = Self.layout
        let areas = FootnoteAreas.find(in: text, pageStarts: starts, words: words)
        let scalars = Array(text.unicodeScalars)
        let shown = areas.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
        #expect(shown == ["1Bilal N. Şimşir, Azerbaycan, Bilgi Yayınevi, Ankara, 2011, s. 33-35.\n2Ahmet Yüce, “The Caucasus and the World”, International",
                          "Scientific Journal, 21, 2016, s. 7.\n3Age, s. 59-61."])
    }

    @Test func areasMakeGluedNumbersFootnotesAndContinueCutNotes() {
        let (text, starts, words) = Self.layout
        let areas = FootnoteAreas.find(in: text, pageStarts: starts, words: words)
        let scan = CitationScanner.scan(utf8: Array(text.utf8), source: try! SourceID("doc"), footnoteAreas: areas)
        #expect(scan.footnotes.map { $0.number } == [1, 2, 3])
        #expect(scan.footnotes.map { $0.text } == ["1 Bilal N. Şimşir, Azerbaycan, Bilgi Yayınevi, Ankara, 2011, s. 33-35.",
                                               "2 Ahmet Yüce, “The Caucasus and the World”, International Scientific Journal, 21, 2016, s. 7.",
                                               "3 Age, s. 59-61."])
        #expect(scan.footnotes[1].parts.count == 2)
        #expect(scan.footnotes[2].isIbid)
        #expect(scan.citations.map { $0.text } == ["1", "2", "3"])
        #expect(scan.footnotesWithoutMarker.isEmpty)
        // Without the layout the same text has no footnotes: nothing sets them apart.
        #expect(CitationScanner.scan(utf8: Array(text.utf8), source: try! SourceID("doc")).footnotes.isEmpty)
    }

    /// As LaTeX's PDFs give them: the mark on a line of its own above its note, the note's text
    /// opening with a year glued to no mark.
    @Test func aMarkOnALineOfItsOwnStartsTheNoteBelowIt() {
        let page = """
            The binary needs no Perl installation at all1
            . The tracker is on github2
            . Both are released freely.
            1
            If you prefer, you can run it as a normal program.
            2
            2016 onwards: https://github.com/plk/biber
            7
            """
        let small = [false, false, false, true, true, true, true, false]
        var words: [PageWord] = []
        for (number, line) in page.split(separator: "\n").enumerated() {
            words += line.split(separator: " ").map { PageWord(text: String($0), top: Double(number) * 12, height: small[number] ? 7 : 10) }
        }
        let text = page + "\n"
        let areas = FootnoteAreas.find(in: text, pageStarts: [0], words: [words])
        #expect(areas.count == 1)
        let scan = CitationScanner.scan(utf8: Array(text.utf8), source: try! SourceID("doc"), footnoteAreas: areas)
        #expect(scan.footnotes.map { $0.text } == ["1 If you prefer, you can run it as a normal program.", "2 2016 onwards: https://github.com/plk/biber"])
        #expect(scan.citations.map { $0.text } == ["1", "2"])
    }

    /// The notes of a page may pick up later in the sequence (the first notes were the authors'),
    /// with glued digits of formulas (`x1`) before them that are no markers.
    @Test func notesInAnAreaMayStartLaterInTheSequence() {
        let page = """
            Let the density be x1
            and the theorems are invoked5
            , then it follows.
            5
            These theorems imply homogeneity.
            3
            """
        let small = [false, false, false, true, true, false]
        var words: [PageWord] = []
        for (number, line) in page.split(separator: "\n").enumerated() {
            words += line.split(separator: " ").map { PageWord(text: String($0), top: Double(number) * 12, height: small[number] ? 7 : 10) }
        }
        let text = page + "\n"
        let areas = FootnoteAreas.find(in: text, pageStarts: [0], words: [words])
        let scan = CitationScanner.scan(utf8: Array(text.utf8), source: try! SourceID("doc"), footnoteAreas: areas)
        #expect(scan.footnotes.map { $0.number } == [5])
        #expect(scan.citations.map { $0.text } == ["5"])
    }

    @Test func wordsThatDoNotSpellThePageGiveNoArea() {
        let (text, starts, words) = Self.layout
        var wrong = words
        wrong[0][0].text = "Başka"
        let areas = FootnoteAreas.find(in: text, pageStarts: starts, words: wrong)
        #expect(areas.count == 1)
    }

    @Test func aPageAllInOneSizeHasNoArea() {
        let text = "Bir satır.1\n1 Bir not gibi duran satır.\n"
        let words = [text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { PageWord(text: String($0), top: 100, height: 10) }]
        #expect(FootnoteAreas.find(in: text, pageStarts: [0], words: words).isEmpty)
    }
}
