/// Finds the author written outside a year-only parenthesis: `Smith (2020)`, `Smith and Jones (2019, p. 4)`,
/// `Yılmaz vd. (2021)`, `Иванов (2018, с. 45)`, `Deveci Bozkuş’a göre (2021: 57-58)`.
///
/// The author is the run of capitalised name words (and connectors such as `ve`, `and`, `et al.`)
/// that ends right before the parenthesis, or before `göre`/`görə` after a word with a case suffix.
/// Words that open sentences (`According`, `Bu`) are not names. The case suffix is dropped from the
/// author (`Anglim’e` → `Anglim`, and the Azerbaijani genitive written without an apostrophe,
/// `Əliyevin` → `Əliyev`); the span starts at the first name word.
enum NarrativeCitationDetector {
    /// Postpositions that follow a suffixed author: Turkish and Azerbaijani "according to".
    static let postpositions = LowercaseWords(["göre", "görə", "nazaran"])

    /// Words that join the names of one author string.
    static let connectors = LowercaseWords(["ve", "və", "and", "&", "и", "al.", "al", "et", "vd.", "vd", "др.", "ark.",
                                            "arkadaşları", "diğerleri", "diğ.", "b.", "və b."])

    /// Connectors that join the last two of three or more authors.
    static let listConnectors = LowercaseWords(["and", "ve", "və", "&", "и"])

    /// A name word followed by the comma of a list of authors (`Jones,`), not a word that opens a
    /// sentence (`Finally,`).
    private static func isListedName(_ word: LocatorParser.Scalars) -> Bool {
        guard word.count > 1, word.last == "," else { return false }
        let base = word.part(0..<(word.count - 1))
        return AuthorName.isNameWord(base) && !AuthorName.isInitial(base) && !AuthorName.sentenceWords.contains(base)
    }

    /// The words of tokens `range`.
    private static func run(_ scalars: LocatorParser.Scalars, _ tokens: [Range<Int>], _ range: Range<Int>) -> [LocatorParser.Scalars] {
        range.map { word(scalars, tokens, $0) }
    }

    /// Words that make the name after them the name of an institution (`Институт им. Павлова`).
    static let namedAfter = LowercaseWords(["им.", "имени"])

    /// Connectors that may end the author string, right before the parenthesis (`Smith et al (2012)`,
    /// `Kaya ve arkadaşları (2012)`, `Kaya vd.’nin (2015)`).
    static let closingConnectors = LowercaseWords(["al.", "al", "vd.", "vd", "др.", "ark.", "arkadaşları", "diğerleri", "diğ.", "b."])

    /// The author before the end of `window`, and the offset in `window.bytes` where it starts.
    static func author(endingAt window: NormalizedText) -> (author: String, start: Int)? {
        // Only the last tokens are read: decode from the start of the eighth from the end (found on
        // the bytes, where a space is one byte).
        let bytes = window.bytes
        var from = bytes.count
        for _ in 0..<8 {
            while from > 0, bytes[from - 1] == ScanBytes.space { from -= 1 }
            while from > 0, bytes[from - 1] != ScanBytes.space { from -= 1 }
        }
        var scalars: [Unicode.Scalar] = []
        var byteOffsets: [Int] = []
        scalars.reserveCapacity(bytes.count - from)
        byteOffsets.reserveCapacity(bytes.count - from)
        window.forEachScalar(from: from) { scalar, offset in
            scalars.append(scalar)
            byteOffsets.append(offset)
        }
        return scalars.withUnsafeBufferPointer { author(in: $0, byteOffsets: byteOffsets) }
    }

