/// Authors joined by commas alone, as GOST R 7.0.5 writes two or three of them in a narrative
/// citation: `Eğilmez, Kumcu [2020]`, `Иванов, Петров, Сидоров [2005]` (no `и`/`and` before the last).
///
/// Nothing in the words tells `Eğilmez, Kumcu` (two authors) from `However, Kumcu` or a list of
/// subjects, so the names before the comma are taken only when the source's reference list holds the
/// work under all of them (`listed`); the shortest such run wins.
enum CommaJoinedAuthors {
    /// How many names may stand before the one found.
    static let maxExtraNames = 3

    /// Whether a word ending with a comma stands right before `found`: only then is the list asked.
    static func mayExtend(_ found: (author: String, start: Int), in window: NormalizedText) -> Bool {
        var end = found.start
        while end > 0, window.bytes[end - 1] == ScanBytes.space { end -= 1 }
        return end > 1 && window.bytes[end - 1] == ScanBytes.comma
    }

    /// `found` (an author ending the normalised `window`, and the offset in its bytes where it starts)
    /// with up to three `Name,` words before it added, when `listed` accepts the longer author.
    static func extend(_ found: (author: String, start: Int), in window: NormalizedText,
                       listed: (String) -> Bool) -> (author: String, start: Int)? {
        let bytes = window.bytes
        var start = found.start
        var author = found.author
        for _ in 0..<maxExtraNames {
            // The word before `start`, which must end with a comma.
            var end = start
            while end > 0, bytes[end - 1] == ScanBytes.space { end -= 1 }
            guard end > 1, bytes[end - 1] == ScanBytes.comma else { return nil }
            var begin = end - 1
            while begin > 0, bytes[begin - 1] != ScanBytes.space { begin -= 1 }
            let word = String(decoding: bytes[begin..<(end - 1)], as: UTF8.self)
            guard isName(word) else { return nil }
            author = word + ", " + author
            start = begin
            if listed(author) { return (author, start) }
        }
        return nil
    }

    /// A capitalised word of letters (and `-`, apostrophes) that does not open sentences.
    private static func isName(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        guard let first = scalars.first, first.isCapital, scalars.count > 1,
              scalars.allSatisfy({ $0.isLetter || $0 == "-" || $0.isApostrophe }) else { return false }
        return !scalars.withUnsafeBufferPointer(AuthorName.sentenceWords.contains)
    }
}
