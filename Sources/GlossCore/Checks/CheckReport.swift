/// Renders findings for people: grouped by source, one line each with line:column, then a hint,
/// and a summary line.
public enum CheckReport {
    /// The text report. `texts` gives line:column for findings with spans; a finding on a known
    /// page says which (`12:5 page 3`).
    public static func render(_ findings: [Finding], texts: [SourceID: SourceText], checkedSources: Int) -> String {
        var out = ""
        var current: SourceID??
        for finding in findings {
            if current != .some(finding.source) {
                if current != nil { out += "\n" }
                out += (finding.source.map { "\($0)" } ?? "workspace") + "\n"
                current = .some(finding.source)
            }
            var location = ""
            if let source = finding.source, let span = finding.span, let text = texts[source], span.end <= text.scalarCount {
                let (line, column) = text.lineColumn(ofScalar: span.start)
                location = "\(line):\(column) "
            }
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
        if !findings.isEmpty { out += "\n" }
        out += summary(findings, checkedSources: checkedSources) + "\n"
        return out
    }

    /// `3 errors, 5 warnings, 1 info in 5 sources`.
    public static func summary(_ findings: [Finding], checkedSources: Int) -> String {
        func count(_ severity: Severity, _ noun: String) -> String {
            let n = findings.filter { $0.severity == severity }.count
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
