import GlossCore

/// The human listing of `gloss cites`: per source, each citation with line:column, offsets, kind,
/// its text (whitespace collapsed) and its parsed items; detections a person rejected are marked.
public enum CitationListing {
    /// Renders the citations of one source; `lines` gives line:column positions, `rejected` the
    /// detections rejected with `gloss cite reject`; for a text whose pages are known (`revision`
    /// of a PDF), each citation's page is shown beside its line.
    public static func render(source: SourceID, lines: LineIndex?, citations: [Citation], footnotes: Int,
                              rejected: Set<CitationID> = [], revision: SourceRevision? = nil) -> String {
        let paged = revision?.pages?.isEmpty == false
        var out = "\(source)  \(citations.count) citation\(citations.count == 1 ? "" : "s")"
        let rejectedCount = citations.filter { rejected.contains($0.id) }.count
        if rejectedCount > 0 { out += " (\(rejectedCount) rejected)" }
        if footnotes > 0 { out += ", \(footnotes) footnote text\(footnotes == 1 ? "" : "s")" }
        out += "\n"
        for citation in citations {
            var position = ""
            if let lines {
                let (line, column) = lines.lineColumn(ofScalar: citation.span.start)
                position = "\(line):\(column)"
            }
            if paged { position += " page \(revision?.page(at: citation.span.start) ?? 0)" }
            let items = citation.items.map(describe).joined(separator: "; ")
            let flag = (citation.malformed ? "  MALFORMED" : "") + (rejected.contains(citation.id) ? "  REJECTED" : "")
            let width = paged ? 17 : 9
            out += "  \(pad(position, width)) \(pad(citation.span.description, 13)) \(pad(citation.kind.rawValue, 15)) \(collapse(citation.text))\(flag)\n"
            out += "  \(pad("", width)) \(pad("", 13)) \(pad("", 15)) → \(items)\n"
        }
        return out
    }

    static func describe(_ item: CitationItem) -> String {
        var parts: [String] = []
        if let prefix = item.prefix { parts.append("prefix \(prefix)") }
        if let author = item.author { parts.append("author \(author)") }
        if let year = item.year { parts.append("year \(year)") }
        if let locator = item.locator { parts.append("at \(locator)") }
        if let ref = item.ref { parts.append("ref \(ref)") }
        if let fragment = item.titleFragment { parts.append("title fragment \(fragment)") }
        return parts.joined(separator: ", ")
    }

    /// `text` with each run of white space made one space, none at either end.
    static func collapse(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            // ASCII white space decided without the property lookup: it is nearly all the text.
            if scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func pad(_ s: String, _ width: Int) -> String {
        let n = s.unicodeScalars.count
        return n >= width ? s : s + String(repeating: " ", count: width - n)
    }
}
