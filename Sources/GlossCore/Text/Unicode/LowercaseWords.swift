/// A set of lower-case words (connectors, sentence words, event words) that tokens are looked up in
/// as `lowercased()` strings, answering exactly as `Set<String>.contains(token.lowercased())` (and
/// `hasPrefix` for stems), but without making the string for the usual token.
///
/// A token whose scalars all lower-case, through ``ScalarProperties``, to "plain" scalars (below
/// U+0300, Cyrillic letters U+0400–U+0481, or the dashes and quotes U+2010–U+201F) is compared
/// scalar by scalar: such text is in NFC and each scalar is a character of its
/// own, so `String` equality and `hasPrefix` (canonical equivalence, whole characters) come down to
/// scalar equality. Any other token takes the `String`.
struct LowercaseWords: Sendable {
    private let words: [String]
    private let set: Set<String>
    /// Every word's scalars, one after the other.
    private let scalars: [Unicode.Scalar]
    /// Each word's first scalar, length and start in `scalars`.
    private let entries: [(first: Unicode.Scalar, count: Int, start: Int)]

    init(_ words: [String]) {
        self.words = words
        set = Set(words)
        var scalars: [Unicode.Scalar] = []
        var entries: [(first: Unicode.Scalar, count: Int, start: Int)] = []
        for word in words {
            precondition(word.unicodeScalars.allSatisfy(Self.isPlain), "\(word) is not plain")
            entries.append((word.unicodeScalars.first!, word.unicodeScalars.count, scalars.count))
            scalars += word.unicodeScalars
        }
        self.scalars = scalars
        self.entries = entries
    }

    /// Whether `word`, lower-cased, is one of the words.
    func contains(_ word: LocatorParser.Scalars) -> Bool {
        guard Self.lowersPlain(word) else { return set.contains(ScalarProperties.lowercased(word)) }
        return firstMatch(word) { length in length == word.count }
    }

    /// Whether `word`, lower-cased, starts with one of the words.
    func startsAnyWord(_ word: LocatorParser.Scalars) -> Bool {
        guard Self.lowersPlain(word) else {
            let lower = ScalarProperties.lowercased(word)
            let first = lower.unicodeScalars.first
            return words.contains { $0.unicodeScalars.first == first && lower.hasPrefix($0) }
        }
        return firstMatch(word) { length in length <= word.count }
    }

    /// Whether a word whose length `fits` is written at the start of `word` (not empty, and whose
    /// scalars lower-case plainly).
    private func firstMatch(_ word: LocatorParser.Scalars, fits: (Int) -> Bool) -> Bool {
        guard let head = word.first.map(ScalarProperties.lower) else { return false }
        return scalars.withUnsafeBufferPointer { scalars in
            entries.withUnsafeBufferPointer { entries in
                for entry in entries where entry.first == head && fits(entry.count) {
                    var k = 1
                    while k < entry.count, ScalarProperties.lower(word[k]) == scalars[entry.start + k] { k += 1 }
                    if k == entry.count { return true }
                }
                return false
            }
        }
    }

    /// Whether every scalar of `word` lower-cases, through the table, to one plain scalar.
    private static func lowersPlain(_ word: LocatorParser.Scalars) -> Bool {
        word.allSatisfy { c in
            c.value < 0x80 || ScalarProperties.lowersToOneScalar(c) && isPlain(ScalarProperties.lower(c))
        }
    }

    static func isPlain(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x300 || (0x400..<0x482).contains(c.value) || (0x2010...0x201F).contains(c.value)
    }
}
