import Foundation
import GlossCore
import GlossFormats
import Testing

@Suite struct TEIWriterTests {
    /// One record per distinct author of the parenthetical citations, linked from them; a claim on
    /// the first citation with awkward tags and a note that must come out escaped.
    static func document(for seed: String) throws -> (TEIDocument, [Citation]) {
        let text = try ExportFixtures.seed(seed)
        let citations = try ExportFixtures.citations(of: seed)
        let footnotes = try ExportFixtures.footnotes(of: seed, citations: citations)
        var records: [String: BibRecord] = [:]
        var entries: [TEICitation] = []
        for citation in citations {
            var keys: [String] = []
            for item in citation.items {
                guard let author = item.author else { continue }
                var record = BibRecord(id: "\(author) \(item.year ?? "")", type: "book")
                record.author = [CSLName(literal: author)]
                record.title = "Works of \(author) </ref> & {x} % # \\ \" \u{1}"
                record.issued = item.year.flatMap(Int.init).map { CSLDate(year: $0) }
                record.url = "https://example.org/a b?q=1&r=\"x\""
                records[record.id] = record
                keys.append(record.id)
            }
            entries.append(TEICitation(citation, recordKeys: keys + ["missing-record"]))
        }
        var claims: [Claim] = []
        if let first = citations.first {
            let start = max(0, first.span.start - 40)
            let position = TextSpan(start: start, end: first.span.end)
            claims.append(Claim(id: "c1 <&>", source: first.source, revision: "0", position: position,
                                quote: TextQuoteSelector(exact: SourceText(text).slice(position), prefix: "", suffix: ""),
                                tags: ["policy", "Türk dış politikası", "1st"], note: "see </ref> & \"this\" \u{7}",
                                citations: [first.id], created: "2026-01-01T00:00:00Z", modified: "2026-01-01T00:00:00Z"))
        }
        let metadata = try ExportFixtures.metadata(for: seed, text: text)
        let document = TEIDocument(metadata: metadata, text: text, citations: entries, footnotes: footnotes,
                                   records: Array(records.values), claims: claims)
        return (document, citations)
    }

    @Test(.enabled(if: ExportFixtures.schemaPath != nil, "the TEI schema (tei_all.rng, in the team's shared folder) is absent"),
          arguments: ExportFixtures.seedNames)
    func seedValidatesAgainstTEISchema(seed: String) throws {
        let validator = try #require(ExportFixtures.validator, "tei_all.rng exists but did not load")
        let errors = validator.errors(in: try TEIWriter().write(try Self.document(for: seed).0))
        #expect(errors.isEmpty, "\(seed): \(errors.prefix(5))")
    }

    @Test(arguments: ExportFixtures.seedNames)
    func seedEveryPointerResolves(seed: String) throws {
        let (document, citations) = try Self.document(for: seed)
        #expect(!citations.isEmpty)
        let xml = try TEIWriter().write(document)
        #expect(XMLLinkCheck.problems(in: xml) == [])
        // Every citation comes back as a <ref> over its exact span.
        let imported = try TEIReader().read(Array(xml.utf8), file: seed)
        #expect(imported.text == document.text)
        #expect(Set(imported.citations.map(\.span)) == Set(citations.map(\.span)))
        #expect(imported.records.count == document.records.count)
    }

