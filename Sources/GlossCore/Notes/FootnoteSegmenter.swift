/// Finds the footnote texts at page bottoms of PDF-extracted text.
///
/// A footnote starts a line with its number followed by a space (`9  Bilal N. Şimşir, …`), where
/// the number continues the sequence 1, 2, 3…, a glued marker with that number occurs earlier in the
/// text, and the line follows a blank line or the previous footnote. It runs over the following
/// lines up to a blank line, the next footnote, or the next page (a line that starts with a space,
/// as PDF extraction leaves at page starts).
///
/// A footnote cut off by a page break (it ends at a page start, not at a full stop) continues on the
/// next page bottom, after that page's body text: the lines between the last blank line and the next
/// footnote become its second part.
///
/// Where the layout of the page told where its footnotes stand (``FootnoteAreas``, from a PDF),
/// that replaces the blank line: a line inside a footnote area may start a footnote, its number
/// may be glued to its text (`1NATO, …`, a superscript mark as `pdftotext` gives it), a footnote
/// ends where its area ends, and the lines that open the next area before its first numbered line
/// continue a footnote cut off at the bottom of the page before.
enum FootnoteSegmenter {
    struct Found {
        var number: Int
        /// UTF-8 ranges of the pieces, trailing whitespace trimmed.
        var parts: [Range<Int>]
    }

    /// The longest continuation (in lines) attached to a cut-off footnote.
    static let maxContinuationLines = 8

