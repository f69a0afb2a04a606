import Testing
@testable import GlossCore

/// The check context of one text, built by the real pipeline: scanner, segmenter, entry reader, resolver.
private func analysed(_ text: String) -> CheckContext {
    let source = try! SourceID("paper")
    let sourceText = SourceText(text)
    let scan = CitationScanner.scan(sourceText, source: source)
    let annotations = SourceAnnotations(source: source)
    let (_, bibliography, resolution) = ReferenceReport.references(
        source: source, text: text, citations: scan.citations, footnotes: [], annotations: annotations, library: [])
    let metadata = SourceMetadata(id: source, details: SourceDetails(), first: SourceRevision(
        revision: 1, sha256: "x", length: sourceText.scalarCount, file: "paper.txt", importedFrom: "paper.txt",
        importedAt: "2026-01-01T00:00:00Z"))
    var input = SourceCheckInput(metadata: metadata, text: sourceText, citations: scan.citations, footnotes: scan.footnotes,
                                 referenceList: scan.referenceList, annotations: annotations)
    input.bibliography = bibliography
    input.resolution = resolution
    return CheckContext(sources: [input], library: [])
}

/// `gloss check` on a reference list with one of each inconsistency, and on the same text mended.
@Suite("Check rules: citations against the reference list")
struct ReferenceListRuleTests {
    static let entries = [
        "Lindqvist AM. 2010. Fish of the northern lakes. Journal of Limnology 12:1–9.",
        "Okafor CN, Marsh K, Ito S. 2019. Membrane turnover in aged neurons. Journal of Cell Science 132:1–9.",
        "Özdemir T. 2012. Göl ekosistemleri. Ankara: Doğa Yayınları.",
        "Ruiz P, Tanaka H. 2016. Cave biology. Evolution 57:10–24.",
        "Ruiz P, Tanaka H. 2016. Cave biology. Evolution 57:10–24.",
        "Vance W. 2008. An uncited monograph on eels. Oxford: Rowan Press.",
        "Supplementary material is available online from the publisher",
    ]

    static func list(_ entries: [String]) -> String {
        "\n\nReferences\n\n" + entries.joined(separator: "\n\n") + "\n"
    }

    let faulty = analysed("""
    Lakes warm fast (Lindqvst, 2010). Membranes last long (Okafor et al., 2018). Lake ecology in
    Turkey is known (Ozdemir, 2012), and caves too (Ruiz and Tanaka, 2016; Brandt et al., 2011).
    """ + list(entries))

    // The same article with every problem mended.
    let mended = analysed("""
    Lakes warm fast (Lindqvist, 2010). Membranes last long (Okafor et al., 2019). Lake ecology in
    Turkey is known (Özdemir, 2012), eels too (Vance, 2008), and caves (Ruiz and Tanaka, 2016).
    """ + list(Array(entries[0...3]) + [entries[5]]))

    private func messages<R: CheckRule>(_ rule: R.Type, _ context: CheckContext) -> [String] {
        R().findings(in: context).map { "\($0.text ?? ""): \($0.message)" }
    }

    @Test func citedButNotListed() {
        #expect(messages(UnresolvedCitationRule.self, faulty) == [
            "(Ruiz and Tanaka, 2016; Brandt et al., 2011): Brandt et al. 2011 is cited but not in the reference list",
        ])
        #expect(messages(UnresolvedCitationRule.self, mended).isEmpty)
    }

    /// The absent work still gets a stub record, so it is not lost from `gloss refs` and the exports.
    @Test func absentWorkGetsAStub() throws {
        let resolution = try #require(faulty.sources[0].resolution)
        #expect(resolution.stubs.map { $0.author?.first?.family } == ["Brandt"])
        #expect(resolution.resolutions.filter { $0.via == .stub }.count == 1)
    }

    @Test func listedButNeverCited() {
        #expect(messages(UncitedRecordRule.self, faulty) == ["An uncited monograph on eels: reference Vance 2008 is listed but never cited"])
        #expect(messages(UncitedRecordRule.self, mended).isEmpty)
    }

    @Test func yearMismatch() {
        #expect(messages(YearMismatchRule.self, faulty).map { $0.prefix(90) } == [
            "(Okafor et al., 2018): Okafor et al. is cited with 2018 but listed with 2019 (okaforMembrane2019)".prefix(90),
        ])
        #expect(messages(YearMismatchRule.self, mended).isEmpty)
    }

    @Test func authorSpelling() {
        #expect(messages(AuthorMismatchRule.self, faulty).map { $0.prefix(60) } == [
            "(Lindqvst, 2010): cited as 'Lindqvst' but listed as 'Lindqvist'".prefix(60),
            "(Ozdemir, 2012): cited as 'Ozdemir' but listed as 'Özdemir' ".prefix(60),
        ])
        #expect(messages(AuthorMismatchRule.self, mended).isEmpty)
    }

    @Test func duplicateEntry() {
        #expect(messages(DuplicateEntryRule.self, faulty).count == 1)
        #expect(messages(DuplicateEntryRule.self, faulty).first?.contains("Ruiz P, Tanaka H. 2016. Cave biology") == true)
        #expect(messages(DuplicateEntryRule.self, mended).isEmpty)
    }

    @Test func unparsableEntry() {
        #expect(messages(UnparsedEntryRule.self, faulty) == [
            "Supplementary material is available online from the publisher: could not read this entry as a reference",
        ])
        #expect(messages(UnparsedEntryRule.self, mended).isEmpty)
    }

    @Test func numberingGaps() {
        let numbered = analysed("""
        Lakes warm fast [1]. Membranes last long [2, 4]. Caves too [5].

        References

        1. Lindqvist AM. Fish of the northern lakes. J Limnol. 2010;12:1–9.
        2. Okafor CN. Membrane turnover. J Cell Sci. 2019;132:1–9.
        4. Ruiz P. Cave biology. Evolution. 2016;57:10–24.
        4. Tanaka H. Cave fish. Evolution. 2017;58:1–4.
        5. Vance W. Eels. Nature. 2008;3:1–2.
        """)
        #expect(messages(ReferenceNumberingRule.self, numbered) == [
            "4. Ruiz P. Cave biology. Evolution. 2016;57:10–24.: reference 4 follows 2: number 3 is missing",
            "4. Tanaka H. Cave fish. Evolution. 2017;58:1–4.: reference number 4 is used twice",
        ].map { $0.replacingOccurrences(of: "4. Ruiz", with: "Ruiz").replacingOccurrences(of: "4. Tanaka", with: "Tanaka") })
    }
}
