/// Footnote markers and footnote texts that do not pair up: markers out of order, skipped or
/// repeated, markers without a footnote text, footnote texts without a marker.
public struct FootnoteNumberingRule: CheckRule {
    public static let code = "footnote-numbering"
    public static let summary = "footnote markers out of order, missing, duplicated or without a text; footnote texts without a marker"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        context.sources.flatMap { source in
            Self.findings(markers: source.citations.filter { $0.kind == .footnoteMarker },
                          footnotes: source.footnotes, source: source.metadata.id)
        }
    }

    static func findings(markers: [Citation], footnotes: [Footnote], source: SourceID) -> [Finding] {
        var findings: [Finding] = []
        func report(_ marker: Citation, _ severity: Severity, _ message: String, _ hint: String) {
            findings.append(Finding(rule: code, severity: severity, source: source, span: marker.span, text: marker.text,
                                    message: message, hint: hint))
        }
        let texts = Set(footnotes.map(\.number))
        var seen: [Int: Citation] = [:]
        // A chapter's notes may start in the middle (340).
        var expected = footnotes.map(\.number).min() ?? 1
        if footnotes.isEmpty, let first = markers.first, let last = markers.last {
            findings.append(Finding(
                rule: code, severity: .warning, source: source, span: first.span, text: first.text,
                message: "footnote markers \(first.items.first?.ref ?? 1)–\(last.items.first?.ref ?? 1) have no footnote texts",
                hint: "the texts were probably lost when the PDF was extracted: extract the page bottoms again, or add them"))
            return findings
        }
        for marker in markers {
            guard let number = marker.items.first?.ref else { continue }
            if let first = seen[number] {
                report(marker, .error, "footnote marker \(number) appears twice (first at offset \(first.span.start))",
                       "renumber the footnotes, or cite the earlier footnote with a short form")
            } else if number < expected {
                report(marker, .error, "footnote marker \(number) is out of order: it comes after marker \(expected - 1)",
                       "footnotes must be numbered in the order they appear")
            } else if number > expected {
                let gap = expected == number - 1 ? "\(expected)" : "\(expected)–\(number - 1)"
                report(marker, .warning, "footnote marker \(number) follows \(expected - 1): footnote \(gap) has no marker",
                       "add the missing marker, or renumber")
            }
            if seen[number] == nil {
                seen[number] = marker
                expected = max(expected, number + 1)
            }
            if !texts.isEmpty, !texts.contains(number) {
                report(marker, .error, "footnote marker \(number) has no footnote text",
                       "add the footnote text at the page bottom, or remove the marker")
            }
        }
        for footnote in footnotes where seen[footnote.number] == nil {
            findings.append(Finding(
                rule: code, severity: .warning, source: source, span: footnote.parts.first, text: footnote.text,
                message: "footnote \(footnote.number) has no marker in the text",
                hint: "add its marker after the sentence it supports, or remove the footnote"))
        }
        return findings
    }
}
