import Foundation
import GlossCore

/// The reading view of one source as HTML: its text in paragraphs with every citation
/// highlighted by kind and standing, claims highlighted with their tags, the findings of
/// `gloss check` beside the paragraphs they concern, the records cited, and the data the page's
/// script shows on a click (parsed items, linked records, claims). Shared by `gloss report` and
/// `gloss serve`; everything from the workspace is escaped.
///
/// The text inside each paragraph element is exactly the stored text of its span (`data-s`,
/// `data-e`, code points), with no other text between, so the script can turn a selection into
/// code-point offsets.
public struct ReadingViewHTML {
    public let source: ReadingSource

    public init(_ source: ReadingSource) {
        self.source = source
    }

    /// The element id of a citation's highlight (`#c-…` links to it).
    public static func citationAnchor(_ id: CitationID) -> String {
        "c-\(HTMLEscape.identifier(id.source.rawValue))-\(id.span.start)-\(id.span.end)"
    }

    /// The element id of a record in a source's list of records cited.
    public static func recordAnchor(source: SourceID, key: String) -> String {
        "r-\(HTMLEscape.identifier(source.rawValue))-\(HTMLEscape.identifier(key))"
    }

    /// The `<article>` of the source.
    public func article() throws -> String {
        var out = ""
        out.reserveCapacity(source.text.utf8.count * 2)
        let id = source.metadata.id
        out += "<article class=\"source\" id=\"s-\(HTMLEscape.identifier(id.rawValue))\" data-source=\"\(HTMLEscape.text(id.rawValue))\">\n"
        header(&out)
        body(&out)
        records(&out)
        out += "<script type=\"application/json\" class=\"reading-data\">\(HTMLEscape.scriptJSON(try data()))</script>\n"
        out += "</article>\n"
        return out
    }

    // MARK: Header

    private func header(_ out: inout String) {
        let metadata = source.metadata
        out += "<header>\n<h2>\(HTMLEscape.text(metadata.title ?? metadata.id.rawValue))</h2>\n<p class=\"meta\">"
        var parts: [String] = []
        if !metadata.authors.isEmpty { parts.append(metadata.authors.joined(separator: ", ")) }
        if let year = metadata.year { parts.append(String(year)) }
        if !metadata.languages.isEmpty { parts.append(metadata.languages.joined(separator: ", ")) }
        parts.append("\(metadata.id) · revision \(metadata.revision)")
        out += HTMLEscape.text(parts.joined(separator: " · "))
        out += "</p>\n<p class=\"legend\">"
        out += "\(source.citations.count) citations:"
        for standing in CitationStanding.allCases {
            let count = source.citations.filter { $0.standing == standing }.count
            out += " <span class=\"cite st-\(standing.rawValue)\">\(count) \(standing.rawValue)</span>"
        }
        let claims = source.claims.count
        out += " · <span class=\"claim\">\(claims) claim\(claims == 1 ? "" : "s")</span>"
        for severity in Severity.allCases.reversed() {
            let count = source.findings.filter { $0.severity == severity }.count
            if count > 0 { out += " · <span class=\"sev-\(severity.rawValue)\">\(count) \(severity.rawValue)\(count == 1 ? "" : "s")</span>" }
        }
        out += "</p>\n</header>\n"
    }

    // MARK: Text

    /// A citation as placed: its span clipped so that none overlaps the one before.
    private struct Placed {
        var index: Int
        var span: TextSpan
    }

