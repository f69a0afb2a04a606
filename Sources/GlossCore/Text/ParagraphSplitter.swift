/// Finds the paragraphs of a stored text for exports that need them (TEI).
///
/// Plain texts separate paragraphs by blank lines. PDF extractions put a blank line after every
/// line; there a paragraph ends at a line holding only spaces, or after a line that ends a
/// sentence (`.`, `!`, `?`, `:`) well short of the usual line length. Spans in `excluded`
/// (footnote texts) are left out of the flow; no paragraph break falls inside a span in `unbreakable`
/// (a citation broken over lines). Paragraph spans are trimmed of surrounding whitespace and may
/// contain excluded spans, which the caller skips.
public enum ParagraphSplitter {
    public static func paragraphs(in text: SourceText, excluding excluded: [TextSpan] = [], unbreakable: [TextSpan] = []) -> [TextSpan] {
        let scalars = Array(text.string.unicodeScalars)
        var mask = [Bool](repeating: false, count: scalars.count)
        for span in excluded where span.start >= 0 && span.end <= scalars.count {
            for offset in span.start..<span.end { mask[offset] = true }
        }
        var lines: [(span: TextSpan, separatorBefore: Separator)] = []
        var pending = Separator.none
        var lineStart = 0
        func isExcluded(_ i: Int) -> Bool { mask[i] }
        for index in 0...scalars.count where index == scalars.count || scalars[index] == "\n" {
            // Split the line into pieces outside excluded spans, each trimmed.
            var pieceStart: Int?
            var pieces: [TextSpan] = []
            var hasWhitespace = false
            for i in lineStart..<index {
                if isExcluded(i) {
                    if let s = pieceStart { pieces.append(TextSpan(start: s, end: i)); pieceStart = nil }
                    continue
                }
                if scalars[i].properties.isWhitespace { hasWhitespace = true }
                if pieceStart == nil { pieceStart = i }
            }
            if let s = pieceStart { pieces.append(TextSpan(start: s, end: index)) }
            let trimmed = pieces.compactMap { trim($0, scalars) }
            let wholeLineExcluded = lineStart < index && (lineStart..<index).allSatisfy(isExcluded)
            if trimmed.isEmpty {
                if wholeLineExcluded {
                    // Footnote text: invisible.
                } else if hasWhitespace {
                    pending = .hard
                } else {
                    pending = max(pending, .blank)
                }
            } else {
                for piece in trimmed {
                    lines.append((piece, pending))
                    pending = .none
                }
            }
            lineStart = index + 1
        }
        guard !lines.isEmpty else { return [] }
        let lengths = lines.map(\.span.length).sorted()
        let typical = Double(lengths[min(lengths.count - 1, lengths.count * 3 / 4)])
        // Blank lines between most lines of wrapped length: a PDF extraction. (A short text, or one
        // whose paragraphs are single long lines, is read as plain text.)
        let blankGaps = lines.dropFirst().filter { $0.separatorBefore != .none }.count
        let pdfLike = lines.count >= 20 && Double(blankGaps) >= 0.6 * Double(lines.count - 1) && typical <= 140

        var paragraphs: [TextSpan] = []
        var current = lines[0].span
        for index in 1..<lines.count {
            let previous = lines[index - 1].span
            let line = lines[index]
            var breaks: Bool
            switch line.separatorBefore {
            case .hard: breaks = true
            case .blank: breaks = !pdfLike || endsParagraph(previous, scalars, typical: typical)
            case .none: breaks = pdfLike ? endsParagraph(previous, scalars, typical: typical) : false
            }
            if breaks, unbreakable.contains(where: { $0.start < previous.end && line.span.start < $0.end && $0.start < line.span.start }) {
                breaks = false
            }
            if breaks {
                paragraphs.append(current)
                current = line.span
            } else {
                current = TextSpan(start: current.start, end: line.span.end)
            }
        }
        paragraphs.append(current)
        return paragraphs
    }

    enum Separator: Int, Comparable {
        case none, blank, hard
        static func < (a: Separator, b: Separator) -> Bool { a.rawValue < b.rawValue }
    }

    private static func trim(_ span: TextSpan, _ scalars: [Unicode.Scalar]) -> TextSpan? {
        var start = span.start
        var end = span.end
        while start < end, scalars[start].properties.isWhitespace { start += 1 }
        while end > start, scalars[end - 1].properties.isWhitespace { end -= 1 }
        return start < end ? TextSpan(start: start, end: end) : nil
    }

    /// A short line that ends a sentence.
    private static func endsParagraph(_ line: TextSpan, _ scalars: [Unicode.Scalar], typical: Double) -> Bool {
        var end = line.end
        let closers: Set<Unicode.Scalar> = ["\"", "'", ")", "”", "’", "»", "]"]
        while end > line.start, closers.contains(scalars[end - 1]) { end -= 1 }
        guard end > line.start else { return false }
        let last = scalars[end - 1]
        let short = Double(line.length) < 0.8 * typical
        if [".", "!", "?", ":"].contains(last) { return short }
        // Headings: very short lines without final punctuation.
        return Double(line.length) < 0.4 * typical && !(last.properties.isLowercase || [",", ";", "-"].contains(last))
    }
}