    /// The author at the end of the scalars of a window's last tokens; `byteOffsets` maps them to the window's bytes.
    private static func author(in scalars: LocatorParser.Scalars, byteOffsets: [Int]) -> (author: String, start: Int)? {
        // Tokens from the end, at most a few: their scalars.
        var tokens: [Range<Int>] = []
        tokens.reserveCapacity(8)
        var end = scalars.count
        while tokens.count < 8 {
            while end > 0, scalars[end - 1] == " " { end -= 1 }
            guard end > 0 else { break }
            var start = end
            while start > 0, scalars[start - 1] != " " { start -= 1 }
            tokens.append(start..<end)
            end = start
        }
        func word(_ k: Int) -> LocatorParser.Scalars { self.word(scalars, tokens, k) }
        guard var index = tokens.indices.first else { return nil }
        if postpositions.contains(word(index)) {
            index += 1
            guard index < tokens.count, word(index).contains(where: { $0.isApostrophe }) else { return nil }
        }
        // The last word without its case suffix (`Yılmaz’ın`, `vd.’nin`).
        let lastWord = word(index)
        let lastBase = lastWord.part(0..<(lastWord.firstIndex(where: { $0.isApostrophe }) ?? lastWord.count))
        // Collect name words, connectors and name particles backwards: the run is `index..<runEnd`.
        var names = 0
        var k = index
        while k < tokens.count {
            let word = word(k)
            if AuthorName.isNameWord(word), !(word.last == "." && word.count > 3), !(k == index && AuthorName.sentenceWords.contains(word)) {
                guard names < 4 else { break }
                if k != index, word.contains(where: { $0.isApostrophe }) { break }
                names += 1
            } else if k > index, isListedName(word), run(scalars, tokens, index..<k).contains(where: { listConnectors.contains($0) }) {
                // `Smith, Jones and Lee (2005)`, `Aydın, Kaya ve Demir (2019)`: the names before the last two.
                guard names < 4 else { break }
                names += 1
            } else if k > index, MixedParenthesis.particles.contains(word),
                      AuthorName.isNameWord(self.word(scalars, tokens, k - 1)) || MixedParenthesis.particles.contains(self.word(scalars, tokens, k - 1)) {
                // `de Jonge`, `van der Berg`: kept with the name that follows.
            } else if k == index, isAbbreviatedOthers(lastBase), index + 1 < tokens.count, connectors.contains(self.word(scalars, tokens, index + 1)) {
                // `Kaya ve arkd. (2012)`, `Mohr and oth. (2012)`: "and others" abbreviated some other way.
            } else if k != index || closingConnectors.contains(lastBase) {
                guard connectors.contains(k == index ? lastBase : word) else { break }
            } else {
                return nil
            }
            k += 1
        }
        // Drop connectors and sentence words from the front (the end of the run).
        var runEnd = k
        while runEnd > index, !AuthorName.isNameWord(word(runEnd - 1)) && !isListedName(word(runEnd - 1))
                || AuthorName.sentenceWords.contains(word(runEnd - 1)) {
            if runEnd - 1 > index, MixedParenthesis.particles.contains(word(runEnd - 1)) { break }
            runEnd -= 1
        }
        let run = index..<runEnd
        // The run, if not empty, ends with a name word.
        guard !run.isEmpty else { return nil }
        let nameWords = run.lazy.filter { AuthorName.isNameWord(word($0)) }
        // `Smith, J. (2020).` opens a reference-list entry; `Karabağ Savaşı (2020)` names an event.
        if nameWords.allSatisfy({ AuthorName.isInitial(word($0)) }) { return nil }
        // … also when the event word comes just before (`Treaty of Kars (1921)`).
        if nameWords.contains(where: { AuthorName.isEventWord(word($0)) }) { return nil }
        if (k..<min(k + 2, tokens.count)).contains(where: { AuthorName.isEventWord(word($0)) }) { return nil }
        // `им. Л.Г. Щукиной (1912)`: an institution named after a person, and the year it was founded.
        var before = k
        while before < tokens.count, word(before).last == ".", word(before).allSatisfy({ $0 == "." || $0.isCapital }) { before += 1 }
        if before < tokens.count, namedAfter.contains(word(before)) { return nil }
        // The words of the run, one space apart as in the view, without the case suffix of the last.
        let last = word(index)
        let suffixed = last.firstIndex(where: { $0.isApostrophe }) ?? GenitiveSuffix.stemLength(last) ?? last.count
        guard suffixed > 0 else { return nil }
        let first = tokens[runEnd - 1]
        let author = ParentheticalCitationParser.text(scalars.part(first.lowerBound..<(tokens[index].lowerBound + suffixed)))
        return (author, byteOffsets[first.lowerBound])
    }

    private static func word(_ scalars: LocatorParser.Scalars, _ tokens: [Range<Int>], _ k: Int) -> LocatorParser.Scalars {
        scalars.part(tokens[k])
    }

    /// A short lower-case abbreviation (`arkd.`, `diğ.`, `oth.`): after `ve`/`and` before a year, "and others".
    private static func isAbbreviatedOthers(_ word: LocatorParser.Scalars) -> Bool {
        guard word.count >= 3, word.count <= 6, word.last == "." else { return false }
        return word.dropLast().allSatisfy { $0.isLetter && !$0.isCapital }
    }
}
