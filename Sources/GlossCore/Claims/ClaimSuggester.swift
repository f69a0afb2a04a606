/// A candidate claim: a sentence closed by one or more citations.
public struct ClaimSuggestion: Sendable, Hashable {
    /// The sentence (code points, end exclusive).
    public var span: TextSpan
    /// The citations in the sentence, which the claim would be linked to.
    public var citations: [CitationID]
    /// The stored text of the sentence.
    public var text: String
}

/// Proposes claims from detected citations, and finds the citation that supports a claim.
public enum ClaimSuggester {
    /// For every sentence holding citations: the sentence as a candidate claim linked to them.
    /// Sentences that overlap an existing claim are left out.
    public static func suggest(in text: SourceText, citations: [Citation], existing: [Claim] = []) -> [ClaimSuggestion] {
        let sentences = SentenceSegmenter.sentences(in: text)
        var bySentence: [Int: [CitationID]] = [:]
        for citation in citations {
            guard var index = sentenceIndex(containing: citation.span.start, in: sentences) else { continue }
            // `… olmuştur. (Zeytinci, 2025:5).` or `… sahiptir. (Özdemir-Kantar, 2023.734) Hem …`:
            // a bracketed citation standing alone or opening a sentence supports the sentence before.
            if index > 0, isOnlyCitations(sentences[index], citations: citations, in: text)
                || opens(sentences[index], citation, in: text) { index -= 1 }
            bySentence[index, default: []].append(citation.id)
        }
        return bySentence.keys.sorted().compactMap { index in
            let span = sentences[index]
            guard !existing.contains(where: { $0.position.overlaps(span) }) else { return nil }
            return ClaimSuggestion(span: span, citations: bySentence[index, default: []].sorted(), text: text.slice(span))
        }
    }

    /// The citation that ends the sentence of a claim (`--cite nearest`): the last citation of the
    /// sentence holding the claim's last code point, or nil when that sentence has none.
    public static func nearestCitation(to claim: TextSpan, in text: SourceText, citations: [Citation]) -> Citation? {
        let sentences = SentenceSegmenter.sentences(in: text)
        guard let index = sentenceIndex(containing: max(claim.start, claim.end - 1), in: sentences) else { return nil }
        let sentence = sentences[index]
        var found = citations.filter { sentence.start <= $0.span.start && $0.span.start < sentence.end }
        if index + 1 < sentences.count {
            let next = sentences[index + 1]
            let onlyCitations = isOnlyCitations(next, citations: citations, in: text)
            found += citations.filter { next.overlaps($0.span) && (onlyCitations || opens(next, $0, in: text)) }
        }
        return found.max { $0.span < $1.span }
    }

    /// Whether a parenthetical or numeric citation is the first thing in `sentence`.
    static func opens(_ sentence: TextSpan, _ citation: Citation, in text: SourceText) -> Bool {
        guard citation.kind == .parenthetical || citation.kind == .numeric, citation.span.start >= sentence.start else { return false }
        return !text.slice(TextSpan(start: sentence.start, end: citation.span.start)).unicodeScalars
            .contains { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }

    /// Whether `sentence` holds nothing but citations, punctuation and white space.
    static func isOnlyCitations(_ sentence: TextSpan, citations: [Citation], in text: SourceText) -> Bool {
        let inside = citations.filter { sentence.overlaps($0.span) }.map(\.span)
        guard !inside.isEmpty else { return false }
        var offset = sentence.start
        for scalar in text.slice(sentence).unicodeScalars {
            defer { offset += 1 }
            if inside.contains(where: { $0.start <= offset && offset < $0.end }) { continue }
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) { return false }
        }
        return true
    }

    /// The sentence holding `offset`, or the one before it when `offset` falls between sentences
    /// (a footnote marker set apart from its period).
    private static func sentenceIndex(containing offset: Int, in sentences: [TextSpan]) -> Int? {
        var low = 0
        var high = sentences.count
        while low < high {
            let mid = (low + high) / 2
            if sentences[mid].start <= offset { low = mid + 1 } else { high = mid }
        }
        return low > 0 ? low - 1 : nil
    }
}
