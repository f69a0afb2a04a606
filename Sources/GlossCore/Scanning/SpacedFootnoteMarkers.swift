/// Footnote markers that PDF extraction set apart from their word by a space (`влияние Америки 340
/// усилилось`, `kapanmıştır 340 ve`): looked for only for a footnote whose text was found but whose
/// marker was not, between the markers before and after it, and only where nothing else reads the
/// number as a page or a quantity.
///
/// A spaced number is a marker when it is the footnote's number, stands after a word (not after a
/// page or figure word such as `s`, `с`, `p`, `рис`), is followed by punctuation, a line end, a
/// capitalised word or a conjunction (`и`, `ve`, `and`; a counted noun, `340 köy`, follows a
/// quantity), and is the only such number in that stretch of the text.
enum SpacedFootnoteMarkers {
    /// Words that a page, figure or issue number follows.
    static let numberWords = LowercaseWords([
        "s", "ss", "с", "сс", "p", "pp", "page", "стр", "səh", "sayfa", "sayı", "cilt", "vol", "no", "nr", "том", "вып",
        "рис", "şekil", "tablo", "table", "figure", "fig", "cədvəl", "таблица", "bet", "madde", "статья", "ст", "year", "yıl",
    ])

    /// Conjunctions that may follow a marker (a counted noun follows a quantity instead).
    static let conjunctions = LowercaseWords(["и", "а", "но", "или", "ve", "və", "and", "or", "ile", "ilə", "da", "de", "ki", "ya"])

    /// `markers` (in text order) with the spaced markers found for footnotes that have none.
    static func adding(to markers: [FootnoteMarkerDetector.Candidate], bytes: UnsafeBufferPointer<UInt8>, numbers: [Int],
                       footnoteStarts: FootnoteMarkerDetector.FootnoteStarts, regions: [Range<Int>]) -> [FootnoteMarkerDetector.Candidate] {
        let marked = Set(markers.map(\.number))
        var added: [FootnoteMarkerDetector.Candidate] = []
        for number in numbers.sorted() where !marked.contains(number) {
            guard let footnoteStart = footnoteStarts[number] else { continue }
            // Between the marker of a lower number and that of a higher one (or the footnote text).
            let from = markers.last { $0.number < number }?.range.upperBound ?? 0
            let to = min(footnoteStart, markers.first { $0.number > number }?.range.lowerBound ?? footnoteStart)
            guard from < to else { continue }
            let found = occurrences(of: number, in: bytes, from..<to, regions: regions)
            if found.count == 1 { added.append(FootnoteMarkerDetector.Candidate(number: number, range: found[0], gluedToWord: false)) }
        }
        return (markers + added).sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The spaced occurrences of `number` in `range`, outside `regions`.
    private static func occurrences(of number: Int, in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                                    regions: [Range<Int>]) -> [Range<Int>] {
        let digits = Array(String(number).utf8)
        var found: [Range<Int>] = []
        var i = range.lowerBound + 2
        while i + digits.count <= range.upperBound {
            defer { i += 1 }
            guard bytes[i] == digits[0], bytes[i - 1] == ScanBytes.space, !ScanBytes.isSpace(bytes[i - 2]),
                  (0..<digits.count).allSatisfy({ bytes[i + $0] == digits[$0] }) else { continue }
            let end = i + digits.count
            guard !regions.contains(where: { $0.contains(i) }), follows(bytes, end, limit: bytes.count),
                  let word = wordBefore(bytes, i - 1), word.allSatisfy(\.isLetter)
            else { continue }
            let isNumberWord = word.withUnsafeBufferPointer { numberWords.contains($0) }
            if !isNumberWord { found.append(i..<end) }
        }
        return found
    }

    /// Whether what follows the digits ending at `end` lets them be a marker.
    private static func follows(_ bytes: UnsafeBufferPointer<UInt8>, _ end: Int, limit: Int) -> Bool {
        guard end < limit else { return true }
        let next = bytes[end]
        if next == ScanBytes.newline { return true }
        if next == ScanBytes.period || next == ScanBytes.comma || next == UInt8(ascii: ";") || next == UInt8(ascii: ":") {
            return end + 1 == limit || ScanBytes.isSpace(bytes[end + 1])
        }
        guard next == ScanBytes.space, let word = wordAfter(bytes, end + 1, limit: limit), let first = word.first else { return false }
        return first.isCapital || word.withUnsafeBufferPointer { conjunctions.contains($0) }
    }

    /// The scalars of the word that ends at byte `end` (exclusive), if a word ends there.
    private static func wordBefore(_ bytes: UnsafeBufferPointer<UInt8>, _ end: Int) -> [Unicode.Scalar]? {
        var start = end
        while start > 0, !ScanBytes.isSpace(bytes[start - 1]) { start -= 1 }
        guard start < end else { return nil }
        return Array(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).unicodeScalars)
    }

    /// The scalars of the word that starts at byte `start` (up to a space or punctuation).
    private static func wordAfter(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, limit: Int) -> [Unicode.Scalar]? {
        var end = start
        while end < limit, !ScanBytes.isSpace(bytes[end]), bytes[end] != ScanBytes.comma, bytes[end] != ScanBytes.period { end += 1 }
        guard start < end else { return nil }
        return Array(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).unicodeScalars)
    }
}
