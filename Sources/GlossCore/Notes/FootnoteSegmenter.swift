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
    static func segment(_ bytes: UnsafeBufferPointer<UInt8>, newlines: LineFeedOffsets, digitLines: [Int],
                        markerCandidates: [FootnoteMarkerDetector.Candidate]) -> [Found] {
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
            guard i > range.lowerBound, value == number, bytes[range.lowerBound] != UInt8(ascii: "0"),
                  i < range.upperBound, bytes[i] == ScanBytes.space || bytes[i] == ScanBytes.tab
            else { return false }
            while i < range.upperBound, bytes[i] == ScanBytes.space || bytes[i] == ScanBytes.tab { i += 1 }
            guard i < range.upperBound else { return false }
            guard requireMarker else { return true }
            guard let marker = firstCandidate(number), marker < range.lowerBound else { return false }
            return true
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
            } else {
                continue
            }
            var continuation: Range<Int>?
            var follows = k == 0 || isBlank(k - 1) || lastFootnoteLine == k - 1
            if !follows, cutOff {
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
                  !starts(end, number: number + 2) { end += 1 }
            let last = trimmedEnd(end - 1)
            found.append(Found(number: number, parts: [line(k).lowerBound..<last]))
            cutOff = end < lineCount && startsPage(end) && last > 0 && bytes[last - 1] != ScanBytes.period
            lastFootnoteLine = end - 1
            expected = number + 1
            k = end
        }
        return found
    }
}
