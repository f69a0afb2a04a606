import Testing
@testable import GlossCore

/// `gloss check` source by source: the findings of the rules of source scope for each source, then
/// those of workspace scope over each source's `SourceCheckResult`, are the findings of the whole
/// run; and a source's result does not depend on the other sources.
@Suite("Check scopes")
struct CheckScopeTests {
    private func item(_ author: String, _ year: String, _ locator: String? = nil) -> CitationItem {
        CitationItem(author: author, year: year, locator: locator)
    }

    /// Two sources that spell one author two ways, with locator forms that differ inside one of
    /// them, a malformed citation, and a library holding one work twice.
    private func workspace() -> CheckContext {
        var paper = CheckFixture("Birinci (Aslanlı, 2020: 4). İkinci (Smith, 2019:3) ve (Smith, 2019.4). Son (Kuzio, Taras, “Geo,104).", id: "paper")
        paper.cite("(Aslanlı, 2020: 4)", items: [item("Aslanlı", "2020", "4")])
        paper.cite("(Smith, 2019:3)", items: [item("Smith", "2019", "3")])
        paper.cite("(Smith, 2019.4)", items: [item("Smith", "2019", "4")])
        paper.cite("(Kuzio, Taras, “Geo,104)", items: [CitationItem(author: "Kuzio, Taras", locator: "104")], malformed: true)
        var other = CheckFixture("Burada (Aslanli, 2020) ve yine (Aslanli, 2020: 7).", id: "other")
        other.cite("(Aslanli, 2020)", items: [item("Aslanli", "2020")])
        other.cite("(Aslanli, 2020: 7)", items: [item("Aslanli", "2020", "7")])
        var first = BibRecord(id: "a", type: "book")
        first.doi = "10.1/X"
        var second = BibRecord(id: "b", type: "book")
        second.doi = "10.1/x"
        return CheckContext(sources: other.context.sources + paper.context.sources, library: [first, second])
    }

    /// The findings as `gloss check` now works them out: per source, then across sources.
    private func bySource(_ checker: Checker, _ context: CheckContext) -> [Finding] {
        let results = context.sources.map { SourceCheckResult(checking: $0, with: checker, library: context.library) }
        let views = zip(context.sources, results).map { $1.workspaceView(of: $0.metadata) }
        let across = checker.workspaceFindings(CheckContext(sources: views, library: context.library))
        return (results.flatMap(\.findings) + across).sorted(by: Checker.precedes)
    }

    @Test func sourceBySourceEqualsTheWholeRun() throws {
        let context = workspace()
        let checker = try Checker()
        let whole = checker.run(context)
        #expect(Set(whole.map(\.rule)).isSuperset(of: ["author-variant", "inconsistent-locator-form", "malformed-citation", "duplicate-record"]))
        #expect(bySource(checker, context) == whole)
        // With a finding of each scope accepted, and with rules left out, still the same.
        var accepted = context
        let variant = try #require(whole.first { $0.rule == "author-variant" })
        let malformed = try #require(whole.first { $0.rule == "malformed-citation" })
        for index in accepted.sources.indices {
            for finding in [variant, malformed] where finding.source == accepted.sources[index].metadata.id {
                accepted.sources[index].annotations.acceptedFindings.append(AcceptedFinding(finding: finding.acceptanceKey, note: "fine"))
            }
        }
        let fewer = checker.run(accepted)
        #expect(fewer.count == whole.count - 2)
        #expect(bySource(checker, accepted) == fewer)
        let some = try Checker(ignoring: ["duplicate-record", "malformed-citation"])
        #expect(bySource(some, context) == some.run(context))
    }

    /// A source's result: its own findings only, where they stand, and its author-date citations.
    @Test func aSourceResultHoldsItsOwnFindings() throws {
        let context = workspace()
        let alone = SourceCheckResult(checking: context.sources[1], with: try Checker(), library: context.library)
        #expect(!alone.findings.isEmpty)
        #expect(alone.findings.allSatisfy { $0.source == context.sources[1].metadata.id })
        #expect(!alone.findings.contains { $0.rule == "author-variant" })
        // Line:column of each finding: the fixture text is one line.
        #expect(alone.positions.compactMap { $0?.line } == Array(repeating: 1, count: alone.findings.count))
        #expect(alone.authorDateCitations.count == 3)
    }
}
