internal import CGlossSIMD

/// Recognises the heading of a reference list (`Kaynakça`, `References`, `Ədəbiyyat`, `Литература`).
///
/// The entries of a reference list look like citations (`Yılmaz, A. (2020).`, `[1] Smith, J.`) but
/// are not in-text citations: the scanner reports nothing after the last such heading. Headings are
/// matched on bytes, in lower case, Sentence case, Title Case or UPPER case, after any numbering (`7.`) and before a
/// final colon; the check runs on every line, so it allocates nothing.
enum ReferenceListHeading {
    /// Headings, lower-cased; ``ReferenceListSegmenter`` finds lists under the same ones, so the
    /// scanner stops exactly where the list that is parsed into records begins. (`Sources` is left
    /// out: alone on a line it is as often the caption of a table's sources.)
    static let headings = [
        "kaynakça", "kaynakca", "kaynaklar", "yararlanılan kaynaklar", "kullanılan kaynaklar", "references",
        "reference list", "bibliography", "works cited", "literature cited", "ədəbiyyat", "ədəbiyyat siyahısı",
        "istifadə edilmiş ədəbiyyat", "istifadə olunmuş ədəbiyyat", "istinadlar", "литература", "список литературы",
        "библиография", "список использованной литературы", "использованная литература",
    ]

    /// Every accepted spelling, as UTF-8: each heading in lower case, Sentence case, Title Case and UPPER case,
    /// and each of those with `İ` for `I` (Turkish and Azerbaijani capital dotted I); a heading
    /// that opens with `i` also with `İ` for it.
    static let spellings: Set<[UInt8]> = {
        // Built on bytes: the first scans of a run wait for this table, and building it with
        // `Character`s and a growing set took ~2 million instructions.
        let dottedI: [UInt8] = Array("İ".utf8)
        var result = Set<[UInt8]>(minimumCapacity: headings.count * 8)
        for heading in headings {
            let title = heading.prefix(1).uppercased() + heading.dropFirst()
            // `Works Cited`, `Literature Cited`: every word capitalised, as English headings are.
            let titleWords = heading.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
            var forms = [heading, title, titleWords, heading.uppercased()].map { Array($0.utf8) }
            forms += forms.map { form in form.flatMap { $0 == UInt8(ascii: "I") ? dottedI : [$0] } }
            if heading.hasPrefix("i") { forms.append(dottedI + heading.utf8.dropFirst()) }
            for form in forms { result.insert(form) }
        }
        return result
    }()

    /// The matcher, built once; scanners take it before a loop over lines.
    static let matcher = Matcher()

    /// The spellings in tables that dismiss almost every line by its length and first two bytes,
    /// without allocating: the check runs on every line of every text scanned.
    struct Matcher: Sendable {
        /// Spellings by byte length.
        private let byLength: [[[UInt8]]]
        /// Bit `b0 << 8 | b1` set when some spelling starts with the bytes `b0 b1`.
        private let firstPairs: [UInt64]
        private let shortest: Int
        /// The longest line that can be a heading: numbering, spaces and a colon add at most 16 bytes.
        private let longestLine: Int
        /// The quick test every line is put to first, by its length and first two bytes: bit
        /// `b0 << 8 | b1` set when a spelling starts with `b0 b1`, or when `b0` is a digit, full
        /// stop, space or tab (numbering, indentation). Few lines of running text pass it.
        private let linePairs: [UInt64]
        /// Bit `n` set when some spelling is `n` bytes long (`n` below 128).
        private let spellingLengths: (UInt64, UInt64)

        init() {
            let all = ReferenceListHeading.spellings
            let longest = all.map(\.count).max()!
            shortest = all.map(\.count).min()!
            var byLength = [[[UInt8]]](repeating: [], count: longest + 1)
            var firstPairs = [UInt64](repeating: 0, count: 65536 / 64)
            for spelling in all {
                byLength[spelling.count].append(spelling)
                let pair = Int(spelling[0]) << 8 | Int(spelling[1])
                firstPairs[pair >> 6] |= 1 << UInt64(pair & 63)
            }
            self.byLength = byLength
            self.firstPairs = firstPairs
            longestLine = longest + 16
            var linePairs = firstPairs
            for byte in "0123456789. \t".utf8 {
                for pair in (Int(byte) << 8)..<(Int(byte) << 8 + 256) { linePairs[pair >> 6] |= 1 << UInt64(pair & 63) }
            }
            self.linePairs = linePairs
            var lengths: [UInt64] = [0, 0]
            precondition(longest < 128, "a heading spelling too long for the table of lengths")
            for spelling in all { lengths[spelling.count >> 6] |= 1 << UInt64(spelling.count & 63) }
            spellingLengths = (lengths[0], lengths[1])
        }

        /// The start of the last line of `bytes` that is a heading, or nil when none is; `lineFeeds`
        /// are the offsets of its line feeds, in order.
        func lastHeading(_ bytes: UnsafeBufferPointer<UInt8>, lineFeeds: UnsafeBufferPointer<Int>) -> Int? {
            guard bytes.count >= shortest else { return nil }
            // The line after line feed `k` (the first line for -1) is tried from the last on; the C
            // loop dismisses most of them.
            var k = lineFeeds.count - 1
            while true {
                k = linePairs.withUnsafeBufferPointer { pairs in
                    firstPairs.withUnsafeBufferPointer { spellingPairs in
                        var filter = GlossHeadingFilter(linePairs: pairs.baseAddress, spellingPairs: spellingPairs.baseAddress,
                                                        spellingLengths: spellingLengths, shortest: shortest, longest: longestLine)
                        return gloss_previous_heading_candidate(bytes.baseAddress!, bytes.count, lineFeeds.baseAddress, lineFeeds.count, k, &filter)
                    }
                }
                guard k >= -1 else { return nil }
                let start = k >= 0 ? lineFeeds[k] + 1 : 0
                let end = k + 1 < lineFeeds.count ? lineFeeds[k + 1] : bytes.count
                if matches(bytes, line: start..<end) { return start }
                k -= 1
            }
        }

        /// Whether the line `line` (without its line feed) is a heading: a spelling after any
        /// numbering (`7.`) and before a final colon.
        func matches(_ bytes: UnsafeBufferPointer<UInt8>, line: Range<Int>) -> Bool {
            guard line.count >= shortest, line.count <= longestLine else { return false }
            var a = line.lowerBound
            while a < line.upperBound, ScanBytes.isDigit(bytes[a]) || bytes[a] == ScanBytes.period || bytes[a] == ScanBytes.space
                    || bytes[a] == ScanBytes.tab { a += 1 }
            guard a + 1 < line.upperBound else { return false }
            let pair = Int(bytes[a]) << 8 | Int(bytes[a + 1])
            guard firstPairs[pair >> 6] & 1 << UInt64(pair & 63) != 0 else { return false }
            var b = line.upperBound
            while b > a, ScanBytes.isSpace(bytes[b - 1]) || bytes[b - 1] == UInt8(ascii: ":") { b -= 1 }
            guard b - a < byLength.count else { return false }
            let candidate = UnsafeBufferPointer(rebasing: bytes[a..<b])
            return byLength[b - a].contains { $0.elementsEqual(candidate) }
        }
    }
}
