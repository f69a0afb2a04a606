import Testing
@testable import GlossCore

@Suite("Check rules: claims and the store")
struct ClaimRuleTests {
    let sentence = "Türkiye ilk tanıyan ülke olmuştur (Zeytinci, 2025:3). Savaş 44 gün sürdü."

    @Test func claimWithoutCitation() {
        var fixture = CheckFixture(sentence)
        let citation = fixture.cite("(Zeytinci, 2025:3)")
        fixture.claim("Türkiye ilk tanıyan ülke olmuştur", id: "c1", citing: [citation])
        #expect(fixture.findings(ClaimWithoutCitationRule.self).isEmpty)
        fixture.claim("Savaş 44 gün sürdü.", id: "c2")
        let findings = fixture.findings(ClaimWithoutCitationRule.self)
        #expect(findings.map(\.message) == ["claim c2 cites nothing"])
        #expect(findings.first?.severity == .warning)
        #expect(findings.first?.span == fixture.span(of: "Savaş 44 gün sürdü."))
    }

    @Test func claimCitingAMissingCitation() {
        var fixture = CheckFixture(sentence)
        let citation = fixture.cite("(Zeytinci, 2025:3)")
        fixture.claim("Türkiye ilk tanıyan ülke olmuştur", id: "c1", citing: [citation])
        #expect(fixture.findings(ClaimCitationMissingRule.self).isEmpty)
        fixture.citations.removeAll()
        let findings = fixture.findings(ClaimCitationMissingRule.self)
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains("paper:34-52") == true)
        #expect(findings.first?.severity == .error)
    }

    @Test(arguments: [
        (ClaimStatus.anchored, nil), (.moved, nil), (.needsReview, Severity.warning), (.orphaned, .error),
    ] as [(ClaimStatus, Severity?)])
    func claimAnchoring(status: ClaimStatus, expected: Severity?) {
        var fixture = CheckFixture(sentence)
        fixture.claim("Savaş 44 gün sürdü.", id: "c1", status: status)
        #expect(fixture.findings(ClaimAnchoringRule.self).map(\.severity) == (expected.map { [$0] } ?? []))
    }

    @Test func damagedText() {
        var fixture = CheckFixture(sentence)
        #expect(fixture.findings(DamagedTextRule.self).isEmpty)
        fixture.damage = "sources/paper.txt: the text does not match the sha256 recorded for it"
        let findings = fixture.findings(DamagedTextRule.self)
        #expect(findings.map(\.severity) == [.error])
        #expect(findings.first?.hint?.contains("gloss add --revise") == true)
    }

    @Test func checkerSelectsAndOrdersRules() throws {
        #expect(throws: CheckError.self) { try Checker(only: ["no-such-rule"]) }
        let only = try Checker(only: [ClaimAnchoringRule.code])
        #expect(only.rules.map { $0.code } == [ClaimAnchoringRule.code])
        let ignoring = try Checker(ignoring: [ClaimAnchoringRule.code])
        #expect(!ignoring.rules.contains { $0.code == ClaimAnchoringRule.code })

        var fixture = CheckFixture(sentence)
        fixture.claim("Savaş 44 gün sürdü.", id: "c2", status: .needsReview)
        fixture.claim("Türkiye ilk tanıyan ülke olmuştur", id: "c1")
        let findings = try Checker().run(fixture.context)
        #expect(findings.map(\.rule) == ["claim-without-citation", "claim-anchoring", "claim-without-citation"])
    }

    @Test func acceptedFindingsAreNotReported() throws {
        var fixture = CheckFixture(sentence)
        fixture.claim("Savaş 44 gün sürdü.", id: "c2")
        fixture.claim("Türkiye ilk tanıyan ülke olmuştur", id: "c1")
        let key = "claim-without-citation@\(fixture.span(of: "Savaş 44 gün sürdü.").start)-\(fixture.span(of: "Savaş 44 gün sürdü.").end)"
        fixture.annotations.acceptedFindings = [AcceptedFinding(finding: key, note: "the author's own conclusion")]
        let findings = try Checker(only: [ClaimWithoutCitationRule.code]).run(fixture.context)
        #expect(findings.map(\.message) == ["claim c1 cites nothing"])
    }

    @Test func reportGroupsBySourceWithLineAndColumn() {
        var fixture = CheckFixture("Başlık\n" + sentence)
        fixture.claim("Savaş 44 gün sürdü.", id: "c2")
        let findings = fixture.findings(ClaimWithoutCitationRule.self)
        let report = CheckReport.render(findings, texts: [fixture.source: fixture.text], checkedSources: 1)
        #expect(report.hasPrefix("paper\n  2:55 warning [claim-without-citation@61-80] claim c2 cites nothing: “Savaş 44 gün sürdü.”\n"))
        #expect(report.hasSuffix("0 errors, 1 warning, 0 info in 1 source\n"))
    }
}

@Suite("Check rules: the library")
struct LibraryRuleTests {
    private func record(_ id: String, title: String?, family: String, year: Int, url: String? = nil) -> BibRecord {
        var record = BibRecord(id: id, type: "article-journal")
        record.title = title
        record.author = [CSLName(family: family, given: "A.")]
        record.issued = CSLDate(year: year)
        record.url = url
        return record
    }

    @Test func duplicateRecords() {
        var fixture = CheckFixture("metin")
        fixture.library = [
            record("yuce2016", title: "The Caucasus and the World", family: "Yüce", year: 2016),
            record("yuce2016a", title: "The Caucasus and the World.", family: "YÜCE", year: 2016),
            // Same title, another year: a new edition, not a duplicate.
            record("yuce2018", title: "The Caucasus and the World", family: "Yüce", year: 2018),
            record("nato1", title: "Partnership for Peace", family: "NATO", year: 2023, url: "https://www.nato.int/cps/en/natohq/topics_50349.htm"),
            record("nato2", title: "PfP Programme", family: "NATO", year: 2022, url: "http://nato.int/cps/en/natohq/topics_50349.htm/"),
        ]
        let findings = fixture.findings(DuplicateRecordRule.self)
        #expect(findings.map(\.message).sorted() == [
            "records nato1, nato2 look like one work (same URL)",
            "records yuce2016, yuce2016a look like one work (same title, author and year)",
        ])
        #expect(findings.allSatisfy { $0.source == nil && $0.severity == .warning })
    }
}

@Suite("Accepted findings across revisions")
struct AcceptedFindingCarryOverTests {
    @Test func acceptedSpansMoveWithTheText() throws {
        let old = SourceText("Giriş.\nYüce (2023) yazıyor (Yüce, 2022).\n")
        let new = SourceText("Giriş.\nYeni bir paragraf eklendi.\nYüce (2023) yazıyor (Yüce, 2022).\n")
        var annotations = SourceAnnotations(source: try SourceID("paper"))
        annotations.acceptedFindings = [
            AcceptedFinding(finding: "year-typo@27-39", note: "two works"),
            AcceptedFinding(finding: "duplicate-record", note: "kept on purpose"),
        ]
        #expect(annotations.acceptedFindings[0].span == TextSpan(start: 27, end: 39))
        annotations.carryCitations(through: TextDiff(from: old, to: new), to: new)
        #expect(annotations.acceptedFindings.map(\.finding) == ["year-typo@54-66", "duplicate-record"])
        #expect(new.slice(TextSpan(start: 54, end: 66)) == "(Yüce, 2022)")
    }
}