    /// The text content of `<text>`, read without Gloss's reader: tags dropped, the five
    /// entities and character references decoded, `<g n="U+XXXX"/>` as its character.
    static func textContent(_ xml: String) throws -> String {
        let open = try #require(xml.range(of: "<text xml:space=\"preserve\">"))
        let close = try #require(xml.range(of: "</text>", options: .backwards))
        let inner = xml[open.upperBound..<close.lowerBound]
        var out = String.UnicodeScalarView()
        var scalars = inner.unicodeScalars[...]
        while let scalar = scalars.first {
            if scalar == "<" {
                let end = scalars.firstIndex(of: ">")!
                let tag = String(String.UnicodeScalarView(scalars[..<end]))
                if tag.hasPrefix("<g n=\"U+"), let value = UInt32(tag.dropFirst(8).prefix { $0 != "\"" }, radix: 16) {
                    out.append(Unicode.Scalar(value)!)
                }
                scalars = scalars[scalars.index(after: end)...]
            } else if scalar == "&" {
                let end = scalars.firstIndex(of: ";")!
                let name = String(String.UnicodeScalarView(scalars[scalars.index(after: scalars.startIndex)..<end]))
                let named: [String: Unicode.Scalar] = ["lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'"]
                if let known = named[name] {
                    out.append(known)
                } else if name.hasPrefix("#x") {
                    out.append(Unicode.Scalar(UInt32(name.dropFirst(2), radix: 16)!)!)
                } else {
                    out.append(Unicode.Scalar(UInt32(name.dropFirst())!)!)
                }
                scalars = scalars[scalars.index(after: end)...]
            } else {
                out.append(scalar)
                scalars = scalars.dropFirst()
            }
        }
        return String(out)
    }

    /// The repository's own seeds, with the citations and footnotes Gloss finds in them.
    static func repositorySeed(_ name: String) throws -> TEIDocument {
        let text = try String(contentsOf: ExportFixtures.repositorySources.appendingPathComponent(name), encoding: .utf8)
        let id = try SourceID(derivingFrom: name)
        let scan = CitationScanner.scan(SourceText(text), source: id)
        var citations = scan.citations.map { TEICitation($0) }
        let footnotes = scan.footnotes.map { TEIFootnote(number: $0.number, marker: $0.marker, parts: $0.parts) }
        // A citation over a blank line and one over a footnote's first line (a <note> inside a <ref>).
        if let note = footnotes.first(where: { $0.parts[0].start > 10 }) {
            let span = TextSpan(start: note.parts[0].start - 3, end: note.parts[0].end + 1)
            citations.append(TEICitation(Citation(source: id, span: span, text: SourceText(text).slice(span), kind: .narrative, items: [])))
        }
        return TEIDocument(metadata: try ExportFixtures.metadata(for: name, text: text), text: text, citations: citations, footnotes: footnotes)
    }

