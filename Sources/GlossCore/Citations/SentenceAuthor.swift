/// The author of a year-only parenthesis named earlier in its sentence, not right before it:
/// `Ergin, “Türk Dil Bilgisi” adlı eserinde bu yapıyı ele alır (1997, s. 45)`, `Bu konuda Korkmaz’ın
/// görüşleri … tekrarlanmıştır (2003a: 35)`, `As Smith argues in his later monograph (2010, p. 4)`.
///
/// The author is the nearest capitalised family name before the parenthesis in the same sentence (or
/// the previous one, when this sentence opens with a word such as `Bu` or `This` that continues the
/// thought), with its Turkish or Azerbaijani case suffix dropped (`Korkmaz’ın` → `Korkmaz`). Words in
/// quotes (titles), acronyms, labels, months, event words and the words that open sentences are not
/// names; the first word of a sentence is a name only when a comma, a suffix or a particle such as
/// `da`/`ise` follows it (`Banguoğlu da …`), since any sentence opens with a capital.
///
/// When the source has a reference list, a name that matches one of its entries with the
/// parenthesis's year wins over a nearer capitalised word (`Korkmaz’ın bu görüşü Ergin’in eserinde
/// de geçer (2003: 35)` with `Korkmaz, Z. (2003)` listed), and may open the sentence.
enum SentenceAuthor {
    /// Words after a sentence-initial name that show it is the subject (`Banguoğlu da`, `Smith, …`).
    static let subjectParticles = LowercaseWords(["da", "de", "ise", "dahi", "və", "ve", "and", "also", "и", "же", "тоже", "также"])

    /// The author found, and where it stands in the window's bytes.
    struct Found: Equatable {
        var author: String
        var bytes: Range<Int>
    }

    /// The author for a year-only parenthesis right after the end of `window`; `listed` says whether
    /// a name as written cites an entry of the source's reference list (nil: the source has none).
    static func author(before window: NormalizedText, listed: ((String) -> Bool)? = nil) -> Found? {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        scalars.reserveCapacity(window.bytes.count)
        window.forEachScalar { scalar, offset in
            scalars.append(scalar)
            offsets.append(offset)
        }
        offsets.append(window.bytes.count)
        return scalars.withUnsafeBufferPointer { s -> Found? in
            // The word right before the parenthesis is not capitalised: a capitalised phrase there is a
            // name read (or turned down: `Treaty of Kars (1921)`, `Yılmaz, A. (2020).`) as adjacent,
            // and a number is a label (`Year 3 (2025)`).
            var end = s.count
            while end > 0, s[end - 1] == " " { end -= 1 }
            var last = end
            while last > 0, s[last - 1] != " " { last -= 1 }
            if let first = s.part(last..<end).first(where: { $0.isLetter || $0.isDigitLike }), first.isCapital || first.isDigitLike {
                return nil
            }
            func found(_ name: Range<Int>) -> Found {
                Found(author: ParentheticalCitationParser.text(s.part(name)), bytes: offsets[name.lowerBound]..<offsets[name.upperBound])
            }
            let sentence = sentenceStart(s, before: end)
            // A sentence that continues the previous one (`Bu görüş …`, `This view …`).
            let continues = sentence > 0 && AuthorName.sentenceWords.contains(firstWord(s, at: sentence))
            let previous = continues ? sentenceStart(s, before: sentence) : sentence
            if let listed {
                if let name = nearestName(s, in: sentence..<end, where: listed) ?? (continues ? nearestName(s, in: previous..<sentence, where: listed) : nil) {
                    return found(name)
                }
            }
            if let name = nearestName(s, in: sentence..<end) { return found(name) }
            guard continues, let name = nearestName(s, in: previous..<sentence) else { return nil }
            return found(name)
        }
    }

