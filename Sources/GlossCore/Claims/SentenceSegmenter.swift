/// Splits Turkish, Azerbaijani, Russian and English scholarly text into sentences.
///
/// A sentence ends at `.`, `!`, `?` or `…` (with closing quotes and a footnote marker glued to
/// the period, as in `kurtarılmıştır.9`) followed by white space and a word that does not start
/// in lower case. It does not end after an abbreviation (`s.`, `vd.`, `Dr.`, `bkz.`, `и др.`,
/// `pp.`), an initial (`Bilal N. Şimşir`), a Roman numeral (`II. Dünya Savaşı`), inside
/// parentheses or brackets (`(Radikal, 01.02.2000:10)`), or at a period inside a number or word
/// (`20.yüzyıl`, `1.5`, `a.g.e.`). PDF line breaks do not end sentences, but a short line without
/// final punctuation followed by a capitalised line (a heading) does, and so do bulleted and
/// numbered list items.
public enum SentenceSegmenter {
    /// The sentences of `text`, in order, without surrounding white space.
    public static func sentences(in text: SourceText) -> [TextSpan] {
        let s = Array(text.string.unicodeScalars)
        var result: [TextSpan] = []
        var start = 0
        var openBrackets: [Int] = []
        var lineStart = 0
        var i = 0
        let headingLimit = headingLength(s)

        func close(at end: Int, next: Int) {
            if let span = trimmed(TextSpan(start: start, end: end), in: s) { result.append(span) }
            start = next
        }

        while i < s.count {
            let c = s[i]
            switch c {
            case "(", "[":
                openBrackets.append(i)
            case ")", "]":
                if !openBrackets.isEmpty { openBrackets.removeLast() }
            case "\n":
                if let end = headingEnd(lineStart: lineStart, newline: i, limit: headingLimit, in: s), end > start {
                    close(at: end, next: i + 1)
                }
                lineStart = i + 1
            default:
                break
            }
            // An unclosed bracket stops mattering after a while, so a stray `(` cannot swallow the text.
            while let open = openBrackets.last, i - open > 300 { openBrackets.removeLast() }
            // A bulleted line (`•`, or U+F02D from a symbol font) starts a sentence.
            if bullets.contains(c), i + 1 < s.count, s[i + 1].properties.isWhitespace,
               s[lineStart..<i].allSatisfy({ $0.properties.isWhitespace }) {
                if i > start { close(at: i, next: i) }
                i += 1
                continue
            }
            // A numbered list item (`: 1. Türkiyə ilə …; 2. Regional …`) starts a sentence.
            if c == ".", openBrackets.isEmpty, let marker = listNumberStart(at: i, in: s) {
                if marker > start { close(at: marker, next: marker) }
                i += 1
                continue
            }
            if terminators.contains(c), openBrackets.isEmpty, let end = sentenceEnd(at: i, in: s) {
                var next = end
                while next < s.count, s[next].properties.isWhitespace {
                    if s[next] == "\n" { lineStart = next + 1 }
                    next += 1
                }
                close(at: end, next: next)
                i = next
                continue
            }
            i += 1
        }
        close(at: s.count, next: s.count)
        return result
    }

    /// The sentence that contains the code point at `offset`, if any.
    public static func sentence(containing offset: Int, in text: SourceText) -> TextSpan? {
        sentences(in: text).first { $0.start <= offset && offset < $0.end }
    }

    static let terminators: Set<Unicode.Scalar> = [".", "!", "?", "…"]
    static let bullets: Set<Unicode.Scalar> = ["•", "▪", "●", "◦", "-", "–", "—", "\u{F02D}", "\u{F0B7}", "\u{F0A7}"]
    static let closingQuotes: Set<Unicode.Scalar> = ["”", "’", "\"", "'", "»", "“"]

    /// Abbreviations (lower case, without the final period) after which a period does not end a sentence.
    static let abbreviations: Set<String> = [
        // Turkish
        "s", "ss", "vd", "vb", "vs", "bkz", "bk", "krş", "age", "agm", "agk", "a.g.e", "a.g.m", "a.g.k", "çev", "haz",
        "yay", "der", "dr", "doç", "prof", "yrd", "öğr", "gör", "arş", "uzm", "av", "alb", "gen", "org", "sy", "nr",
        "örn", "yy", "mad", "md", "üniv", "böl", "fak", "t.c", "m.ö", "m.s", "c", "no", "ed", "eds",
        // Azerbaijani
        "səh", "dos", "akad", "e.ə", "b.e",
        // Russian
        "с", "стр", "т", "тт", "г", "гг", "др", "т.е", "т.д", "т.п", "см", "напр", "им", "акад", "проф", "в", "вв",
        "ред", "изд", "ст", "ч", "рис", "табл", "гл", "доц", "пер", "млн", "млрд", "тыс",
        // English
        "mr", "mrs", "ms", "st", "jr", "sr", "e.g", "i.e", "cf", "al", "p", "pp", "vol", "vols", "nos", "trans", "ibid",
        "op", "cit", "fig", "figs", "ch", "chap", "sec", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "inc", "ltd", "co", "corp", "approx", "dept", "univ", "ca",
    ]