    @Test(arguments: ExportFixtures.seedNames)
    func textContentIsTheStoredText(seed: String) throws {
        let document = try Self.repositorySeed(seed)
        let xml = try TEIWriter().write(document)
        #expect(try Self.textContent(xml) == document.text)
        #expect(XMLLinkCheck.problems(in: xml) == [])
        let back = try TEIReader().read(Array(xml.utf8), file: seed)
        #expect(back.text == document.text)
        // Every citation is a <ref> over its span, except one overlapping an earlier citation.
        var kept: [TextSpan] = []
        for span in document.citations.map(\.citation.span).sorted() where span.start >= (kept.last?.end ?? 0) { kept.append(span) }
        #expect(back.citations.map(\.span) == kept)
        let text = SourceText(document.text)
        for citation in back.citations { #expect(text.slice(citation.span) == citation.text) }
        #expect(xml.components(separatedBy: "<note place=\"foot\"").count - 1 == document.footnotes.flatMap(\.parts).count)
        if let validator = ExportFixtures.validator {
            #expect(validator.errors(in: xml) == [])
        }
    }

    @Test func blankLinesSeparateParagraphsAndHyphensStay() throws {
        let text = "First line of a para-\ngraph goes on\nhere, sosyo-kültürel.\n\n  Second (Smith, 2020) para.\n"
        let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: text.range(of: "(Smith")!.lowerBound.samePosition(in: text.unicodeScalars)!)
        let source = try SourceID("t")
        let citation = Citation(source: source, span: TextSpan(start: start, end: start + 13), text: "(Smith, 2020)", kind: .parenthetical, items: [])
        let document = TEIDocument(metadata: try ExportFixtures.metadata(for: "t.txt", text: text), text: text,
                                   citations: [TEICitation(citation)])
        let xml = try TEIWriter().write(document)
        #expect(xml.contains("<text xml:space=\"preserve\"><body><p>First line of a para-\ngraph goes on\nhere, sosyo-kültürel.</p>\n\n  <p>Second <ref type=\"bibr\" subtype=\"parenthetical\" xml:id=\"cit-"))
        #expect(xml.contains(">(Smith, 2020)</ref> para.</p>\n</body></text>"))
        #expect(try Self.textContent(xml) == text)
        if let validator = ExportFixtures.validator { #expect(validator.errors(in: xml) == []) }
    }

    @Test func footnotesStayWhereTheyStandAndPointToTheirRecords() throws {
        var document = try Self.repositorySeed("002_ccf2ee7b6882ff5b.txt")
        var record = BibRecord(id: "yuce2016", type: "book")
        record.title = "The Caucasus"
        document.records = [record]
        document.footnotes = document.footnotes.map { note in
            var note = note
            if note.number == 2 { note.recordKeys = ["yuce2016"] }
            return note
        }
        let xml = try TEIWriter().write(document)
        // The marker points to the note, the note to the record; the note stays at the page bottom.
        let marker = try #require(xml.range(of: ##"<ref type="foot" target="#fn2""##))
        let note = try #require(xml.range(of: ##"<note place="foot" n="2" xml:id="fn2" corresp="#yuce2016">2  Ahmet Yüce"##))
        #expect(marker.lowerBound < note.lowerBound)
        #expect(xml.contains(##"<biblStruct xml:id="yuce2016" n="yuce2016" type="book">"##))
        let continued = try #require(document.footnotes.first { $0.parts.count > 1 })
        #expect(xml.contains(##"xml:id="fn\##(continued.number)-2" prev="#fn\##(continued.number)""##))
        #expect(XMLLinkCheck.problems(in: xml) == [])
    }

    @Test func adversarialStringsAreEscaped() throws {
        let (document, _) = try Self.document(for: "000_f9abcd99e54dd106.txt")
        let xml = try TEIWriter().write(document)
        #expect(xml.contains("Works of Zeytinci &lt;/ref&gt; &amp; {x} % # \\ \" \u{FFFD}") || xml.contains("&lt;/ref&gt; &amp;"))
        #expect(!xml.contains("\u{1}") && !xml.contains("\u{7}"))
        #expect(xml.contains(##"target="https://example.org/a%20b?q=1&amp;r=%22x%22""##))
        #expect(XMLLinkCheck.problems(in: xml) == [])
    }
}

@Suite struct TEIValidatorTests {
    @Test(.enabled(if: ExportFixtures.schemaPath != nil, "the TEI schema (tei_all.rng, in the team's shared folder) is absent"))
    func rejectsInvalidTEI() throws {
        let validator = try #require(ExportFixtures.validator, "tei_all.rng exists but did not load")
        let clock = ContinuousClock()
        let start = clock.now
        let bad = #"<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p><bogus/></p></body></text></TEI>"#
        #expect(!validator.errors(in: bad).isEmpty)
        #expect(validator.errors(in: "<TEI") == ["not well-formed XML"])
        print("validation of a small document took \(clock.now - start)")
    }
}

@Suite struct TEIAdversarialTests {
    @Test func hostileTextMetadataAndIDsStayValid() throws {
        let text = "Title </ref> & <p> \u{1}\u{B}\u{FFFE} text (O'Brien & \"Co\", 2020: 3) here.\n\n9 Note with ]]> and &amp; \u{7}.\n\nLast <!-- -->."
        let scalars = Array(text.unicodeScalars)
        func offset(_ needle: String) -> Int {
            let index = text.range(of: needle)!.lowerBound.samePosition(in: text.unicodeScalars)!
            return text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: index)
        }
        let source = try SourceID("x")
        let citationStart = offset("(O'Brien")
        let citationEnd = offset(" here")
        let noteStart = offset("9 Note")
        let noteEnd = offset("\n\nLast")
        let citation = Citation(source: source, span: TextSpan(start: citationStart, end: citationEnd),
                                text: String(String.UnicodeScalarView(scalars[citationStart..<citationEnd])), kind: .parenthetical, items: [])
        let marker = Citation(source: source, span: TextSpan(start: citationEnd - 1, end: citationEnd), text: ")", kind: .footnoteMarker,
                              items: [CitationItem(ref: 9)])
        var record = BibRecord(id: "1 bad id </ref> & \"x\"", type: "chapter")
        record.title = "</biblStruct> & \u{1}"
        record.containerTitle = "C & D"
        record.author = [CSLName(family: "<Family>", given: "\"Given\"")]
        record.url = "javascript:alert('x') <b>"
        record.issued = CSLDate(literal: "16 may 1997")
        var metadata = try ExportFixtures.metadata(for: "x.txt", text: text, languages: ["not a tag", "tr"])
        metadata.title = "T </title> & \u{2}"
        metadata.authors = ["A & <B>"]
        let claim = Claim(id: "1 2 3", source: source, revision: "r", position: TextSpan(start: 2, end: noteStart + 4),
                          quote: TextQuoteSelector(exact: "", prefix: "", suffix: ""), tags: ["#", "</interp>", "#"],
                          note: "]]> </span> &", citations: [citation.id], created: "", modified: "")
        let document = TEIDocument(metadata: metadata, text: text,
                                   citations: [TEICitation(citation, recordKeys: [record.id]), TEICitation(marker)],
                                   footnotes: [TEIFootnote(number: 9, marker: nil, parts: [TextSpan(start: noteStart, end: noteEnd)])],
                                   records: [record, record], claims: [claim, claim])
        let xml = try TEIWriter().write(document)
        #expect(XMLLinkCheck.problems(in: xml) == [])
        #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(xml.contains("tle &lt;/ref&gt; &amp; &lt;p&gt; <g n=\"U+0001\"/><g n=\"U+000B\"/><g n=\"U+FFFE\"/> text"))
        #expect(xml.contains(##"<note place="foot" n="9" xml:id="fn9">"##))
        #expect(try TEIWriterTests.textContent(xml) == text)
        #expect(xml.contains(##"<span xml:id="claim-1_2_3" n="1 2 3" from="#claim-1_2_3-start" to="#claim-1_2_3-end""##))
        if let validator = ExportFixtures.validator {
            #expect(validator.errors(in: xml) == [])
        }
        let back = try TEIReader().read(Array(xml.utf8), file: "x.xml")
        #expect(back.text == text)
        #expect(back.citations.first?.text == "(O'Brien & \"Co\", 2020: 3)")
        #expect(back.records.first?.title == "</biblStruct> & \u{FFFD}")
    }

