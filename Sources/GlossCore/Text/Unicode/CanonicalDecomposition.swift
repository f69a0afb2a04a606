/// Canonical decomposition (Unicode NFD) without Foundation: `é` → `e` + U+0301, `Ş` → `S` +
/// U+0327, Hangul syllables into their jamo.
///
/// Gloss decomposes to drop diacritics (name keys, source ids, transliteration, case- and
/// diacritic-insensitive search) and to write LaTeX accents. The mappings of the scalars that
/// decompose are written out in `CanonicalDecomposition+Table.swift`, already fully decomposed;
/// `CanonicalDecompositionTests` builds that table again with Foundation and compares it.
public enum CanonicalDecomposition {
    /// The full canonical decomposition of `scalar`: the scalar itself when it has none.
    public static func decompose(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        if let syllable = hangul(scalar) { return syllable }
        guard scalar.value >= 0xC0, let mapped = table[scalar.value] else { return [scalar] }
        return mapped.map { Unicode.Scalar($0)! }
    }

    /// The NFD form of `text`: every scalar decomposed, then runs of combining marks put in
    /// canonical order (stably, by combining class).
    public static func decompose<S: StringProtocol>(_ text: S) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars { out.append(contentsOf: decompose(scalar)) }
        reorderMarks(&out)
        return out
    }

    /// The NFD form of `text` as a string.
    public static func decomposedString<S: StringProtocol>(_ text: S) -> String {
        String(String.UnicodeScalarView(decompose(text)))
    }

    /// Sorts each run of scalars with a non-zero combining class by that class, keeping the order
    /// of equal classes (the canonical ordering algorithm).
    private static func reorderMarks(_ scalars: inout [Unicode.Scalar]) {
        var index = 0
        while index < scalars.count {
            guard combiningClass(scalars[index]) != 0 else { index += 1; continue }
            var end = index + 1
            while end < scalars.count, combiningClass(scalars[end]) != 0 { end += 1 }
            if end - index > 1 {
                let sorted = scalars[index..<end].enumerated().sorted {
                    (combiningClass($0.element), $0.offset) < (combiningClass($1.element), $1.offset)
                }.map(\.element)
                scalars.replaceSubrange(index..<end, with: sorted)
            }
            index = end
        }
    }

    private static func combiningClass(_ scalar: Unicode.Scalar) -> UInt8 {
        scalar.properties.canonicalCombiningClass.rawValue
    }

    /// The jamo of a precomposed Hangul syllable (U+AC00–U+D7A3), computed as Unicode §3.12 says.
    private static func hangul(_ scalar: Unicode.Scalar) -> [Unicode.Scalar]? {
        let index = Int(scalar.value) - 0xAC00
        guard index >= 0, index < 11_172 else { return nil }
        let lead = Unicode.Scalar(UInt32(0x1100 + index / 588))!
        let vowel = Unicode.Scalar(UInt32(0x1161 + (index % 588) / 28))!
        let trail = index % 28
        return trail == 0 ? [lead, vowel] : [lead, vowel, Unicode.Scalar(UInt32(0x11A7 + trail))!]
    }
}
