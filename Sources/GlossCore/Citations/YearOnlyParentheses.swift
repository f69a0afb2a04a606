/// Parentheses that hold only a year and perhaps a page (`(1997)`, `(2003a: 35)`, `(2010, p. 4)`): a
/// citation when its author is named in the sentence, and otherwise a candidate a researcher should
/// look at (`gloss check` reports it as `unattributed-year`).
public enum YearOnlyParentheses {
    /// The longest parenthesis looked at, in bytes: a year and a page range.
    static let maxBytes = 48

    /// The spans of every year-only parenthesis of `text`, in text order.
    public static func spans(in text: SourceText) -> [TextSpan] {
        let bytes = text.utf8
        var spans: [TextSpan] = []
        var scalars: [Unicode.Scalar] = []
        for open in bytes.indices where bytes[open] == ScanBytes.openParen {
            var close = open + 1
            while close < min(bytes.count, open + maxBytes), bytes[close] != ScanBytes.closeParen, bytes[close] != ScanBytes.openParen {
                close += 1
            }
            guard close < bytes.count, bytes[close] == ScanBytes.closeParen, close > open + 4,
                  ScanBytes.isDigit(bytes[open + 1]) || ScanBytes.isSpace(bytes[open + 1])
            else { continue }
            // `Year 3 (2025)`, `Vol. 12 (2019)`: a journal's issue, not a work.
            var before = open
            while before > 0, ScanBytes.isSpace(bytes[before - 1]) { before -= 1 }
            if before > 0, ScanBytes.isDigit(bytes[before - 1]) { continue }
            // The content with whitespace runs made one space, as the scanner reads it.
            scalars.removeAll(keepingCapacity: true)
            for scalar in String(decoding: bytes[(open + 1)..<close], as: UTF8.self).unicodeScalars {
                let space = scalar == " " || scalar == "\n" || scalar == "\t"
                if space, scalars.last == " " { continue }
                scalars.append(space ? " " : scalar)
            }
            let isYearOnly = scalars.withUnsafeBufferPointer { content in
                ParentheticalCitationParser.yearOnly(ParentheticalCitationParser.trim(content)) != nil
            }
            if isYearOnly {
                spans.append(TextSpan(start: text.scalarOffset(ofUTF8: open), end: text.scalarOffset(ofUTF8: close + 1)))
            }
        }
        return spans
    }
}
