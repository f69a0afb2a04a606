/// The Azerbaijani genitive written without an apostrophe on a family name: `Əliyevin`, `Kazımovun`,
/// `Hacıyevanın`, `Rüstəmlinin`, `Nərimanoğlunun` (Azerbaijani spelling joins suffixes to proper names;
/// Turkish separates them, `Korkmaz’ın`, and those are read at the apostrophe).
///
/// The suffix is only taken off a stem that ends as Azerbaijani (and Russian) family names do
/// (`-ov`, `-ev`, `-ova`, `-eva`, `-li`, `-zadə`, `-oğlu`, …) and that the suffix's vowel agrees
/// with: names that merely end in `-in` or `-ın` (`Aydın`, `Şahin`, `Ergin`) keep their letters.
enum GenitiveSuffix {
    /// Endings of family names that take the suffix, lower-cased.
    static let nameEndings = ["ov", "ev", "ova", "eva", "li", "lı", "lu", "lü", "zadə", "oğlu", "ski", "sky"]

    /// The length of the name in `word` without its genitive suffix, or nil when `word` does not
    /// end in one after a family-name stem.
    static func stemLength(_ word: LocatorParser.Scalars) -> Int? {
        let n = word.count
        guard n >= 6, word[0].isCapital else { return nil }
        let lower = (0..<n).map { ScalarProperties.lower(word[$0]) }
        // The suffix: vowel + n, with a linking n after a stem that ends in a vowel.
        guard lower[n - 1] == "n", let vowel = harmonyVowel(lower[n - 2]) else { return nil }
        var stem = n - 2
        if lower[stem - 1] == "n", isVowel(lower[stem - 2]) { stem -= 1 }
        guard stem >= 4, stem == n - 2 ? !isVowel(lower[stem - 1]) : isVowel(lower[stem - 1]) else { return nil }
        let stemScalars = Array(lower[0..<stem])
        guard nameEndings.contains(where: { ending in
            let e = Array(ending.unicodeScalars)
            return stemScalars.count > e.count && Array(stemScalars.suffix(e.count)) == e
        }) else { return nil }
        // The suffix's vowel follows the stem's last vowel.
        guard let last = stemScalars.last(where: isVowel), harmonyVowel(last) == vowel else { return nil }
        return stem
    }

    /// The suffix vowel a stem vowel calls for (`ı`, `i`, `u`, `ü`), or nil for a consonant.
    private static func harmonyVowel(_ c: Unicode.Scalar) -> Unicode.Scalar? {
        switch c {
        case "a", "ı": "ı"
        case "e", "ə", "i": "i"
        case "o", "u": "u"
        case "ö", "ü": "ü"
        default: nil
        }
    }

    private static func isVowel(_ c: Unicode.Scalar) -> Bool { harmonyVowel(c) != nil }
}