    /// Where the sentence ending with the terminator at `i` ends (exclusive), or nil when it does not end there.
    static func sentenceEnd(at i: Int, in s: [Unicode.Scalar]) -> Int? {
        var j = i + 1
        while j < s.count, terminators.contains(s[j]) || closingQuotes.contains(s[j]) || s[j] == ")" { j += 1 }
        // A footnote marker glued to the period: `kurtarılmıştır.9`, `dayanır”.12`.
        if s[i] == ".", i > 0, s[i - 1].properties.isAlphabetic || closingQuotes.contains(s[i - 1]) || s[i - 1] == ")" {
            var k = j
            while k < s.count, k - j < 3, ("0"..."9").contains(s[k]) { k += 1 }
            if k > j, k == s.count || s[k].properties.isWhitespace { j = k }
        }
        guard j == s.count || s[j].properties.isWhitespace else { return nil }
        var next = j
        while next < s.count, s[next].properties.isWhitespace { next += 1 }
        if next == s.count { return j }
        if s[next].properties.isLowercase { return nil }
        if s[i] == "." {
            let token = wordBefore(i, in: s)
            if abbreviations.contains(token.lowercased()), !isYearAfterNumber(token, at: i, in: s) { return nil }
            // An initial (`N.`) or a Roman numeral (`II.`).
            if token.unicodeScalars.count == 1, token.unicodeScalars.allSatisfy({ $0.properties.isUppercase }) { return nil }
            if !token.isEmpty, token.unicodeScalars.allSatisfy({ "IVXLC".unicodeScalars.contains($0) }) { return nil }
        }
        return j
    }

    /// `2010 г.`: the Russian year abbreviation after a number may end a sentence (`г. Баку` does not).
    static func isYearAfterNumber(_ token: String, at i: Int, in s: [Unicode.Scalar]) -> Bool {
        guard token == "г" || token == "гг" else { return false }
        var k = i - token.unicodeScalars.count
        while k > 0, s[k - 1].properties.isWhitespace { k -= 1 }
        return k > 0 && ("0"..."9").contains(s[k - 1])
    }

    /// Where the list number ends by the period at `i` starts (`1.` or `12.` after white space or
    /// a colon, followed by a capitalised word), or nil when it is not one.
    static func listNumberStart(at i: Int, in s: [Unicode.Scalar]) -> Int? {
        var k = i
        while k > 0, ("0"..."9").contains(s[k - 1]) { k -= 1 }
        guard (1...2).contains(i - k), k == 0 || s[k - 1].properties.isWhitespace else { return nil }
        // After a colon, a semicolon or a sentence's end — not after `s. 61.`, where it is a page.
        var before = k
        while before > 0, s[before - 1].properties.isWhitespace { before -= 1 }
        if before > 0 {
            switch s[before - 1] {
            case ":", ";": break
            case ".": if abbreviations.contains(wordBefore(before - 1, in: s).lowercased()) { return nil }
            default: return nil
            }
        }
        var next = i + 1
        guard next < s.count, s[next].properties.isWhitespace else { return nil }
        while next < s.count, s[next].properties.isWhitespace { next += 1 }
        guard next < s.count, s[next].properties.isUppercase else { return nil }
        return k
    }

    /// The letters, digits and inner periods just before offset `i`: `s`, `vd`, `a.g.e`, `т.е`.
    static func wordBefore(_ i: Int, in s: [Unicode.Scalar]) -> String {
        var k = i
        while k > 0, s[k - 1].properties.isAlphabetic || ("0"..."9").contains(s[k - 1]) || (s[k - 1] == "." && k - 1 > 0 && s[k - 2].properties.isAlphabetic) {
            k -= 1
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s[k..<i])
        return String(view)
    }

    /// The longest line that may be a heading: well under the usual (median) line of the text,
    /// since PDF texts wrap every line of a paragraph at about the same width.
    static func headingLength(_ s: [Unicode.Scalar]) -> Int {
        var lengths: [Int] = []
        var lineStart = 0
        for (index, scalar) in s.enumerated() where scalar == "\n" {
            if let line = trimmed(TextSpan(start: lineStart, end: index), in: s) { lengths.append(line.length) }
            lineStart = index + 1
        }
        guard !lengths.isEmpty else { return 0 }
        lengths.sort()
        return min(80, lengths[lengths.count / 2] * 3 / 4)
    }

    /// If the line from `lineStart` to the newline at `newline` is a heading (short, no final
    /// punctuation, followed after a blank line by a capitalised line), the offset where it ends.
    static func headingEnd(lineStart: Int, newline: Int, limit: Int, in s: [Unicode.Scalar]) -> Int? {
        guard let line = trimmed(TextSpan(start: lineStart, end: newline), in: s), line.length <= limit else { return nil }
        let last = s[line.end - 1]
        guard !terminators.contains(last), !",;:-–—(".unicodeScalars.contains(last), last.properties.isAlphabetic || ("0"..."9").contains(last) else {
            return nil
        }
        var next = newline
        var blankLine = false
        while next < s.count, s[next].properties.isWhitespace {
            if s[next] == "\n", next != newline { blankLine = true }
            next += 1
        }
        guard blankLine, next < s.count, s[next].properties.isUppercase else { return nil }
        return line.end
    }

    static func trimmed(_ span: TextSpan, in s: [Unicode.Scalar]) -> TextSpan? {
        var start = span.start
        var end = span.end
        while start < end, s[start].properties.isWhitespace { start += 1 }
        while end > start, s[end - 1].properties.isWhitespace { end -= 1 }
        return start < end ? TextSpan(start: start, end: end) : nil
    }
}
