/// Renders findings for people: grouped by source, one line each with line:column, then a hint,
/// and a summary line.
public enum CheckReport {
    /// The text report. `texts` gives line:column for findings with spans; a finding on a known
    /// page says which (`12:5 page 3`).
    public static func render(_ findings: [Finding], texts: [SourceID: SourceText], checkedSources: Int) -> String {
        var report = Writer()
        var out = report.add(findings, positions: findings.map { finding in
            guard let source = finding.source, let span = finding.span, let text = texts[source], span.end <= text.scalarCount else { return nil }
            let (line, column) = text.lineColumn(ofScalar: span.start)
            return SourceCheckResult.LineColumn(line: line, column: column)
        })
        out += report.end(checkedSources: checkedSources)
        return out
    }

    /// The text report written a part at a time, as findings arrive: the same text as `render`
    /// when the parts come in report order.
    public struct Writer: Sendable {
        /// The source of the last finding written; `.none` before the first.
        private var current: SourceID??
        /// The number of findings written of each severity.
        private var counts: [Severity: Int] = [:]

        public init() {}

        /// The lines of `findings`, each at its line:column in `positions` (nil: none shown).
        public mutating func add(_ findings: [Finding], positions: [SourceCheckResult.LineColumn?]) -> String {
            var out = ""
            for (finding, position) in zip(findings, positions) {
                if current != .some(finding.source) {
                    if current != nil { out += "\n" }
                    out += (finding.source.map { "\($0)" } ?? "workspace") + "\n"
                    current = .some(finding.source)
                }
                counts[finding.severity, default: 0] += 1
                var location = position.map { "\($0.line):\($0.column) " } ?? ""
                if let page = finding.page { location += "page \(page) " }
                var line = "  \(location)\(finding.severity.rawValue) [\(finding.acceptanceKey)] \(finding.message)"
                if let text = finding.text {
                    line += ": “\(collapse(text, limit: 80))”"
                }
                out += line + "\n"
                if let hint = finding.hint {
                    out += "      hint: \(hint)\n"
                }
            }
            return out
        }

        /// The end of the report: a blank line after any findings, and the summary line.
        public func end(checkedSources: Int) -> String {
            (current != nil ? "\n" : "") + summary(counts: counts, checkedSources: checkedSources) + "\n"
        }
    }

    /// `3 errors, 5 warnings, 1 info in 5 sources`.
    public static func summary(_ findings: [Finding], checkedSources: Int) -> String {
        summary(counts: Dictionary(grouping: findings, by: \.severity).mapValues(\.count), checkedSources: checkedSources)
    }

    private static func summary(counts: [Severity: Int], checkedSources: Int) -> String {
        func count(_ severity: Severity, _ noun: String) -> String {
            let n = counts[severity] ?? 0
            return "\(n) \(noun)\(n == 1 || noun == "info" ? "" : "s")"
        }
        let sources = "\(checkedSources) source\(checkedSources == 1 ? "" : "s")"
        return "\(count(.error, "error")), \(count(.warning, "warning")), \(count(.info, "info")) in \(sources)"
    }

    /// Whitespace runs to one space, cut to `limit` code points with an ellipsis.
    static func collapse(_ text: String, limit: Int) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard words.unicodeScalars.count > limit else { return words }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: words.unicodeScalars.prefix(limit))
        return String(scalars) + "…"
    }
}