    private func body(_ out: inout String) {
        let paragraphs = source.paragraphs
        // Each finding beside the paragraph it starts in (or the one before); those without a
        // span, or before the first paragraph, above the text.
        var beside = [[Finding]](repeating: [], count: paragraphs.count)
        var above: [Finding] = []
        for finding in source.findings {
            guard let span = finding.span, let index = paragraphIndex(at: span.start) else { above.append(finding); continue }
            beside[index].append(finding)
        }
        if !above.isEmpty {
            out += "<ul class=\"source-findings\">\n"
            for finding in above { out += "<li>"; findingHTML(finding, &out); out += "</li>\n" }
            out += "</ul>\n"
        }
        var placed: [Placed] = []
        var lastEnd = 0
        for (index, citation) in source.citations.enumerated() {
            let start = max(citation.citation.span.start, lastEnd)
            let end = max(citation.citation.span.end, start)
            placed.append(Placed(index: index, span: TextSpan(start: start, end: end)))
            lastEnd = end
        }
        var nextCitation = 0
        out += "<div class=\"reading\">\n"
        for (number, paragraph) in paragraphs.enumerated() {
            // Citations before this paragraph (in a gap the splitter left out) go with it.
            let first = nextCitation
            while nextCitation < placed.count, placed[nextCitation].span.start < paragraph.end
                || (number == paragraphs.count - 1 && nextCitation < placed.count) {
                nextCitation += 1
            }
            out += "<div class=\"row\"><p class=\"para\" data-s=\"\(paragraph.start)\" data-e=\"\(paragraph.end)\">"
            paragraphHTML(paragraph, citations: placed[first..<nextCitation], &out)
            out += "</p>"
            let claims = source.claims.filter { paragraphIndex(at: $0.position.start) == number }
            if !claims.isEmpty || !beside[number].isEmpty {
                out += "<aside>"
                for claim in claims { claimNote(claim, &out) }
                for finding in beside[number] { out += "<div class=\"finding\">"; findingHTML(finding, &out); out += "</div>" }
                out += "</aside>"
            }
            out += "</div>\n"
        }
        out += "</div>\n"
    }

    /// The paragraph whose span holds `offset`, else the last one starting before it.
    private func paragraphIndex(at offset: Int) -> Int? {
        var low = 0
        var high = source.paragraphs.count - 1
        var found: Int?
        while low <= high {
            let mid = (low + high) / 2
            if source.paragraphs[mid].start <= offset { found = mid; low = mid + 1 } else { high = mid - 1 }
        }
        return found
    }

    private func paragraphHTML(_ paragraph: TextSpan, citations: ArraySlice<Placed>, _ out: inout String) {
        // Citations the splitter left outside every paragraph are drawn empty, so none goes missing.
        let inside = citations.filter { paragraph.start <= $0.span.start && $0.span.end <= paragraph.end }
        for outside in citations where !(paragraph.start <= outside.span.start && outside.span.end <= paragraph.end) {
            openCitation(outside.index, &out)
            out += "</mark>"
        }
        let claims = source.claims.filter { $0.position.start < paragraph.end && $0.position.end > paragraph.start }
        let findings = source.findings.filter { finding in
            finding.span.map { $0.start < paragraph.end && $0.end > paragraph.start } ?? false
        }
        var points = Set([paragraph.start, paragraph.end])
        for placed in inside { points.insert(placed.span.start); points.insert(placed.span.end) }
        for claim in claims { points.insert(max(claim.position.start, paragraph.start)); points.insert(min(claim.position.end, paragraph.end)) }
        for finding in findings {
            if let span = finding.span { points.insert(max(span.start, paragraph.start)); points.insert(min(span.end, paragraph.end)) }
        }
        let sorted = points.sorted()
        var next = inside.startIndex
        var open: Placed?
        for (from, to) in zip(sorted, sorted.dropFirst()) {
            // Empty citations (clipped away by the one before) at this point.
            while next < inside.endIndex, inside[next].span.start == from, inside[next].span.length == 0 {
                openCitation(inside[next].index, &out)
                out += "</mark>"
                next += 1
            }
            if open == nil, next < inside.endIndex, inside[next].span.start == from {
                open = inside[next]
                next += 1
                openCitation(open!.index, &out)
            }
            let segment = TextSpan(start: from, end: to)
            let over = claims.filter { $0.position.start < to && $0.position.end > from }
            let flagged = findings.filter { finding in finding.span.map { $0.start < to && $0.end > from } ?? false }
            var classes: [String] = []
            if !over.isEmpty {
                classes.append(over.count > 1 ? "claim multi" : "claim")
                if over.contains(where: { $0.status != .anchored }) { classes.append("review") }
            }
            if let worst = flagged.map(\.severity).max() { classes.append("find f-\(worst.rawValue)") }
            let text = HTMLEscape.text(source.text.slice(segment))
            if classes.isEmpty {
                out += text
            } else {
                out += "<span class=\"\(classes.joined(separator: " "))\""
                if !over.isEmpty { out += " data-claims=\"\(HTMLEscape.text(over.map(\.id).joined(separator: " ")))\"" }
                out += ">\(text)</span>"
            }
            if let current = open, current.span.end == to {
                out += "</mark>"
                open = nil
            }
        }
        while next < inside.endIndex {
            openCitation(inside[next].index, &out)
            out += "</mark>"
            next += 1
        }
    }

