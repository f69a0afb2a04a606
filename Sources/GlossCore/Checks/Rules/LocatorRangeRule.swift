import Foundation

/// Page locators that cannot be right: a reversed range (`57-55`), or a page outside the page range
/// of the article or chapter it cites (from a reference list or the library).
public struct LocatorRangeRule: CheckRule {
    public static let code = "locator-range"
    public static let summary = "a locator is a reversed range, or lies outside the cited record's pages"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        context.sources.flatMap { source -> [Finding] in
            var findings: [Finding] = []
            let resolutions = Dictionary(grouping: source.resolution?.resolutions ?? [], by: \.citation)
            var records: [String: BibRecord] = [:]
            for record in context.library + (source.bibliography?.referenceList.map(\.record) ?? []) { records[record.id] = record }
            for citation in source.citations {
                for (index, item) in citation.items.enumerated() {
                    guard let locator = item.locator, let pages = Self.pages(locator) else { continue }
                    if pages.upperBound < pages.lowerBound {
                        findings.append(Finding(
                            rule: Self.code, severity: .error, source: source.metadata.id, span: citation.span, text: citation.text,
                            message: "page range \(locator) runs backwards",
                            hint: "write it low to high, e.g. \(pages.upperBound)-\(pages.lowerBound)"))
                        continue
                    }
                    let linked = resolutions[citation.id]?.first { $0.item == index && $0.status == .linked }
                    // Footnote records carry the pages a footnote cites, not the work's range: only
                    // records from a reference list or the library have a range to compare with.
                    guard let resolution = linked, resolution.via == .referenceList || resolution.via == .library else { continue }
                    for key in resolution.records {
                        guard let page = records[key]?.page, let range = Self.pages(page),
                              range.lowerBound < range.upperBound,
                              pages.lowerBound < range.lowerBound || pages.upperBound > range.upperBound else { continue }
                        findings.append(Finding(
                            rule: Self.code, severity: .warning, source: source.metadata.id, span: citation.span, text: citation.text,
                            message: "page \(locator) is outside the pages of \(key) (\(page))",
                            hint: "check the page against the work"))
                    }
                }
            }
            return findings
        }
    }

    /// The first and last page of a locator such as `57-58`, `s. 229`, `pp. 5–6`, `с. 45`; nil when
    /// it holds no page number (a date, a section).
    static func pages(_ locator: String) -> (lowerBound: Int, upperBound: Int)? {
        var text = Substring(locator.trimmingCharacters(in: .whitespaces))
        for prefix in ["pp.", "ss.", "p.", "s.", "с.", "səh.", "S."] where text.hasPrefix(prefix) {
            text = text.dropFirst(prefix.count)
            break
        }
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "–" }).map { $0.trimmingCharacters(in: .whitespaces) }
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && Int($0) != nil }) else {
            return nil
        }
        let first = Int(parts[0])!
        guard parts.count == 2 else { return (first, first) }
        var last = Int(parts[1])!
        // `1355-56` abbreviates `1355-1356`.
        if parts[1].count < parts[0].count, last < first {
            let scale = repeatElement(10, count: parts[1].count).reduce(1, *)
            last = first / scale * scale + last
        }
        return (first, last)
    }
}
