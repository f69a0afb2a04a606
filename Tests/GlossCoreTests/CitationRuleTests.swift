import Testing
@testable import GlossCore

@Suite("Check rules: citations")
struct CitationRuleTests {
    private func item(_ author: String?, _ year: String?, _ locator: String? = nil) -> CitationItem {
        CitationItem(author: author, year: year, locator: locator)
    }

    @Test func malformedCitations() {
        var fixture = CheckFixture("Birinci (Kuzio, Taras, “Geopolitical,104). İkinci (Cornell, 2001: 94). Üçüncü (Veliev).")
        fixture.cite("(Kuzio, Taras, “Geopolitical,104)", items: [CitationItem(author: "Kuzio, Taras", locator: "104", titleFragment: "“Geopolitical")], malformed: true)
        fixture.cite("(Cornell, 2001: 94)", items: [item("Cornell", "2001", "94")])
        #expect(fixture.findings(MalformedCitationRule.self).map(\.severity) == [.error])
        fixture.cite("(Veliev)", items: [item("Veliev", nil)])
        let findings = fixture.findings(MalformedCitationRule.self)
        #expect(findings.map(\.severity) == [.error, .warning])
        #expect(findings.last?.message == "Veliev is cited without a year")
    }

    @Test func mixedSeparatorsForOneWork() {
        let text = "A (Zeytinci, 2025:3). B (Zeytinci, 2025:4). C (Zeytinci, 2025.4). D (Özsoy, 2023.588). E (Karabulut, 2021:2)."
        var fixture = CheckFixture(text)
        fixture.cite("(Zeytinci, 2025:3)", items: [item("Zeytinci", "2025", "3")])
        fixture.cite("(Zeytinci, 2025:4)", items: [item("Zeytinci", "2025", "4")])
        fixture.cite("(Zeytinci, 2025.4)", items: [item("Zeytinci", "2025", "4")])
        // A different work with its own single form is not "the same work cited differently".
        fixture.cite("(Özsoy, 2023.588)", items: [item("Özsoy", "2023", "588")])
        fixture.cite("(Karabulut, 2021:2)", items: [item("Karabulut", "2021", "2")])
        let findings = fixture.findings(LocatorFormRule.self)
        #expect(findings.count == 1)
        #expect(findings.first?.span == fixture.span(of: "(Zeytinci, 2025.4)"))
        #expect(findings.first?.message.hasPrefix("Zeytinci 2025 is cited with '.' here but ':' elsewhere") == true)
    }

    @Test(arguments: [
        // A single page and a range take their own abbreviations (APA p./pp., Turkish s./ss.): one form.
        (("(Smith, 2019, p. 4)", "Smith", "2019", "4"), ("(Smith, 2019, pp. 5-6)", "Smith", "2019", "5-6"), false),
        (("(Kaya, 2020, ss. 4–6)", "Kaya", "2020", "4–6"), ("(Kaya, 2020, s. 9)", "Kaya", "2020", "9"), false),
        (("(Smith, 2019, p. 4)", "Smith", "2019", "4"), ("(Smith, 2019: 5)", "Smith", "2019", "5"), true),
        (("(Smith, 2019, pp. 4-5)", "Smith", "2019", "4-5"), ("(Smith, 2019, s. 5)", "Smith", "2019", "5"), true),
        (("(Yılmaz, 2021, s. 12)", "Yılmaz", "2021", "12"), ("(Yılmaz, 2021: 14)", "Yılmaz", "2021", "14"), true),
        // Spacing alone is not a different form.
        (("(Oran, 1998: 463)", "Oran", "1998", "463"), ("(Oran, 1998:455-467)", "Oran", "1998", "455-467"), false),
        // Different works.
        (("(Oran, 1998: 463)", "Oran", "1998", "463"), ("(Oran, 1999. 12)", "Oran", "1999", "12"), false),
    ] as [((String, String, String, String), (String, String, String, String), Bool)])
    func separatorForms(first: (String, String, String, String), second: (String, String, String, String), reported: Bool) {
        var fixture = CheckFixture("\(first.0) ve \(second.0)")
        for (written, author, year, locator) in [first, second] {
            fixture.cite(written, items: [item(author, year, locator)])
        }
        #expect(fixture.findings(LocatorFormRule.self).isEmpty == !reported)
    }

