/// Folds names for comparison across the spellings that Turkish, Azerbaijani and PDF extraction
/// produce: `Aslanlı`/`Aslanli`/`ASLANLI`, `Məmmədov`/`Memmedov`, `Özdemir`/`Ozdemir`.
public enum NameFolding {
    /// Lower-case ASCII-ish key: Turkish dotted and dotless i both become `i`, ə becomes `e`,
    /// other diacritics are dropped, apostrophes and punctuation removed, whitespace collapsed.
    public static func key(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in name.unicodeScalars {
            for folded in fold(scalar) {
                if folded.properties.isWhitespace || folded == "-" {
                    pendingSpace = !out.isEmpty
                } else if folded.properties.isAlphabetic || folded.properties.numericType != nil {
                    if pendingSpace { out.append(" ") }
                    pendingSpace = false
                    out.append(folded)
                }
            }
        }
        return String(out)
    }

    private static func fold(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        switch scalar {
        case "I", "İ", "ı", "i": return ["i"]
        case "Ə", "ə": return ["e"]
        // ASCII lowers to itself or its small letter and has nothing to decompose; the Unicode
        // path below costs a String and a normalisation a letter (most of a 10,000-entry export).
        case "A"..."Z": return [Unicode.Scalar(scalar.value + 32)!]
        case _ where scalar.isASCII: return [scalar]
        default:
            let lowered = String(scalar).lowercased().decomposedStringWithCanonicalMapping
            return lowered.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }
        }
    }

    /// Levenshtein distance over Unicode scalars, giving up (returning `limit + 1`) once it
    /// exceeds `limit`.
    public static func distance(_ a: String, _ b: String, limit: Int) -> Int {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        if abs(x.count - y.count) > limit { return limit + 1 }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...max(x.count, 1) where !x.isEmpty {
            current[0] = i
            var rowMinimum = i
            for j in 1...max(y.count, 1) where !y.isEmpty {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return x.isEmpty ? y.count : previous[y.count]
    }
}
