import Testing
@testable import GlossCore

@Suite("Ibid and short-form chains")
struct FootnoteChainTests {
    @Test("every ibid and short form of seed 002 resolves as the gold says")
    func goldChains() throws {
        let gold = try GoldFootnote.all()
        let resolved = FootnoteChainResolver.resolve(gold.map { ReferenceParser.parse($0.text) })
        let byPosition = Dictionary(uniqueKeysWithValues: resolved.map { ($0.position, $0) })
        for footnote in gold {
            #expect(ReferenceParser.parse(footnote.text).isCommentary == footnote.is_commentary, "footnote \(footnote.number)")
            let first = try #require(byPosition[ReferencePosition(entry: footnote.number, index: 0)], "footnote \(footnote.number)")
            if footnote.is_ibid {
                #expect(first.reference.form == .ibid, "footnote \(footnote.number)")
                #expect(first.antecedent == ReferencePosition(entry: try #require(footnote.ibid_of), index: 0), "footnote \(footnote.number)")
            } else if footnote.is_short_form {
                #expect(first.reference.form == .shortForm, "footnote \(footnote.number)")
                let target = ReferencePosition(entry: try #require(footnote.short_form_of), index: footnote.short_form_of_reference_index ?? 0)
                #expect(first.antecedent == target, "footnote \(footnote.number)")
            } else {
                #expect(first.reference.form == .full, "footnote \(footnote.number)")
                #expect(first.work == first.position)
            }
            if let references = footnote.references {
                for (index, expected) in references.enumerated() {
                    let item = try #require(byPosition[ReferencePosition(entry: footnote.number, index: index)])
                    #expect(item.reference.record.title == expected.title)
                    #expect(item.locator == expected.pages)
                    if let target = expected.short_form_of {
                        #expect(item.antecedent == ReferencePosition(entry: target, index: 0))
                    }
                }
            }
        }
    }

    @Test("ibid follows the chain to the full work, keeping its own page")
    func ibidChain() {
        let entries = [
            "9 Bilal N. Şimşir, Azerbaycan, Bilgi Yayınevi, Ankara, 2011, s. 33-35.",
            "10 Şimşir, Azerbaycan, s. 97-99.",
            "11 Age, s. 104.",
            "12 a.g.e.",
            "13 Ibid., p. 7.",
        ].map(ReferenceParser.parse)
        let resolved = FootnoteChainResolver.resolve(entries)
        #expect(resolved.map(\.reference.form) == [.full, .shortForm, .ibid, .ibid, .ibid])
        #expect(resolved.map(\.antecedent) == [nil, .init(entry: 9, index: 0), .init(entry: 10, index: 0), .init(entry: 11, index: 0), .init(entry: 12, index: 0)])
        #expect(resolved.allSatisfy { $0.work == ReferencePosition(entry: 9, index: 0) })
        #expect(resolved.map(\.locator) == ["33-35", "97-99", "104", nil, "7"])
        let records = FootnoteChainResolver.records(resolved)
        #expect(records[.init(entry: 11, index: 0)]?.publisher == "Bilgi Yayınevi")
    }

    @Test("a short form with a title that matches nothing falls back to the author's latest work; an unknown author stays unresolved")
    func shortFormFallback() {
        let entries = [
            "1 Ahmet Yüce, “The Caucasus and the World”, International Scientific Journal, 21, 2016, s. 7.",
            "2 Yüce, Another Title, s. 3.",
            "3 Smith, Nothing Known, s. 4.",
        ].map(ReferenceParser.parse)
        let resolved = FootnoteChainResolver.resolve(entries)
        #expect(resolved[1].work == ReferencePosition(entry: 1, index: 0))
        #expect(resolved[2].reference.form == .shortForm)
        #expect(resolved[2].work == nil)
    }
}

@Suite("Source bibliography from footnotes")
struct SourceBibliographyTests {
    @Test func seed002FootnotesBecomeRecordsPerFootnote() throws {
        let gold = try GoldFootnote.all()
        let source = try SourceID("002_ccf2ee7b6882ff5b")
        let footnotes = gold.map { FootnoteText(number: $0.number, span: nil, text: $0.text) }
        let bibliography = SourceBibliography.build(source: source, footnotes: footnotes, list: nil)
        // 41 footnotes with a full reference (commentary 13 and 48 among them), and footnote 17's second one.
        #expect(bibliography.records.count == 42)
        #expect(Set(bibliography.records.map(\.id)).count == bibliography.records.count)
        #expect(bibliography.footnotes[12]?.map(\.record.id) == bibliography.footnotes[9]?.map(\.record.id))
        #expect(bibliography.footnotes[12]?.map(\.locator) == ["104"])
        #expect(bibliography.footnotes[17]?.count == 2)
        #expect(bibliography.footnotes[57]?.map(\.record.id) == [bibliography.footnotes[57]?.first?.record.id, bibliography.footnotes[56]?.first?.record.id].compactMap { $0 })
        #expect(bibliography.footnotes[13]?.first?.record.author?.first?.family == "Shahbazov")
        let yuce = try #require(bibliography.footnotes[2]?.first?.record)
        #expect(yuce.custom?.citedLocators == ["7", "59-61", "61", "4"])
        #expect(yuce.custom?.provenance?.first?.source == source)
    }
}