    private func openCitation(_ index: Int, _ out: inout String) {
        let entry = source.citations[index]
        let citation = entry.citation
        var classes = "cite k-\(citation.kind.rawValue) st-\(entry.standing.rawValue)"
        if citation.malformed { classes += " malformed" }
        out += "<mark class=\"\(classes)\" id=\"\(Self.citationAnchor(citation.id))\" data-cite=\"\(HTMLEscape.text(citation.id.description))\" tabindex=\"0\" title=\"\(HTMLEscape.text(tooltip(entry)))\">"
    }

    /// The one-line summary shown on hover.
    private func tooltip(_ entry: ReadingCitation) -> String {
        var parts = ["\(entry.standing.rawValue) \(entry.citation.kind.rawValue)"]
        let records = entry.resolutions.flatMap(\.records)
        if !records.isEmpty {
            parts.append("→ " + records.map { key in source.records[key].map { RecordSummary.authors($0) + year($0).map { " \($0)" }.orEmpty } ?? key }
                .joined(separator: "; "))
        }
        return parts.joined(separator: " ")
    }

    private func claimNote(_ claim: Claim, _ out: inout String) {
        out += "<div class=\"claim-note\" data-claim=\"\(HTMLEscape.text(claim.id))\">"
        out += "<span class=\"claim-id\">\(HTMLEscape.text(claim.id))</span>"
        for tag in claim.tags { out += " <span class=\"tag\">\(HTMLEscape.text(tag))</span>" }
        if claim.status != .anchored { out += " <span class=\"status\">\(claim.status.rawValue)</span>" }
        if let note = claim.note { out += "<div class=\"note\">\(HTMLEscape.text(note))</div>" }
        out += "</div>"
    }

    private func findingHTML(_ finding: Finding, _ out: inout String) {
        out += "<span class=\"sev sev-\(finding.severity.rawValue)\">\(finding.severity.rawValue)</span> "
        if let span = finding.span, span.start <= source.text.scalarCount {
            let (line, column) = source.text.lineColumn(ofScalar: span.start)
            out += "<a class=\"where\" href=\"#\(Self.citationAnchor(CitationID(source: source.metadata.id, span: span)))\">\(line):\(column)</a> "
        }
        out += "<code>\(HTMLEscape.text(finding.rule))</code> \(HTMLEscape.text(finding.message))"
        if let hint = finding.hint { out += "<div class=\"hint\">\(HTMLEscape.text(hint))</div>" }
    }

    // MARK: Records

    private func records(_ out: inout String) {
        guard !source.records.isEmpty else { return }
        var citing: [String: [CitationID]] = [:]
        for entry in source.citations where entry.standing != .rejected {
            for resolution in entry.resolutions where resolution.status == .linked {
                for key in resolution.records where citing[key]?.last != entry.citation.id { citing[key, default: []].append(entry.citation.id) }
            }
        }
        out += "<section class=\"records\">\n<h3>Records cited</h3>\n<ol>\n"
        for key in source.records.keys.sorted() {
            guard let record = source.records[key] else { continue }
            out += "<li id=\"\(Self.recordAnchor(source: source.metadata.id, key: key))\"><code>\(HTMLEscape.text(key))</code> "
            out += HTMLEscape.text(Self.describe(record))
            if record.custom?.stub == true { out += " <span class=\"st-stub\">stub</span>" }
            let citations = citing[key] ?? []
            if !citations.isEmpty {
                out += "<div class=\"cited-at\">cited at"
                for id in citations {
                    let (line, column) = source.text.lineColumn(ofScalar: id.span.start)
                    out += " <a href=\"#\(Self.citationAnchor(id))\">\(line):\(column)</a>"
                }
                out += "</div>"
            }
            out += "</li>\n"
        }
        out += "</ol>\n</section>\n"
    }

