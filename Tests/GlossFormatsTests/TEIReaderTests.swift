import Foundation
import GlossCore
import GlossFormats
import Testing

@Suite struct TEIReaderTests {
    /// Shaped like GROBID's output: header, divs with heads, refs to b0/b1, a footnote, references.
    static let grobid = #"""
    <?xml version="1.0" encoding="UTF-8"?>
    <TEI xml:space="preserve" xmlns="http://www.tei-c.org/ns/1.0">
      <teiHeader xml:lang="tr">
        <fileDesc>
          <titleStmt><title level="a" type="main">Türkiye-Azerbaycan İlişkileri</title></titleStmt>
          <publicationStmt><publisher/><date type="published" when="2021-05-03">3 May 2021</date></publicationStmt>
          <sourceDesc><biblStruct><analytic>
            <author><persName><forename type="first">Sabina</forename><surname>Malikova</surname></persName></author>
          </analytic><monogr><imprint><date/></imprint></monogr></biblStruct></sourceDesc>
        </fileDesc>
      </teiHeader>
      <text xml:lang="tr">
        <body>
          <div><head n="1.">Giriş</head>
            <p>İlişkiler uzun geçmişe
               dayalıdır <ref type="bibr" target="#b0">(Zeytinci, 2025:3)</ref>. Bağımsızlık 1991 yılında kazanılmıştır <ref type="bibr" target="#b1">(Şimşir, 2011: 33-35)</ref>.<ref type="foot" target="#foot_0">1</ref></p>
            <p>Savunma iş birliği <ref type="bibr" target="#b0 #b1">[1, 2]</ref> genişlemiştir <ref type="figure" target="#fig_0">(Şekil 1)</ref>.</p>
          </div>
          <note place="foot" n="1" xml:id="foot_0">Bilal N. Şimşir, Azerbaycan, Bilgi Yayınevi, Ankara, 2011, s. 33.</note>
        </body>
        <back><div type="references"><listBibl>
          <biblStruct xml:id="b0">
            <analytic><title level="a" type="main">Türkiye ve Azerbaycan</title>
              <author><persName><forename type="first">Ali</forename><surname>Zeytinci</surname></persName></author></analytic>
            <monogr><title level="j">Avrasya Etüdleri</title>
              <imprint><biblScope unit="volume">36</biblScope><biblScope unit="page" from="1" to="20"/><date type="published" when="2025"/></imprint></monogr>
            <idno type="DOI">10.1000/xyz</idno>
          </biblStruct>
          <biblStruct xml:id="b1">
            <monogr><title level="m" type="main">Azerbaycan</title>
              <author><persName><forename type="first">Bilal</forename><forename type="middle">N</forename><surname>Şimşir</surname></persName></author>
              <imprint><publisher>Bilgi Yayınevi</publisher><pubPlace>Ankara</pubPlace><date type="published" when="2011"/></imprint></monogr>
          </biblStruct>
        </listBibl></div></back>
      </text>
    </TEI>
    """#

    @Test func readsGROBIDTextCitationsAndRecords() throws {
        let document = try TEIReader().read(Array(Self.grobid.utf8), file: "paper.tei.xml")
        let text = SourceText(document.text)
        #expect(document.text.hasPrefix("Giriş\n\nİlişkiler uzun geçmişe dayalıdır (Zeytinci, 2025:3). Bağımsızlık"))
        #expect(document.text.hasSuffix("genişlemiştir (Şekil 1).\n\nBilal N. Şimşir, Azerbaycan, Bilgi Yayınevi, Ankara, 2011, s. 33."))
        #expect(document.title == "Türkiye-Azerbaycan İlişkileri")
        #expect(document.authors == ["Sabina Malikova"])
        #expect(document.year == 2021)
        #expect(document.languages == ["tr"])
        #expect(document.citations.map(\.text) == ["(Zeytinci, 2025:3)", "(Şimşir, 2011: 33-35)", "1", "[1, 2]"])
        #expect(document.citations.map(\.kind) == [.parenthetical, .parenthetical, .footnoteMarker, .numeric])
        for citation in document.citations {
            #expect(text.slice(citation.span) == citation.text)
        }
        #expect(document.citations[3].recordKeys == ["b0", "b1"])
        let article = try #require(document.records.first { $0.id == "b0" })
        #expect(article.type == "article-journal")
        #expect(article.title == "Türkiye ve Azerbaycan")
        #expect(article.containerTitle == "Avrasya Etüdleri")
        #expect(article.page == "1-20")
        #expect(article.volume == "36")
        #expect(article.doi == "10.1000/xyz")
        #expect(article.issued?.year == 2025)
        let book = try #require(document.records.first { $0.id == "b1" })
        #expect(book.type == "book")
        #expect(book.author == [CSLName(family: "Şimşir", given: "Bilal N")])
        #expect(book.publisher == "Bilgi Yayınevi")
        #expect(book.publisherPlace == "Ankara")
    }

    @Test func refusesWhatIsNotTEI() {
        #expect(throws: FormatError.self) { try TEIReader().read(Array("<TEI><text>".utf8), file: "broken.xml") }
        #expect(throws: FormatError.notTEI(file: "x.xml", root: "html")) { try TEIReader().read(Array("<html/>".utf8), file: "x.xml") }
        let empty = #"<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><p>  </p></body></text></TEI>"#
        #expect(throws: FormatError.emptyTEI(file: "e.xml")) { try TEIReader().read(Array(empty.utf8), file: "e.xml") }
    }

    @Test func entitiesAreNotExpanded() throws {
        let xml = #"""
        <!DOCTYPE TEI [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>Safe &xxe; text</p></body></text></TEI>
        """#
        let document = try TEIReader().read(Array(xml.utf8), file: "x.xml")
        #expect(!document.text.contains("root:"))
    }
}

@Suite struct TEIReaderErrorTests {
    @Test func teiInAnotherNamespaceIsRefused() {
        let none = #"<TEI><text><body><p>Metin</p></body></text></TEI>"#
        #expect(throws: FormatError.wrongNamespace(file: "n.xml", element: "TEI", found: nil, expected: TEIWriter.namespace)) {
            try TEIReader().read(Array(none.utf8), file: "n.xml")
        }
        let other = #"<TEI xmlns="http://example.org/tei"><text><body><p>Metin</p></body></text></TEI>"#
        #expect(throws: FormatError.wrongNamespace(file: "o.xml", element: "TEI", found: "http://example.org/tei", expected: TEIWriter.namespace)) {
            try TEIReader().read(Array(other.utf8), file: "o.xml")
        }
    }

    @Test func libxml2MessagesBecomeOneLine() {
        do {
            _ = try TEIReader().read(Array("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text>\n<p>a</q>".utf8), file: "bad.xml")
            Issue.record("a broken file was read")
        } catch {
            let message = "\(error)"
            #expect(!message.contains("\n"))
            #expect(message.hasPrefix("bad.xml:2: not well-formed XML: "))
        }
    }

    /// A Gloss export carries its claims as standoff spans: their offsets, quote, tags, note and
    /// supporting citations come back from the TEI alone.
    @Test func claimsComeBackFromTheirSpans() throws {
        let text = "Giriş.\n\nTürkiye 1991’de tanıdı (Şimşir, 2011: 33). Sonra\u{B}devam.\n"
        let scalars = Array(text.unicodeScalars)
        func offset(_ needle: String) -> Int {
            text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: text.range(of: needle)!.lowerBound.samePosition(in: text.unicodeScalars)!)
        }
        let source = try SourceID("t")
        let citationSpan = TextSpan(start: offset("(Şimşir"), end: offset(". Sonra"))
        let citation = Citation(source: source, span: citationSpan, text: "(Şimşir, 2011: 33)", kind: .parenthetical, items: [])
        let claimSpan = TextSpan(start: offset("Türkiye"), end: offset("devam") + 5)
        let claim = Claim(id: "c1", source: source, revision: "x", position: claimSpan,
                          quote: TextQuoteSelector(exact: String(String.UnicodeScalarView(scalars[claimSpan.start..<claimSpan.end])), prefix: "", suffix: ""),
                          tags: ["tanıma", "1991"], note: "önemli & <kısa>", citations: [citation.id], created: "", modified: "")
        let document = TEIDocument(metadata: try ExportFixtures.metadata(for: "t.txt", text: text), text: text,
                                   citations: [TEICitation(citation)], claims: [claim])
        let back = try TEIReader().read(Array(try TEIWriter().write(document).utf8), file: "t.xml")
        #expect(back.text == text)
        let read = try #require(back.claims.first)
        #expect(read.id == "c1")
        #expect(read.span == claimSpan)
        #expect(read.quote == claim.quote.exact)
        #expect(Set(read.tags) == Set(claim.tags))
        #expect(read.note == "önemli & <kısa>")
        #expect(read.citations == [citationSpan])
    }
}
