import GlossCore
import Testing

@Suite("Footnotes")
struct FootnoteTests {
    static let page = """
    Birinci cümle burada bitmektedir.1 İkinci cümle de TB2 ile sona ermektedir.2 Sonra 3 araç geldi.

    1  Ahmet Yılmaz, Kafkasya Tarihi, Ankara, 2010, s. 5.
    2  Age, s. 7.
     Yeni sayfa burada başlar ve yeni bir iddia ileri sürülür.3 Ardından bir başka iddia gelir.4

    3  Mehmet Demir, “Sınır Meseleleri”, Bölge Dergisi, 12:3, 2015, s. 40-45, Ankara
    Yayınevi,
     Sonraki sayfanın gövde metni burada devam eder ve bir sonuca varır.

    Yayın yeri ve yılı burada sürüyor, 2016.
    4  Yılmaz, Kafkasya Tarihi, s. 9.
     Son sayfa.
    """

    @Test func markersPointToFootnotes() {
        let scan = scanned(Self.page)
        #expect(scan.citations.map(\.kind) == [.footnoteMarker, .footnoteMarker, .footnoteMarker, .footnoteMarker])
        #expect(scan.citations.map { $0.items.first?.ref } == [1, 2, 3, 4])
        #expect(scan.citations.allSatisfy { $0.text.allSatisfy(\.isNumber) })
        #expect(scan.footnotes.map(\.number) == [1, 2, 3, 4])
        #expect(scan.footnotesWithoutMarker.isEmpty)
    }

    @Test func readsFormsAndContinuations() {
        let scan = scanned(Self.page)
        let text = SourceText(Self.page)
        #expect(scan.footnotes.map(\.isIbid) == [false, true, false, false])
        #expect(scan.footnotes.map(\.isShortForm) == [false, false, false, true])
        let split = scan.footnotes[2]
        #expect(split.parts.count == 2)
        #expect(split.parts.map { text.slice($0) }.last == "Yayın yeri ve yılı burada sürüyor, 2016.")
        #expect(split.text.hasSuffix("Ankara Yayınevi, Yayın yeri ve yılı burada sürüyor, 2016."))
        #expect(text.slice(scan.footnotes[1].parts[0]) == "2  Age, s. 7.")
    }

    @Test func noFootnotesNoMarkers() {
        #expect(scanned("Bu dönem başlarından17 itibaren sürdü.1 Sonra Vol:3 çıktı.").citations.isEmpty)
    }
}

@Suite("Normalised view")
struct NormalizedTextTests {
    @Test func collapsesAndMapsBack() {
        let raw = "(Özdemir-\n\nKantar,   2023.734)"
        let view = NormalizedText(utf8: Array(raw.utf8), range: 0..<raw.utf8.count)
        #expect(view.string == "(Özdemir-Kantar, 2023.734)")
        let kantar = Array(view.string.utf8).firstIndex(of: UInt8(ascii: "K"))!
        #expect(view.storedRange(of: kantar..<(kantar + 1)) == Array(raw.utf8).firstIndex(of: UInt8(ascii: "K"))!..<(Array(raw.utf8).firstIndex(of: UInt8(ascii: "K"))! + 1))
    }

    @Test func skipsPageFurniture() {
        let raw = "bir (Ali,\n\nKaya, Deniz\n\n45        Dergi, Yıl: 2024\n\n2019) iki\n\nKaya, Deniz\n\nson"
        let furniture = PageFurniture(utf8: Array(raw.utf8))
        let view = NormalizedText(utf8: Array(raw.utf8), range: 0..<raw.utf8.count, furniture: furniture)
        #expect(view.string == "bir (Ali, 2019) iki son")
    }
}