    private func year(_ record: BibRecord) -> String? {
        (record.issued?.year.map(String.init) ?? record.issued?.literal).map { $0 + (record.yearSuffix ?? "") }
    }

    /// A record in one line: authors, year, title, container, volume and pages, publisher, DOI or URL.
    public static func describe(_ record: BibRecord) -> String {
        var parts: [String] = []
        let names = (record.author ?? record.editor ?? []).map { name in
            name.literal ?? [name.family, name.given].compactMap { $0 }.joined(separator: ", ")
        }
        if !names.isEmpty { parts.append(names.joined(separator: "; ")) }
        if let year = record.issued?.year.map(String.init) ?? record.issued?.literal { parts.append("(\(year)\(record.yearSuffix ?? ""))") }
        if let title = record.title { parts.append(title + ".") }
        var container: [String] = []
        if let value = record.containerTitle { container.append(value) }
        if let volume = record.volume { container.append(record.issue.map { "\(volume)(\($0))" } ?? volume) }
        if let page = record.page { container.append(page) }
        if !container.isEmpty { parts.append(container.joined(separator: ", ") + ".") }
        let publisher = [record.publisherPlace, record.publisher].compactMap { $0 }
        if !publisher.isEmpty { parts.append(publisher.joined(separator: ": ") + ".") }
        if let doi = record.doi { parts.append("doi:\(doi)") } else if let url = record.url { parts.append(url) }
        return parts.isEmpty ? record.id : parts.joined(separator: " ")
    }

    // MARK: Data for the script

    private struct Data: Encodable {
        var source: String
        var citations: [String: CitationData]
        var records: [String: RecordData]
        var claims: [String: ClaimData]
    }

    private struct CitationData: Encodable {
        var text: String
        var kind: String
        var standing: String
        var malformed: Bool
        var start: Int
        var end: Int
        var line: String
        var items: [CitationItem]
        var resolutions: [ResolutionData]
    }

    private struct ResolutionData: Encodable {
        var item: Int
        var status: String
        var via: String?
        var records: [String]
        var locator: String?
    }

    private struct RecordData: Encodable {
        var anchor: String
        var line: String
        var stub: Bool
    }

    private struct ClaimData: Encodable {
        var start: Int
        var end: Int
        var quote: String
        var tags: [String]
        var note: String?
        var citations: [String]
        var status: String
        var previous: String?
    }

    func data() throws -> String {
        let id = source.metadata.id
        var citations: [String: CitationData] = [:]
        for entry in source.citations {
            let citation = entry.citation
            let (line, column) = source.text.lineColumn(ofScalar: citation.span.start)
            citations[citation.id.description] = CitationData(
                text: citation.text, kind: citation.kind.rawValue, standing: entry.standing.rawValue,
                malformed: citation.malformed, start: citation.span.start, end: citation.span.end, line: "\(line):\(column)",
                items: citation.items,
                resolutions: entry.resolutions.map { ResolutionData(item: $0.item, status: $0.status.rawValue, via: $0.via?.rawValue,
                                                                     records: $0.records, locator: $0.locator) })
        }
        var records: [String: RecordData] = [:]
        for (key, record) in source.records {
            records[key] = RecordData(anchor: Self.recordAnchor(source: id, key: key), line: Self.describe(record),
                                      stub: record.custom?.stub == true)
        }
        var claims: [String: ClaimData] = [:]
        for claim in source.claims {
            claims[claim.id] = ClaimData(start: claim.position.start, end: claim.position.end, quote: claim.quote.exact,
                                         tags: claim.tags, note: claim.note, citations: claim.citations.map(\.description),
                                         status: claim.status.rawValue, previous: claim.reanchoring?.previous?.exact)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(Data(source: id.rawValue, citations: citations, records: records, claims: claims)),
                      as: UTF8.self)
    }
}

private extension Optional where Wrapped == String {
    var orEmpty: String { self ?? "" }
}
