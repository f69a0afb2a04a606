import GlossCore
import Testing

/// One citation form: a sentence with the citation marked, and what must be read from it.
struct CitationCase: CustomTestStringConvertible, Sendable {
    let marked: String
    let kind: CitationKind
    let items: [CitationItem]
    var malformed = false

    var testDescription: String { marked }
}

private func item(_ author: String?, _ year: String?, _ locator: String?, ref: Int? = nil) -> CitationItem {
    CitationItem(author: author, year: year, locator: locator, ref: ref)
}

let citationCases: [CitationCase] = [
    // Parenthetical author-date, four languages.
    CitationCase(marked: "Bu bulgu önceki çalışmalarla ⟦(Smith & Jones, 2019, p. 4)⟧ uyumludur.",
                 kind: .parenthetical, items: [item("Smith & Jones", "2019", "4")]),
    CitationCase(marked: "Benzer bir sonuç da ⟦(bkz. Yılmaz vd., 2021a: 12)⟧ bildirilmiştir.",
                 kind: .parenthetical, items: [item("Yılmaz vd.", "2021a", "12")]),
    CitationCase(marked: "Haber, resmi kaynaklarca ⟦(Anadolu Ajansı, t.y.)⟧ doğrulanmıştır.",
                 kind: .parenthetical, items: [item("Anadolu Ajansı", "t.y.", nil)]),
    CitationCase(marked: "Bu məsələ ətraflı araşdırılmışdır ⟦(Məmmədov və Əliyev, 2019: 33-35)⟧ və nəticələr dərc edilmişdir.",
                 kind: .parenthetical, items: [item("Məmmədov və Əliyev", "2019", "33-35")]),
    CitationCase(marked: "Этот вывод подробно обоснован ⟦(Иванов и др., 2018, с. 45)⟧ в недавней работе.",
                 kind: .parenthetical, items: [item("Иванов и др.", "2018", "45")]),
    CitationCase(marked: "The claim was later questioned ⟦(see Brown et al., 2020, pp. 11-14)⟧.",
                 kind: .parenthetical, items: [item("Brown et al.", "2020", "11-14")]),
    CitationCase(marked: "İki kaynak aynı görüştedir ⟦(Aksoy, 2012:45; Karimova, 2016.9)⟧ ve bu önemlidir.",
                 kind: .parenthetical, items: [item("Aksoy", "2012", "45"), item("Karimova", "2016", "9")]),
    CitationCase(marked: "Gazete bunu manşetten vermiştir ⟦(Milliyet, 16 Mayıs 1997)⟧. Ertesi gün",
                 kind: .parenthetical, items: [item("Milliyet", "16 Mayıs 1997", nil)]),
    CitationCase(marked: "Gazete ayrıca bunu duyurmuştur ⟦(Hürriyet, 03.11.2001:7)⟧. Sonra",
                 kind: .parenthetical, items: [item("Hürriyet", "03.11.2001", "7")]),
    CitationCase(marked: "Bu görüşü paylaşanlar vardır ⟦(Van der Berg, n.d.)⟧.",
                 kind: .parenthetical, items: [item("Van der Berg", "n.d.", nil)]),
    CitationCase(marked: "Bu yaklaşım eleştirilmiştir ⟦(Smith, 2019a, 2019b: 7)⟧.",
                 kind: .parenthetical, items: [item("Smith", "2019a", nil), item("Smith", "2019b", "7")]),
    CitationCase(marked: "Chicago style omits the comma ⟦(Brown 2015, 22)⟧.",
                 kind: .parenthetical, items: [item("Brown", "2015", "22")]),
    // Broken across lines and pages.
    CitationCase(marked: "Sınır kapısı açılmıştır ⟦(Demir-\n\nKaya, 2020.12)⟧. Sonra",
                 kind: .parenthetical, items: [item("Demir-Kaya", "2020", "12")]),
    CitationCase(marked: "Liman genişletilmiştir ⟦(Quliyev, \n\n2014: 88-\n\n91)⟧. Sonra",
                 kind: .parenthetical, items: [item("Quliyev", "2014", "88-91")]),
    CitationCase(marked: "Rapor yayımlanmıştır ⟦(Mammadli,\n\nKaya, Deniz\n\n38               Akademik Dergi, Yıl: 2024\n\n2019: 5)⟧. Sonra\n\nKaya, Deniz\n\nson sayfa",
                 kind: .parenthetical, items: [item("Mammadli", "2019", "5")]),
    // Narrative.
    CitationCase(marked: "⟦Smith and Jones (2019, p. 4)⟧ argue that the border mattered.",
                 kind: .narrative, items: [item("Smith and Jones", "2019", "4")]),
    CitationCase(marked: "Bu konuda ⟦Yılmaz’a göre (2020: 15)⟧, anlaşma gecikmiştir.",
                 kind: .narrative, items: [item("Yılmaz", "2020", "15")]),
    CitationCase(marked: "Sonuç olarak, ⟦Ahmet Kara’ya göre \n\n(2018)⟧ savaş kaçınılmazdı.",
                 kind: .narrative, items: [item("Ahmet Kara", "2018", nil)]),
    CitationCase(marked: "Как показал ⟦Иванов (2018, с. 45)⟧, проблема остаётся.",
                 kind: .narrative, items: [item("Иванов", "2018", "45")]),
    CitationCase(marked: "As ⟦Brown et al. (2020)⟧ show, trade grew.",
                 kind: .narrative, items: [item("Brown et al.", "2020", nil)]),
    // Numeric.
    CitationCase(marked: "Этот вывод подтверждается ⟦[12, с. 45]⟧.",
                 kind: .numeric, items: [item(nil, nil, "с. 45", ref: 12)]),
    CitationCase(marked: "Bu məlumat təsdiqlənir ⟦[7, 9]⟧.",
                 kind: .numeric, items: [item(nil, nil, nil, ref: 7), item(nil, nil, nil, ref: 9)]),
    CitationCase(marked: "Several studies agree ⟦[3-5]⟧.",
                 kind: .numeric, items: [3, 4, 5].map { item(nil, nil, nil, ref: $0) }),
    CitationCase(marked: "Bu fikir səsləndirilmişdir ⟦[4, p. 12; 6, 21 Mart 2001]⟧.",
                 kind: .numeric, items: [item(nil, nil, "p. 12", ref: 4), item(nil, "21 Mart 2001", nil, ref: 6)]),
    CitationCase(marked: "Ситуация улучшилась ⟦[см. 5]⟧.",
                 kind: .numeric, items: [item(nil, nil, nil, ref: 5)]),
    // Malformed: reported, flagged.
    CitationCase(marked: "Enerji politikası değişmiştir ⟦(Aliyev, Ilham, “Energy Policy, 45)⟧ ve sonra.",
                 kind: .parenthetical, items: [CitationItem(author: "Aliyev, Ilham", locator: "45", titleFragment: "“Energy Policy")],
                 malformed: true),
    CitationCase(marked: "Bu durum ⟦(Karimov, 2015: 77⟧ olarak görülmüştür. Sonraki cümlede başka bir şey yoktur.",
                 kind: .parenthetical, items: [item("Karimov", "2015", "77")], malformed: true),
]