    /// Where the sentence holding `end` starts: after `.`, `!` or `?` and a space before a capital,
    /// unless the full stop ends an initial or an abbreviation (`M.`, `vd.`, `s.`).
    private static func sentenceStart(_ s: LocatorParser.Scalars, before end: Int) -> Int {
        var i = end - 1
        while i > 1 {
            defer { i -= 1 }
            guard s[i - 1] == " ", s[i].isCapital, s[i - 2] == "." || s[i - 2] == "!" || s[i - 2] == "?" else { continue }
            var wordStart = i - 2
            while wordStart > 0, s[wordStart - 1] != " " { wordStart -= 1 }
            let word = s.part(wordStart..<(i - 1))
            if s[i - 2] == ".", AuthorName.isInitial(word) || AuthorName.connectors.contains(word) || LocatorParser.prefixLength(word, at: 0) != nil {
                continue
            }
            return i
        }
        return 0
    }

    private static func firstWord(_ s: LocatorParser.Scalars, at i: Int) -> LocatorParser.Scalars {
        var end = i
        while end < s.count, s[end] != " ", s[end] != ",", !s[end].isApostrophe { end += 1 }
        return s.part(i..<end)
    }

    /// The nearest name in `range` (scalar offsets), without its suffix, skipping quoted words; with
    /// `listed`, the nearest that it accepts (which may open the sentence).
    private static func nearestName(_ s: LocatorParser.Scalars, in range: Range<Int>, where listed: ((String) -> Bool)? = nil) -> Range<Int>? {
        var quoted = false
        var tokenEnd = range.upperBound
        while tokenEnd > range.lowerBound {
            while tokenEnd > range.lowerBound, s[tokenEnd - 1] == " " { tokenEnd -= 1 }
            var tokenStart = tokenEnd
            while tokenStart > range.lowerBound, s[tokenStart - 1] != " " { tokenStart -= 1 }
            guard tokenStart < tokenEnd else { break }
            defer { tokenEnd = tokenStart }
            let token = s.part(tokenStart..<tokenEnd)
            // Walking backwards, a closing quote opens a quoted stretch and an opening quote ends it.
            let closes = token.contains { $0 == "”" || $0 == "»" || $0 == "\"" && !quoted }
            let opens = token.contains { $0 == "“" || $0 == "«" || $0 == "„" || $0 == "\"" && quoted }
            if closes, !opens { quoted = true; continue }
            if opens { quoted = false; continue }
            if quoted { continue }
            guard let name = nameWord(token) else { continue }
            let start = tokenStart + name.lowerBound
            let end = tokenStart + name.upperBound
            if let listed {
                if listed(ParentheticalCitationParser.text(s.part(start..<end))) { return start..<end }
                continue
            }
            if start == range.lowerBound {
                // The first word of the sentence: a name only when it is shown to be the subject.
                let after = tokenStart + name.upperBound
                // A letter after the name: the genitive suffix taken off it (`Əliyevin fikrincə, …`).
                let followed = after < s.count && (s[after] == "," || s[after].isApostrophe || s[after].isLetter)
                    || tokenEnd < range.upperBound && subjectParticles.contains(firstWord(s, at: tokenEnd + 1))
                guard followed else { return nil }
            }
            return start..<end
        }
        return nil
    }

    /// The family name a token holds (its scalars without punctuation around it and a case suffix),
    /// if it can be one.
    private static func nameWord(_ token: LocatorParser.Scalars) -> Range<Int>? {
        var start = 0
        while start < token.count, !token[start].isLetter { start += 1 }
        var end = start
        while end < token.count, token[end].isLetter || token[end] == "-" && end + 1 < token.count && token[end + 1].isLetter { end += 1 }
        // What follows the letters: nothing, punctuation, or an apostrophe and a suffix.
        if end < token.count, token[end].isApostrophe {
            var suffix = end + 1
            while suffix < token.count, token[suffix].isLetter { suffix += 1 }
            guard suffix - end - 1 <= 5 else { return nil }
        } else if end < token.count, token[end] == "." {
            return nil
        }
        let word = token.part(start..<end)
        guard word.count >= 3, word[0].isCapital,
              word.contains(where: { $0.isLetter && !$0.isCapital }),
              !AuthorName.sentenceWords.contains(word), !MixedParenthesis.labels.contains(word),
              !MonthNames.words.contains(word), !AuthorName.isEventWord(word)
        else { return nil }
        return start..<(start + (GenitiveSuffix.stemLength(word) ?? word.count))
    }
}
