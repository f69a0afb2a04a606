/// Author-date citations written without parentheses in running text, as a part of the sentence:
/// `See DeLano, 2002 and …`, `as described by Kessler and Baldwin, 2001 and …`, `Kaya vd., 2019 ise …`.
///
/// A name, a comma and a year are taken for a citation only when the source's own reference list
/// holds a work of that name and year (``ListedWorks``): without a list nothing tells `Smith, 2010`
/// from `Ankara, 2019`. The author is the shortest run of name words before the comma that names
/// the listed work (`See DeLano` → `DeLano`, `Coyne and Orr` stays whole).
enum BareAuthorDate {
    /// A comma followed by a year, outside parentheses and brackets.
    struct Candidate: Equatable {
        /// The offset of the comma.
        var comma: Int
        /// The year and its letter (`2002`, `1996a`), as offsets.
        var year: Range<Int>
    }

    /// The `, YYYY` places of `range` of the UTF-8 `bytes` that may end a bare citation: outside
    /// parentheses and square brackets (those are read as such), after a letter or a full stop, a
    /// year from 1900 to 2099 with perhaps one letter, then a space, a punctuation mark or the end.
    static func candidates(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> [Candidate] {
        var found: [Candidate] = []
        var depth = 0
        var previousNewline = false
        var k = range.lowerBound
        while k < range.upperBound {
            let b = bytes[k]
            defer { k += 1 }
            switch b {
            case ScanBytes.openParen, ScanBytes.openBracket:
                depth += 1
            case ScanBytes.closeParen, ScanBytes.closeBracket:
                depth = max(0, depth - 1)
            case ScanBytes.newline:
                // A blank line ends the paragraph, and any parenthesis left open in it.
                if previousNewline { depth = 0 }
                previousNewline = true
                continue
            case ScanBytes.comma:
                guard depth == 0, k > range.lowerBound, let year = year(bytes, after: k, limit: range.upperBound) else { break }
                let before = bytes[k - 1]
                guard before >= 0x80 || (0x61...0x7A).contains(before | 0x20) || before == ScanBytes.period else { break }
                found.append(Candidate(comma: k, year: year))
            default:
                break
            }
            if !ScanBytes.isSpace(b) { previousNewline = false }
        }
        return found
    }

    /// The year after the comma at `comma` (one space between), if one stands there and ends there.
    private static func year(_ bytes: UnsafeBufferPointer<UInt8>, after comma: Int, limit: Int) -> Range<Int>? {
        let start = comma + 2
        guard start + 4 <= limit, bytes[comma + 1] == ScanBytes.space else { return nil }
        let century = (bytes[start], bytes[start + 1])
        guard century == (UInt8(ascii: "1"), UInt8(ascii: "9")) || century == (UInt8(ascii: "2"), UInt8(ascii: "0")),
              ScanBytes.isDigit(bytes[start + 2]), ScanBytes.isDigit(bytes[start + 3]) else { return nil }
        var end = start + 4
        if end < limit, bytes[end] >= UInt8(ascii: "a"), bytes[end] <= UInt8(ascii: "z") { end += 1 }
        guard end == limit || ScanBytes.isSpace(bytes[end]) || bytes[end] == ScanBytes.period || bytes[end] == ScanBytes.comma
                || bytes[end] == UInt8(ascii: ";") || bytes[end] == UInt8(ascii: ":") else { return nil }
        // `2010.5` is a number, not a year that ends a sentence.
        if end + 1 < limit, bytes[end] == ScanBytes.period || bytes[end] == ScanBytes.comma, ScanBytes.isDigit(bytes[end + 1]) { return nil }
        return start..<end
    }

    /// The author of `year` written at the end of `window` (the text before the comma), and the
    /// offset in `window.bytes` where it starts, when `works` lists a work by it of that year.
    static func author(endingAt window: NormalizedText, year: String, works: ListedWorks) -> (author: String, start: Int)? {
        guard let run = NarrativeCitationDetector.author(endingAt: window) else { return nil }
        // `Department of Education and Morgan`: a name that goes on before the run is not read in part.
        if partOfLongerName(window.bytes, before: run.start) { return nil }
        // The run's words, one space apart as in the view: try the shortest tail that starts with a name.
        let words = run.author.split(separator: " ", omittingEmptySubsequences: false)
        var offset = run.start + run.author.utf8.count
        var tails: [(String, Int)] = []
        for i in stride(from: words.count - 1, through: 0, by: -1) {
            offset -= words[i].utf8.count
            if let first = words[i].unicodeScalars.first, first.isCapital {
                tails.append((words[i...].joined(separator: " "), offset))
            }
            offset -= 1
        }
        return tails.first { works.lists(author: $0.0, year: year) }.map { (author: $0.0, start: $0.1) }
    }

    /// Words that join the parts of an institution's name (`Department of Education`).
    static let nameJoiners: Set<[UInt8]> = [Array("of".utf8), Array("for".utf8), Array("the".utf8), Array("и".utf8)]

    /// Whether the word before `start` in `bytes` (a normalised view, one space between words) joins
    /// the run to a longer name before it.
    private static func partOfLongerName(_ bytes: [UInt8], before start: Int) -> Bool {
        var end = start
        while end > 0, bytes[end - 1] == ScanBytes.space { end -= 1 }
        var begin = end
        while begin > 0, bytes[begin - 1] != ScanBytes.space { begin -= 1 }
        return begin < end && nameJoiners.contains(Array(bytes[begin..<end]))
    }
}
