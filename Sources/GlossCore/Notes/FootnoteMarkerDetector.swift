/// Finds footnote markers: digits glued, with no space, to the end of a word or to punctuation in
/// running text (`kurtarılmıştır.9`, `olmuştur.17`).
///
/// Glued digits are only candidates (`TB2`, `Vol:3` and `başlarından17` look the same). A candidate
/// becomes a marker when it continues the sequence 1, 2, 3… and a footnote text with that number
/// follows it (see ``FootnoteSegmenter``). Decimals (`1,85`) and times (`23:4`) are never candidates.
enum FootnoteMarkerDetector {
    struct Candidate: Equatable {
        /// The number written.
        var number: Int
        /// The UTF-8 range of its digits.
        var range: Range<Int>
        /// Glued to a letter (`word17`) rather than to punctuation (`word.17`): weaker evidence.
        var gluedToWord: Bool
    }

    /// The candidate whose digits start at `i` (a digit not preceded by a digit), if the digits are glued.
    static func candidate(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Candidate? {
        var end = i
        while end < bytes.count, ScanBytes.isDigit(bytes[end]) { end += 1 }
        guard end - i <= 3, bytes[i] != UInt8(ascii: "0") else { return nil }
        // What follows: nothing, a space, or punctuation that is itself followed by a space.
        if end < bytes.count {
            let next = bytes[end]
            if !ScanBytes.isSpace(next) {
                guard next == ScanBytes.period || next == ScanBytes.comma || next == UInt8(ascii: ";")
                        || next == UInt8(ascii: ":") || next == ScanBytes.closeParen,
                      end + 1 == bytes.count || ScanBytes.isSpace(bytes[end + 1])
                else { return nil }
            }
        }
        guard let previous = ScanBytes.scalar(in: bytes, before: i) else { return nil }
        // After a capital the digits belong to a name (`TB2`, `F16`).
        if previous.isCapital { return nil }
        if !previous.isLetter {
            guard isGluePunctuation(previous) else { return nil }
            let start = ScanBytes.previousScalarStart(in: bytes, before: i)
            guard let beforePunctuation = ScanBytes.scalar(in: bytes, before: start),
                  beforePunctuation.isLetter || isClosingQuote(beforePunctuation) || beforePunctuation == ")"
            else { return nil }
        }
        var number = 0
        for k in i..<end { number = number * 10 + Int(bytes[k] &- 0x30) }
        return Candidate(number: number, range: i..<end, gluedToWord: previous.isLetter)
    }

    /// Where each footnote text starts, by number: a table, since numbers have at most three digits.
    struct FootnoteStarts {
        private var starts: [Int?]

        init(_ found: [FootnoteSegmenter.Found]) {
            starts = Array(repeating: nil, count: (found.map(\.number).max() ?? -1) + 1)
            for footnote in found { starts[footnote.number] = footnote.parts[0].lowerBound }
        }

        subscript(number: Int) -> Int? { number >= 0 && number < starts.count ? starts[number] : nil }

        /// The lowest footnote number: 1, or where a chapter's notes start (340).
        var lowest: Int? { starts.firstIndex { $0 != nil } }
    }

    /// Picks the markers among `candidates` (in text order): the sequence 1, 2, 3… where each marker
    /// precedes the footnote of its number. A marker missing from the text does not stop the sequence:
    /// once the footnote it should precede is passed, the next numbers are accepted. Digits glued to
    /// punctuation win over digits glued to a word with the same number.
    static func select(_ candidates: [Candidate], footnoteStarts: FootnoteStarts) -> [Candidate] {
        // Sets of candidate numbers (at most three digits), as tables.
        let numbers = (candidates.map(\.number).max() ?? -1) + 1
        var punctuated = [Bool](repeating: false, count: numbers)
        for candidate in candidates where !candidate.gluedToWord {
            if let start = footnoteStarts[candidate.number], candidate.range.upperBound <= start { punctuated[candidate.number] = true }
        }
        // Numbers that have some candidate before their footnote; the others lost their marker.
        var placeable = [Bool](repeating: false, count: numbers)
        for candidate in candidates {
            if let start = footnoteStarts[candidate.number], candidate.range.upperBound <= start { placeable[candidate.number] = true }
        }
        var expected = footnoteStarts.lowest ?? 1
        var markers: [Candidate] = []
        for candidate in candidates where !(candidate.gluedToWord && punctuated[candidate.number]) {
            // The expected number glued to punctuation stays a marker when its footnote text is
            // missing but the next footnote follows: the checks report the missing text.
            let textMissing = footnoteStarts[candidate.number] == nil && candidate.number == expected && !candidate.gluedToWord
            guard let footnoteStart = footnoteStarts[candidate.number] ?? (textMissing ? footnoteStarts[expected + 1] : nil),
                  candidate.range.upperBound <= footnoteStart else { continue }
            let skipsMissing = candidate.number > expected && candidate.number <= expected + 3
                && ((footnoteStarts[expected].map { $0 < candidate.range.lowerBound } ?? true)
                    || (expected..<candidate.number).allSatisfy { !placeable[$0] })
            guard candidate.number == expected || skipsMissing else { continue }
            markers.append(candidate)
            expected = candidate.number + 1
        }
        return markers
    }

    /// The candidates that can be the markers of footnotes found in footnote areas (``FootnoteAreas``):
    /// a note starts on the page of its marker, so a candidate of a note's number counts only
    /// between the footnote area of the page before and the note, and of several there the last
    /// (digits glued to punctuation first) — the one nearest the note, not the affiliation mark
    /// `Forner1` at the top of the page. Candidates of numbers with no note found stay.
    static func onNotePages(_ candidates: [Candidate], footnotes: [FootnoteSegmenter.Found], areas: [Range<Int>]) -> [Candidate] {
        guard !areas.isEmpty else { return candidates }
        var windows: [Int: Range<Int>] = [:]
        for footnote in footnotes {
            let start = footnote.parts[0].lowerBound
            guard let area = areas.firstIndex(where: { $0.contains(start) }) else { continue }
            windows[footnote.number] = (area == 0 ? 0 : areas[area - 1].upperBound)..<start
        }
        var chosen: [Int: Candidate] = [:]
        for candidate in candidates {
            guard let window = windows[candidate.number], window.contains(candidate.range.lowerBound) else { continue }
            if let current = chosen[candidate.number], candidate.gluedToWord, !current.gluedToWord { continue }
            chosen[candidate.number] = candidate
        }
        return candidates.filter { candidate in
            guard windows[candidate.number] != nil else { return true }
            return chosen[candidate.number] == candidate
        }
    }

    /// The markers of a text whose footnote texts were lost in extraction: digits glued to
    /// punctuation that run 1, 2, 3… (at least `minimumRun` of them, so that a stray `Vol:3` or
    /// `(Şekil 1).2` is not one).
    static func selectWithoutTexts(_ candidates: [Candidate], minimumRun: Int = 3) -> [Candidate] {
        var expected = 1
        var markers: [Candidate] = []
        for candidate in candidates where !candidate.gluedToWord && candidate.number == expected {
            markers.append(candidate)
            expected += 1
        }
        return markers.count >= minimumRun ? markers : []
    }

    private static func isGluePunctuation(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case ".", ",", ";", ":", "!", "?", ")": true
        default: isClosingQuote(c)
        }
    }

    private static func isClosingQuote(_ c: Unicode.Scalar) -> Bool {
        c == "”" || c == "’" || c == "»" || c == "\""
    }
}