@Suite("Citation forms")
struct CitationFormTests {
    @Test(arguments: citationCases)
    func readsForm(_ form: CitationCase) throws {
        let marked = MarkedText(form.marked)
        let citations = scanned(marked.text).citations
        try #require(citations.count == 1, "found \(citations.map(\.text))")
        let citation = citations[0]
        #expect(citation.span == marked.span)
        #expect(citation.kind == form.kind)
        #expect(citation.malformed == form.malformed)
        let read = citation.items.map { CitationItem(author: $0.author, year: $0.year, locator: $0.locator, ref: $0.ref,
                                                     titleFragment: $0.titleFragment) }
        #expect(read == form.items)
    }

    /// The prefix goes on the first item, in parentheses and in numeric brackets alike.
    @Test(arguments: [
        ("Sonuç (bkz. Yılmaz, 2021: 12) idi.", "bkz."),
        ("Ситуация улучшилась [см. 5].", "см."),
        ("Bu görüş [bkz.  8, s.229] ile desteklenir.", "bkz."),
        ("As argued [see\n3, p. 4; 6], trade grew.", "see"),
    ])
    func keepsPrefix(_ text: String, _ prefix: String) {
        let citation = scanned(text).citations.first
        #expect(citation?.items.first?.prefix == prefix)
        #expect(citation?.items.dropFirst().allSatisfy { $0.prefix == nil } == true)
    }
}