    /// The hint writes the norm's abbreviation in the number the locator needs.
    @Test(arguments: [
        ("(Lee, 2018, p. 3) (Lee, 2018, pp. 7–9) (Lee, 2018: 12-14)", "(Lee, 2018: 12-14)", "e.g. 2018, pp. 12-14"),
        ("(Lee, 2018, pp. 3-4) (Lee, 2018, pp. 7–9) (Lee, 2018: 12)", "(Lee, 2018: 12)", "e.g. 2018, p. 12"),
        ("(Ak, 2018, s. 3) (Ak, 2018, s. 8) (Ak, 2018.12-14)", "(Ak, 2018.12-14)", "e.g. 2018, ss. 12-14"),
        ("(Ak, 2018: 3) (Ak, 2018: 5) (Ak, 2018, s. 12-14)", "(Ak, 2018, s. 12-14)", "e.g. 2018:12-14"),
    ])
    func locatorHintTakesTheRightAbbreviation(text: String, odd: String, hint: String) throws {
        var fixture = CheckFixture(text)
        // Each citation's author, year and locator (its last run of digits and dashes).
        let pattern = /\((\w+), (\d{4})[^)]*?([\d–-]+)\)/
        for match in text.matches(of: pattern) {
            fixture.cite(String(match.output.0), items: [item(String(match.output.1), String(match.output.2), String(match.output.3))])
        }
        let findings = fixture.findings(LocatorFormRule.self)
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.span == fixture.span(of: odd))
        #expect(finding.hint?.hasSuffix(hint) == true, "\(String(describing: finding.hint))")
    }

    @Test func authorVariants() {
        var fixture = CheckFixture("(Aslanlı, 2010: 144) (Aslanlı, 2010: 150) (Aslanli, 2010: 9) (Erarslan, 2021) (Eraslan, 2021) (Musa, 2000) (Mesa, 2001) (Rahimov, 2021)")
        fixture.cite("(Aslanlı, 2010: 144)", items: [item("Aslanlı", "2010", "144")])
        fixture.cite("(Aslanlı, 2010: 150)", items: [item("Aslanlı", "2010", "150")])
        fixture.cite("(Aslanli, 2010: 9)", items: [item("Aslanli", "2010", "9")])
        fixture.cite("(Erarslan, 2021)", items: [item("Erarslan", "2021")])
        fixture.cite("(Eraslan, 2021)", items: [item("Eraslan", "2021")])
        // Short names one letter apart are different people far too often to report.
        fixture.cite("(Musa, 2000)", items: [item("Musa", "2000")])
        fixture.cite("(Mesa, 2001)", items: [item("Mesa", "2001")])
        fixture.cite("(Rahimov, 2021)", items: [item("Rahimov", "2021")])
        let findings = fixture.findings(AuthorVariantRule.self)
        #expect(findings.map(\.span) == [fixture.span(of: "(Aslanli, 2010: 9)"), fixture.span(of: "(Eraslan, 2021)")]
                || findings.map(\.span) == [fixture.span(of: "(Aslanli, 2010: 9)"), fixture.span(of: "(Erarslan, 2021)")])
        #expect(findings.first?.message.contains("variants: Aslanli, Aslanlı") == true)
    }

    @Test func nameFolding() {
        #expect(NameFolding.key("ASLANLI") == NameFolding.key("Aslanlı"))
        #expect(NameFolding.key("Məmmədov") == "memmedov")
        #expect(NameFolding.key("Deveci Bozkuş’a") == "deveci bozkusa")
        #expect(NameFolding.key("Özdemir-Kantar") == "ozdemir kantar")
        #expect(NameFolding.distance("mededi", "memmedov", limit: 5) == 4)
        #expect(NameFolding.distance("kitten", "sitting", limit: 1) == 2)
    }

    @Test func yearTypos() {
        var fixture = CheckFixture("(Cornell, 2001: 94) (Cornell, 2001: 96) (Cornell, 2010: 3) (Yüce, 2023) (Yüce, 2023) (Yüce, 2028) (Anadolu Ajansı, 2021) (Anadolu Ajansı, 2021) (Anadolu Ajansı, 2020) (Rahimov, 2022) (Rahimov, 2021)")
        fixture.cite("(Cornell, 2001: 94)", items: [item("Cornell", "2001", "94")])
        fixture.cite("(Cornell, 2001: 96)", items: [item("Cornell", "2001", "96")])
        fixture.cite("(Cornell, 2010: 3)", items: [item("Cornell", "2010", "3")])
        fixture.cite("(Yüce, 2023)", items: [item("Yüce", "2023")])
        fixture.cite("(Yüce, 2028)", items: [item("Yüce", "2028")])
        // Neighbouring years are usually two works (news items above all), not a typo.
        fixture.cite("(Anadolu Ajansı, 2021)", items: [item("Anadolu Ajansı", "2021")])
        fixture.citations.append(Citation(source: fixture.source, span: fixture.span(of: "(Anadolu Ajansı, 2021)", occurrence: 1),
                                          text: "(Anadolu Ajansı, 2021)", kind: .parenthetical, items: [item("Anadolu Ajansı", "2021")]))
        fixture.cite("(Anadolu Ajansı, 2020)", items: [item("Anadolu Ajansı", "2020")])
        fixture.citations.append(Citation(source: fixture.source, span: fixture.span(of: "(Yüce, 2023)", occurrence: 1),
                                          text: "(Yüce, 2023)", kind: .parenthetical, items: [item("Yüce", "2023")]))
        // Two works a year apart, each cited once, are just two works.
        fixture.cite("(Rahimov, 2022)", items: [item("Rahimov", "2022")])
        fixture.cite("(Rahimov, 2021)", items: [item("Rahimov", "2021")])
        let findings = fixture.findings(YearTypoRule.self).sorted { $0.span! < $1.span! }
        #expect(findings.map(\.span) == [fixture.span(of: "(Cornell, 2010: 3)"), fixture.span(of: "(Yüce, 2028)")])
        #expect(findings.first?.message.contains("2010 may be a typo for 2001") == true)
    }
}