    /// Segments the footnotes of `bytes`, whose line feeds are at `newlines` and whose lines that
    /// open with a digit are `digitLines` (by index, in order): only those lines can start a footnote.
    /// `areas` are the footnote areas of the page bottoms as UTF-8 ranges, in order (none for a
    /// text without page layout).
    static func segment(_ bytes: UnsafeBufferPointer<UInt8>, newlines: LineFeedOffsets, digitLines: [Int],
                        markerCandidates: [FootnoteMarkerDetector.Candidate], areas: [Range<Int>] = []) -> [Found] {
        // Where the first candidate of each number is, by number (candidates have at most three
        // digits); looked up on every line, so a table rather than a dictionary.
        var firstCandidates = [Int?](repeating: nil, count: (markerCandidates.map(\.number).max() ?? 0) + 1)
        for candidate in markerCandidates where firstCandidates[candidate.number] == nil {
            firstCandidates[candidate.number] = candidate.range.lowerBound
        }
        func firstCandidate(_ number: Int) -> Int? { number < firstCandidates.count ? firstCandidates[number] : nil }
        guard !markerCandidates.isEmpty else { return [] }
        // Line `k` runs from after line feed `k - 1` to line feed `k`; the last one to the end.
        let lineCount = newlines.count + 1
        func line(_ k: Int) -> Range<Int> {
            (k == 0 ? 0 : newlines[k - 1] + 1)..<(k < newlines.count ? newlines[k] : bytes.count)
        }

        func isBlank(_ k: Int) -> Bool { line(k).allSatisfy { ScanBytes.isSpace(bytes[$0]) } }
        /// The footnote area line `k` starts in, by index.
        func area(_ k: Int) -> Int? {
            let start = line(k).lowerBound
            var low = 0, high = areas.count
            while low < high {
                let middle = (low + high) / 2
                if areas[middle].upperBound <= start { low = middle + 1 } else { high = middle }
            }
            return low < areas.count && areas[low].lowerBound <= start ? low : nil
        }
        /// Whether the byte at `i`, right after a number, can open a note's text glued to its mark:
        /// not a digit or punctuation that continues the number (`21,`, `3.`, `5-7`, `2/3`).
        func gluedMarkOpensText(_ i: Int) -> Bool {
            switch bytes[i] {
            case UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: ")"),
                 UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "%"), UInt8(ascii: "]"): return false
            default: return !ScanBytes.isDigit(bytes[i])
            }
        }
        func startsPage(_ k: Int) -> Bool {
            guard let first = line(k).first else { return false }
            return (bytes[first] == ScanBytes.space || bytes[first] == ScanBytes.tab) && !isBlank(k)
        }
        func starts(_ k: Int, number: Int, requireMarker: Bool = true) -> Bool {
            let range = line(k)
            var i = range.lowerBound
            var value = 0
            while i < range.upperBound, ScanBytes.isDigit(bytes[i]), i - range.lowerBound < 3 {
                value = value * 10 + Int(bytes[i] &- 0x30)
                i += 1
            }
            guard i > range.lowerBound, bytes[range.lowerBound] != UInt8(ascii: "0") else { return false }
            if i == range.upperBound {
                guard value == number, markOwnLine(k) else { return false }
            } else if value != number || ScanBytes.isDigit(bytes[i]) {
                // In a footnote area a glued mark may run into a year that opens the note
                // (`482018-2022 yılları …` is note 48): the number, then four digits from 1000 to 2999.
                guard area(k) != nil, let mark = gluedYear(range, number) else { return false }
                i = mark
            } else {
                guard bytes[i] == ScanBytes.space || bytes[i] == ScanBytes.tab || (gluedMarkOpensText(i) && area(k) != nil)
                else { return false }
            }
            while i < range.upperBound, bytes[i] == ScanBytes.space || bytes[i] == ScanBytes.tab { i += 1 }
            // A superscript mark may stand on a line of its own, the note's text on the next line.
            guard i < range.upperBound || markOwnLine(k) else { return false }
            guard requireMarker else { return true }
            guard let marker = firstCandidate(number), marker < range.lowerBound else { return false }
            return true
        }
        /// Whether line `k`, a number alone, is a footnote's mark on a line of its own: in a footnote
        /// area, with a line of text of the same area after it.
        func markOwnLine(_ k: Int) -> Bool {
            guard let current = area(k), k + 1 < lineCount, area(k + 1) == current, !isBlank(k + 1) else { return false }
            return line(k + 1).contains { !ScanBytes.isDigit(bytes[$0]) && !ScanBytes.isSpace(bytes[$0]) }
        }
        /// Where the year begins when the digits opening `range` are `number` glued to a year.
        func gluedYear(_ range: Range<Int>, _ number: Int) -> Int? {
            var end = range.lowerBound
            while end < range.upperBound, ScanBytes.isDigit(bytes[end]) { end += 1 }
            let mark = end - 4
            guard mark > range.lowerBound, end < range.upperBound, !ScanBytes.isDigit(bytes[end]), gluedMarkOpensText(end) || bytes[end] == UInt8(ascii: "-"),
                  bytes[mark] == UInt8(ascii: "1") || bytes[mark] == UInt8(ascii: "2") else { return nil }
            var value = 0
            for i in range.lowerBound..<mark { value = value * 10 + Int(bytes[i] &- 0x30) }
            return value == number && mark - range.lowerBound <= 3 ? mark : nil
        }
        /// The number (up to three digits) that opens line `k`.
        func leadingNumber(_ k: Int) -> Int? {
            var value = 0
            var i = line(k).lowerBound
            while i < line(k).upperBound, ScanBytes.isDigit(bytes[i]), i - line(k).lowerBound < 3 {
                value = value * 10 + Int(bytes[i] &- 0x30)
                i += 1
            }
            return i > line(k).lowerBound ? value : nil
        }
        func trimmedEnd(_ k: Int) -> Int {
            var end = line(k).upperBound
            while end > line(k).lowerBound, ScanBytes.isSpace(bytes[end - 1]) { end -= 1 }
            return end
        }

        // The notes are numbered from 1, or, in a chapter cut from a book, from where the chapter's
        // first note stands (340): the number of one of the first candidates whose text follows it,
        // as the text of the next number does.
        var first = 1
        if firstCandidate(1) == nil {
            func hasText(_ number: Int) -> Bool { digitLines.contains { starts($0, number: number) } }
            guard let number = markerCandidates.prefix(8).lazy.map(\.number).first(where: { hasText($0) && hasText($0 + 1) })
            else { return [] }
            first = number
        }
        var found: [Found] = []
        var expected = first
        var lastFootnoteLine = -1
        var cutOff = false
        var k = 0
        // Lines before `k` are read; the others that open with no digit cannot start a footnote.
        for digitLine in digitLines where digitLine >= k {
            k = digitLine
            // A missing marker or a missing footnote text must not hide the footnotes after it (the
            // checks report the gap): a line right below the previous footnote may carry the next
            // number without a marker, or skip a number; so may a line whose number lost its marker
            // when the marker after it is there.
            let directlyAfter = lastFootnoteLine >= 0 && lastFootnoteLine == k - 1
            let markerLost = firstCandidate(expected) == nil
                && (firstCandidate(expected + 1).map { $0 < line(k).lowerBound } ?? false)
            let number: Int
            if starts(k, number: expected, requireMarker: !(directlyAfter || markerLost)) {
                number = expected
            } else if directlyAfter, starts(k, number: expected + 1) {
                number = expected + 1
            } else if area(k) != nil, let written = leadingNumber(k), written > expected, starts(k, number: written) {
                // In a footnote area the notes may pick up later in the sequence than expected
                // (the first notes were the authors' or were lost); their markers stand before them.
                number = written
            } else {
                continue
            }
            var continuation: Range<Int>?
            let inArea = area(k)
            var follows = k == 0 || isBlank(k - 1) || lastFootnoteLine == k - 1 || inArea != nil
            if let inArea, cutOff, areas[inArea].lowerBound < line(k).lowerBound,
               lastFootnoteLine < 0 || line(lastFootnoteLine).upperBound < areas[inArea].lowerBound {
                // The area opens with the rest of the note cut off on the page before.
                continuation = areas[inArea].lowerBound..<trimmedEnd(k - 1)
            } else if !follows, cutOff {
                var j = k - 1
                while j > lastFootnoteLine, k - j <= maxContinuationLines, !isBlank(j), !startsPage(j) { j -= 1 }
                if j > lastFootnoteLine, isBlank(j), j + 1 < k {
                    continuation = line(j + 1).lowerBound..<trimmedEnd(k - 1)
                    follows = true
                }
            }
            guard follows else { continue }
            if let continuation { found[found.count - 1].parts.append(continuation) }
            var end = k + 1
            while end < lineCount, !isBlank(end), !startsPage(end), !starts(end, number: number + 1, requireMarker: false),
                  !starts(end, number: number + 2), inArea.map({ line(end).lowerBound < areas[$0].upperBound }) ?? true { end += 1 }
            let last = trimmedEnd(end - 1)
            found.append(Found(number: number, parts: [line(k).lowerBound..<last]))
            let areaEnded = inArea.map { end == lineCount || line(end).lowerBound >= areas[$0].upperBound } ?? false
            cutOff = (areaEnded || end < lineCount && startsPage(end)) && last > 0 && bytes[last - 1] != ScanBytes.period
            lastFootnoteLine = end - 1
            expected = number + 1
            k = end
        }
        return found
    }
}