@Suite("Near misses")
struct NearMissTests {
    @Test(arguments: [
        "Savaş yılları (1918-1920) arasında bölge karışıktı.",
        "Boru hattı (BTC) 2006 yılında açıldı.",
        "Büyüme yüzde 5,4 ve 1,85 olarak gerçekleşti.",
        "İnsansız hava aracı TB2, savaşta kullanıldı.",
        "www.journal.com Year 3 (2025) Vol:3 Issue: 2",
        "Metinde bir hata var [sic] ve bir yıl [1995].",
        "İhracat (77 milyon 167 bin dolar) arttı.",
        "Birlik (5. Kolordu Komutanlığı) kuruldu.",
        "Üç Kafkas ülkesi (Azerbaycan, Gürcistan, Ermenistan) bağımsız oldu.",
        "Kafkas İslam Ordusu 1918 yılında Bakü’yü kurtardı. 1920 yılında ise işgal başladı.",
        "Kitap (ed.) olarak yayımlandı ve Method(s) bölümü eklendi.",
        "Зимой 2019 года (с января по март) цены выросли.",
    ])
    func reportsNothing(_ text: String) {
        #expect(scanned(text).citations.isEmpty)
    }
}

@Suite("Narrative look-alikes")
struct NarrativeLookAlikeTests {
    @Test(arguments: [
        "Bölge, İkinci Karabağ Savaşı (2020) sonrasında yeniden şekillendi.",
        "The Second Karabakh War (2020) changed the balance.",
        "The Treaty of Kars (1921) still matters.",
        "Yılmaz, A. (2020). Kafkasya Tarihi. Ankara: Bilgi Yayınevi.",
        "Smith, J., & Jones, K. (2019). Borders. London: Routledge.",
        "Kafkasya’da 1918 (1920) yılları arasında çatışmalar sürdü.",
    ])
    func reportsNothing(_ text: String) {
        #expect(scanned(text).citations.isEmpty, "\(scanned(text).citations.map(\.text))")
    }
}

@Suite("Reference lists")
struct ReferenceListTests {
    @Test(arguments: ["Kaynakça", "REFERENCES", "İstifadə edilmiş ədəbiyyat:", "Список литературы", "7. Kaynaklar"])
    func nothingReportedInTheList(_ heading: String) {
        let text = "Bu görüş yaygındır (Aksoy, 2012: 45). Ayrıca [3] de bunu söyler.\n\n\(heading)\n\nAksoy, A. (2012). Kafkasya. Ankara.\n[3] Smith, J. (2019), Borders, London, s. 4.\nYılmaz, Ahmet (2020). Sınırlar. (Aksoy, 2012: 50)\n"
        let scan = scanned(text)
        #expect(scan.citations.map(\.text) == ["(Aksoy, 2012: 45)", "[3]"])
        let list = try! #require(scan.referenceList)
        #expect(SourceText(text).slice(list).hasPrefix(heading))
    }
}

@Suite("Byte alignment")
struct ByteAlignmentTests {
    /// The first pass skips eight bytes at a time; every trigger must be seen at every alignment.
    @Test(arguments: 0..<16)
    func findsTriggersAtEveryOffset(_ pad: Int) {
        let text = String(repeating: "ş", count: pad / 2) + String(repeating: "a", count: pad % 2)
            + " (Kaya, 2020) ve [3] bitti.1\n\n1  Kaya, Kitap, 2020.\n"
        #expect(scanned(text).citations.map(\.kind) == [.parenthetical, .numeric, .footnoteMarker])
    }
}
