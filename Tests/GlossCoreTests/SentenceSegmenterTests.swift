import GlossCore
import Testing

@Suite("Sentences and claim suggestions")
struct SentenceSegmenterTests {
    func sentences(_ text: String) -> [String] {
        let source = SourceText(text)
        return SentenceSegmenter.sentences(in: source).map { source.slice($0) }
    }

    @Test(arguments: [
        // Abbreviations: page, et al., Dr., see, и др.
        ("Bu konu [8, s. 229] ele alınmıştır. Sonra değişti.", 2),
        ("Yılmaz vd. Türkiye hakkında yazdı. Sonra değişti.", 2),
        ("Görüşmeye Dr. Ahmet Yılmaz katıldı. Sonra ayrıldı.", 2),
        ("Ayrıntılar için bkz. Şekil 3. Sonra değişti.", 2),
        ("Иванов и др. Показали это в 2010 году. Потом изменилось.", 2),
        ("Работа опубликована в 2010 г. В ней описано многое.", 2),
        ("See Smith et al. (2020) for the argument. Then it changed.", 2),
        ("Он жил в г. Баку. Потом уехал.", 2),
        // Initials.
        ("Bilal N. Şimşir, Azerbaycan, Ankara, 2011, s. 33-35. Sonra.", 2),
        // Numbers.
        ("20.yüzyıl başında durum değişti. Sonra.", 2),
        ("Büyüme 1.5 puan arttı. Sonra.", 2),
        ("II. Dünya Savaşı sonrası dönem başladı. Sonra.", 2),
        ("(Radikal, 01.02.2000:10) gazetesi yazdı. Sonra.", 2),
        // Ordinals in lower-case context stay inside.
        ("1991. yılda bağımsızlık kazanıldı. Sonra.", 2),
        // Real ends: after a year, a question, a quotation, a footnote marker.
        ("Bağımsızlık 1991. Bu tarih önemlidir.", 2),
        ("Neden? Çünkü öyle.", 2),
        ("Dedi ki “bitti.” Sonra gitti.", 2),
        ("Kaynak: Yüce, The Caucasus, s. 61. Grafik incelendi.", 2),
        ("Azerbaycan kurtarılmıştır.9 Sonra barış geldi.", 2),
        ("Azərbaycan müstəqillik əldə etdi. Əliyev hakimiyyətə gəldi.", 2),
    ])
    func boundaries(text: String, count: Int) {
        let found = sentences(text)
        #expect(found.count == count, "\(found)")
    }

    @Test func pdfLineBreaksDoNotEndSentencesButHeadingsDo() {
        let text = """
        GİRİŞ \n\nAzerbaycan ile Türkiye arasında var olan bağlar çok kuvvetlidir. Bu bağlar siyasal, sosyal, \n\nkültürel ve ekonomik temellere dayalıdır. Azerbaycan ile Türkiye’nin birbiriyle \n\nbağlantısı çok köklüdür.
        """
        let found = sentences(text)
        #expect(found.count == 4, "\(found)")
        #expect(found[0] == "GİRİŞ")
        #expect(found[2] == "Bu bağlar siyasal, sosyal, \n\nkültürel ve ekonomik temellere dayalıdır.")
    }

    @Test func footnoteMarkerStaysWithItsSentence() {
        let found = sentences("Şuşa kurtarılmıştır.9 Ardından anlaşma imzalandı.")
        #expect(found.first == "Şuşa kurtarılmıştır.9")
    }

    @Test func numberedListItemsAreSentences() {
        let found = sentences("Xarakterik cəhətləri: 1. Türkiyə ilə münasibətlər; 2. Regional güc balansı.")
        #expect(found == ["Xarakterik cəhətləri:", "1. Türkiyə ilə münasibətlər;", "2. Regional güc balansı."])
    }

    @Test func bulletedLinesAreSentences() {
        let found = sentences("Amillər belədir: \n\n\u{F02D} XX əsrin dəyişiklikləri \n\n\u{F02D} Türkiyənin mövqeyi [3].")
        #expect(found == ["Amillər belədir:", "\u{F02D} XX əsrin dəyişiklikləri", "\u{F02D} Türkiyənin mövqeyi [3]."])
        // A hyphen at a line's end is not a bullet.
        #expect(sentences("Türkiye-\n\nAzerbaycan ilişkileri gelişti.").count == 1)
    }