    @Test func everyIDIsAnNCName() {
        #expect(XMLLinkCheck.isNCName("simsirAzerbaycan2011"))
        #expect(!XMLLinkCheck.isNCName("1abc"))
        #expect(!XMLLinkCheck.isNCName("a b"))
        #expect(!XMLLinkCheck.isNCName("a:b"))
        let broken = ##"<TEI xmlns="http://www.tei-c.org/ns/1.0"><p xml:id="a"/><ref target="#a #b"/><x xml:id="1"/><y xml:id="a"/></TEI>"##
        #expect(XMLLinkCheck.problems(in: broken).count == 3)
    }
}

@Test func teiRecordIDsAreTheBibliographyKeys() throws {
    var record = BibRecord(id: "not usable as key", type: "book")
    record.author = [CSLName(family: "Şimşir", given: "Bilal N.")]
    record.title = "Azerbaycan"
    record.issued = CSLDate(year: 2011)
    let text = "Metin (Şimşir, 2011)."
    let citation = Citation(source: try SourceID("t"), span: TextSpan(start: 6, end: 20), text: "(Şimşir, 2011)", kind: .parenthetical, items: [])
    let document = TEIDocument(metadata: try ExportFixtures.metadata(for: "t.txt", text: text), text: text,
                               citations: [TEICitation(citation, recordKeys: [record.id])], records: [record])
    let xml = try TEIWriter().write(document)
    #expect(BibLaTeXWriter().write([record]).text.contains("@book{simsirAzerbaycan2011,"))
    #expect(xml.contains(##"<ref type="bibr" subtype="parenthetical" target="#simsirAzerbaycan2011" xml:id="cit-6-20">(Şimşir, 2011)</ref>"##))
    #expect(xml.contains(##"<biblStruct xml:id="simsirAzerbaycan2011" n="not usable as key" type="book">"##))
}
