/// Finds the author written outside a year-only parenthesis: `Smith (2020)`, `Smith and Jones (2019, p. 4)`,
/// `Yılmaz vd. (2021)`, `Иванов (2018, с. 45)`, `Deveci Bozkuş’a göre (2021: 57-58)`.
///
/// The author is the run of capitalised name words (and connectors such as `ve`, `and`, `et al.`)
/// that ends right before the parenthesis, or before `göre`/`görə` after a word with a case suffix.
/// Words that open sentences (`According`, `Bu`) are not names. The case suffix is dropped from the
/// author (`Anglim’e` → `Anglim`); the span starts at the first name word.
enum NarrativeCitationDetector {
    /// Postpositions that follow a suffixed author: Turkish and Azerbaijani "according to".
    static let postpositions: Set<String> = ["göre", "görə", "nazaran"]

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
        // Tokens from the end, at most a few, each with its lower-case form.
        var tokens: [(text: ArraySlice<Unicode.Scalar>, start: Int, lower: String)] = []
        var end = scalars.count
        while tokens.count < 8 {
            while end > 0, scalars[end - 1] == " " { end -= 1 }
            guard end > 0 else { break }
            var start = end
            while start > 0, scalars[start - 1] != " " { start -= 1 }
            let text = scalars[start..<end]
            tokens.append((text, byteOffsets[start], ScalarProperties.lowercased(text)))
            end = start
        }
        guard var index = tokens.indices.first else { return nil }
        var suffixed = false
        if postpositions.contains(tokens[index].lower) {
            index += 1
            guard index < tokens.count, tokens[index].text.contains(where: \.isApostrophe) else { return nil }
            suffixed = true
        }
        // Collect name words and connectors backwards.
        var run: [Int] = []
        var names = 0
        var k = index
        while k < tokens.count {
            let word = tokens[k].text
            let lower = tokens[k].lower
            if AuthorName.isNameWord(word), !(word.last == "." && word.count > 3), !(k == index && AuthorName.sentenceWords.contains(lower)) {
                guard names < 4 else { break }
                if k != index, word.contains(where: \.isApostrophe) { break }
                names += 1
            } else if k != index || lower == "al." || lower == "vd." || lower == "др." {
                guard ["ve", "və", "and", "&", "и", "al.", "et", "vd.", "др."].contains(lower) else { break }
            } else {
                return nil
            }
            run.append(k)
            k += 1
        }
        // Drop connectors and sentence words from the front (the end of `run`).
        while let last = run.last {
            let lower = tokens[last].lower
            guard AuthorName.isNameWord(tokens[last].text), !AuthorName.sentenceWords.contains(lower) else {
                run.removeLast()
                continue
            }
            break
        }
        let nameWords = run.filter { AuthorName.isNameWord(tokens[$0].text) }
        guard let first = run.last, !nameWords.isEmpty else { return nil }
        // `Smith, J. (2020).` opens a reference-list entry; `Karabağ Savaşı (2020)` names an event.
        if nameWords.allSatisfy({ AuthorName.isInitial(tokens[$0].text) }) { return nil }
        // … also when the event word comes just before (`Treaty of Kars (1921)`).
        let nearby = nameWords + Array(k..<min(k + 2, tokens.count))
        if nearby.contains(where: { AuthorName.isEventWord(lowercased: tokens[$0].lower) }) { return nil }
        if suffixed, run.first != index { return nil }
        var words = run.reversed().map { ParentheticalCitationParser.text(tokens[$0].text) }
        if let last = words.last, let apostrophe = last.unicodeScalars.firstIndex(where: \.isApostrophe) {
            words[words.count - 1] = String(last.unicodeScalars[..<apostrophe])
        }
        guard let lastWord = words.last, !lastWord.isEmpty else { return nil }
        return (words.joined(separator: " "), tokens[first].start)
    }
}
