/// MLA's narrative citations: the author named in the running text, with no year and often no
/// parenthesis at all (`As Kappas shows, …`, `Eğilmez and Kumcu argue …`, `Upadhyay et al. found …`).
///
/// A name in running text is a citation in this style only, so mentions are read only in a text
/// that cites by author and page (``citesByAuthorAndPage(yearless:dated:)``), and only names that
/// are the whole authorship of a work of the text's own list (`listed`, as for ``AuthorPageParenthesis``):
/// the longest run of name words and connectors (`and`, `et al.`, `ve`, `и`) from a word that
/// opens a line of the list. A run followed by another capitalised word (`Kappas Street`) is part
/// of a longer name and is passed over; a possessive is dropped (`Kappas’s` → `Kappas`).
enum AuthorMentions {
    /// A name in running text, its UTF-8 range and the author as written (one space between words).
    struct Mention: Equatable {
        var range: Range<Int>
        var author: String
    }

    /// The most words a run may have.
    static let maxWords = 8

    /// Words that may join the names of a run.
    static let connectors = LowercaseWords(["and", "&", "et", "al.", "ve", "və", "и", "de", "van", "von", "der", "den", "du", "da", "la", "le"])

    /// Whether the author-date items found so far show a text that cites by author and page: at
    /// least two items without a year, and more of them than items with one.
    static func citesByAuthorAndPage(yearless: Int, dated: Int) -> Bool {
        yearless >= 2 && yearless > dated
    }

    /// A word of the text: its UTF-8 range and scalars.
    private struct Word {
        var range: Range<Int>
        var scalars: [Unicode.Scalar]
        /// Whether only spaces (no line left blank, no punctuation) stand between it and the next word.
        var joinedToNext = false
    }

    /// The mentions in `range` of the UTF-8 `bytes` of names whose first word is one of `openings`
    /// (the first words of the list's lines) and that `listed` accepts.
    static func mentions(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, openings: Set<[UInt8]>,
                         listed: (String) -> Bool) -> [Mention] {
        let words = self.words(UnsafeBufferPointer(rebasing: bytes[range]), offset: range.lowerBound)
        var found: [Mention] = []
        var i = 0
        while i < words.count {
            defer { i += 1 }
            let first = words[i]
            guard let head = first.scalars.first, head.isCapital || first.scalars.withUnsafeBufferPointer(MixedParenthesis.particles.contains),
                  openings.contains(Array(bytes[base(first)])) else { continue }
            var best: (end: Int, author: String)?
            var author = ""
            var j = i
            while j < words.count, j - i < maxWords {
                let word = words[j]
                let text = String(String.UnicodeScalarView(word.scalars[0..<baseLength(word)]))
                let isConnector = word.scalars.withUnsafeBufferPointer(connectors.contains)
                guard j == i || word.scalars.first?.isCapital == true || isConnector else { break }
                author += (j == i ? "" : " ") + text
                if !isConnector || text == "al.", listed(author) { best = (j, author) }
                // A possessive ends the name.
                guard baseLength(word) == word.scalars.count, word.joinedToNext else { break }
                j += 1
            }
            guard let best else { continue }
            // `1000 Genomes Project Consortium`: a name that goes on before the run is not read in part.
            var before = first.range.lowerBound
            while before > range.lowerBound, bytes[before - 1] == ScanBytes.space { before -= 1 }
            if before > range.lowerBound, ScanBytes.isDigit(bytes[before - 1]) { continue }
            let last = words[best.end]
            // Part of a longer name: another capitalised word follows (not after `et al.`, which may end a sentence).
            if baseLength(last) == last.scalars.count, last.scalars.last != ".", last.joinedToNext, best.end + 1 < words.count,
               words[best.end + 1].scalars.first?.isCapital == true { continue }
            found.append(Mention(range: first.range.lowerBound..<base(last).upperBound, author: best.author))
            i = best.end
        }
        return found
    }

    /// The scalars of `word` before a possessive (`Kappas’s`, `Kappas'`).
    private static func baseLength(_ word: Word) -> Int {
        word.scalars.firstIndex(where: { $0.isApostrophe }) ?? word.scalars.count
    }

    /// The UTF-8 range of `word` before a possessive.
    private static func base(_ word: Word) -> Range<Int> {
        let length = baseLength(word)
        guard length < word.scalars.count else { return word.range }
        var bytes = 0
        for scalar in word.scalars[0..<length] { bytes += UTF8.width(scalar) }
        return word.range.lowerBound..<(word.range.lowerBound + bytes)
    }

    /// The words of `text` (letters, with inner hyphens and apostrophes; `al.` keeps its full stop),
    /// with ranges offset by `offset`.
    private static func words(_ text: UnsafeBufferPointer<UInt8>, offset: Int) -> [Word] {
        var words: [Word] = []
        var current: Word?
        // Only spaces and at most one line break since the last word ended.
        var gapIsSpace = true
        var newlines = 0
        NormalizedText.forEachScalar(in: text) { scalar, at in
            let width = UTF8.width(scalar)
            if scalar.isLetter || current != nil && (scalar == "-" || scalar.isApostrophe) {
                if current == nil {
                    if !words.isEmpty { words[words.count - 1].joinedToNext = gapIsSpace && newlines < 2 }
                    current = Word(range: (offset + at)..<(offset + at), scalars: [])
                }
                current!.scalars.append(scalar)
                current!.range = current!.range.lowerBound..<(offset + at + width)
                return
            }
            if var word = current {
                if scalar == ".", word.scalars == ["a", "l"] {
                    word.scalars.append(".")
                    word.range = word.range.lowerBound..<(offset + at + 1)
                    words.append(word)
                    current = nil
                    (gapIsSpace, newlines) = (true, 0)
                    return
                }
                words.append(word)
                current = nil
                (gapIsSpace, newlines) = (true, 0)
            }
            if scalar == "\n" {
                newlines += 1
            } else if scalar != " " && scalar != "\t" && scalar != "\r" {
                gapIsSpace = false
            }
        }
        if let current { words.append(current) }
        return words
    }
}