    @Test func seedSentencesNeverSplitInsideAParenthesisOrAfterAnAbbreviation() throws {
        for prefix in ["000", "001", "002", "003", "004"] {
            let text = SourceText(try #require(CoreSeeds.text(prefix)))
            let spans = SentenceSegmenter.sentences(in: text)
            #expect(spans.count > 50)
            for (a, b) in zip(spans, spans.dropFirst()) { #expect(a.end <= b.start) }
            for span in spans {
                let sentence = text.slice(span)
                #expect(!sentence.hasSuffix(" s.") && !sentence.hasSuffix(" vd.") && !sentence.hasSuffix(" Dr."), "\(prefix): \(sentence)")
            }
        }
    }

    // MARK: suggestions

    func citation(_ text: String, _ cited: String, in source: SourceText, kind: CitationKind = .parenthetical) throws -> Citation {
        let span = try QuoteMatcher(source).span(of: cited)
        return Citation(source: try SourceID("paper"), span: span, text: source.slice(span), kind: kind, items: [])
    }

    @Test func eachCitationProposesTheSentenceItCloses() throws {
        let source = SourceText("""
        Giriş cümlesi kaynaksızdır. İlişkiler 1991 sonrası hızla gelişti (Oran, 1998: 455-467). Dr. Yılmaz’a göre \
        ortaklık stratejiktir (Zeytinci, 2025:3; Korkmaz, 2021). Şuşa kurtarılmıştır.9 Son cümle.
        """)
        let oran = try citation("", "(Oran, 1998: 455-467)", in: source)
        let zeytinci = try citation("", "(Zeytinci, 2025:3; Korkmaz, 2021)", in: source)
        let marker = Citation(source: try SourceID("paper"), span: TextSpan(start: oran.span.start + 130, end: oran.span.start + 131),
                              text: "", kind: .footnoteMarker, items: [])
        let markerSpan = try QuoteMatcher(source).span(of: "kurtarılmıştır.9")
        let footnote = Citation(source: marker.source, span: TextSpan(start: markerSpan.end - 1, end: markerSpan.end),
                                text: "9", kind: .footnoteMarker, items: [])
        let suggestions = ClaimSuggester.suggest(in: source, citations: [oran, zeytinci, footnote])
        #expect(suggestions.map(\.text) == [
            "İlişkiler 1991 sonrası hızla gelişti (Oran, 1998: 455-467).",
            "Dr. Yılmaz’a göre ortaklık stratejiktir (Zeytinci, 2025:3; Korkmaz, 2021).",
            "Şuşa kurtarılmıştır.9",
        ])
        #expect(suggestions.map(\.citations) == [[oran.id], [zeytinci.id], [footnote.id]])
        // A sentence already claimed is not proposed again.
        let claimed = Claim(id: "c1", source: oran.source, revision: "r", position: suggestions[0].span,
                            quote: TextQuoteSelector(of: suggestions[0].span, in: source), created: "t", modified: "t")
        #expect(ClaimSuggester.suggest(in: source, citations: [oran, zeytinci, footnote], existing: [claimed]).count == 2)
    }

    @Test func aCitationStandingAloneSupportsTheSentenceBefore() throws {
        let source = SourceText("Bu güçlü bağ temel bir dayanak olmuştur. \n\n(Zeytinci, 2025:5). \n\nYeni konu başlar.")
        let alone = try citation("", "(Zeytinci, 2025:5)", in: source)
        let suggestions = ClaimSuggester.suggest(in: source, citations: [alone])
        #expect(suggestions.map(\.text) == ["Bu güçlü bağ temel bir dayanak olmuştur."])
        let claim = try QuoteMatcher(source).span(of: "temel bir dayanak")
        #expect(ClaimSuggester.nearestCitation(to: claim, in: source, citations: [alone]) == alone)
    }

    @Test func aCitationOpeningTheNextSentenceSupportsTheOneBefore() throws {
        let source = SourceText("İlişkiler uzun bir geçmişe sahiptir. (Özdemir-\n\nKantar, 2023.734) Hem Azerbaycan’ın yapısı yakındır. Smith (2020) argues otherwise.")
        let opening = try citation("", "(Özdemir-Kantar, 2023.734)", in: source)
        let narrative = try citation("", "Smith (2020)", in: source, kind: .narrative)
        let suggestions = ClaimSuggester.suggest(in: source, citations: [opening, narrative])
        #expect(suggestions.map(\.text) == ["İlişkiler uzun bir geçmişe sahiptir.", "Smith (2020) argues otherwise."])
        let claim = try QuoteMatcher(source).span(of: "uzun bir geçmişe")
        #expect(ClaimSuggester.nearestCitation(to: claim, in: source, citations: [opening, narrative]) == opening)
    }

    @Test func nearestCitationEndsTheClaimsSentence() throws {
        let source = SourceText("Ekonomik ilişkiler gelişti (Oran, 1998). Enerji projeleri simge oldu [8, s.229] ve sürdü [3]. Kaynaksız cümle.")
        let oran = try citation("", "(Oran, 1998)", in: source)
        let eight = try citation("", "[8, s.229]", in: source, kind: .numeric)
        let three = try citation("", "[3]", in: source, kind: .numeric)
        let all = [oran, eight, three]
        let matcher = QuoteMatcher(source)
        #expect(ClaimSuggester.nearestCitation(to: try matcher.span(of: "Ekonomik ilişkiler"), in: source, citations: all) == oran)
        #expect(ClaimSuggester.nearestCitation(to: try matcher.span(of: "Enerji projeleri simge oldu"), in: source, citations: all) == three)
        #expect(ClaimSuggester.nearestCitation(to: try matcher.span(of: "Kaynaksız cümle"), in: source, citations: all) == nil)
    }
}
