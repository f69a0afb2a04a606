/// Folds names for comparison across the spellings that Turkish, Azerbaijani and PDF extraction
/// produce: `Aslanlı`/`Aslanli`/`ASLANLI`, `Məmmədov`/`Memmedov`, `Özdemir`/`Ozdemir`.
public enum NameFolding {
    /// Lower-case ASCII-ish key: Turkish dotted and dotless i both become `i`, ə becomes `e`,
    /// other diacritics are dropped, apostrophes and punctuation removed, whitespace collapsed.
    public static func key(_ name: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        func add(_ folded: Unicode.Scalar) {
            let space: Bool
            let word: Bool
            if folded.isASCII {
                // ASCII's White_Space is tab to carriage return and space; its letters and digits
                // are A–Z, a–z and 0–9: no property lookup needed.
                let byte = UInt8(folded.value)
                space = byte == 0x20 || (0x09...0x0D).contains(byte) || byte == UInt8(ascii: "-")
                word = (0x61...0x7A).contains(byte | 0x20) || (0x30...0x39).contains(byte)
            } else {
                space = folded.properties.isWhitespace
                word = !space && (folded.properties.isAlphabetic || folded.properties.numericType != nil)
            }
            if space {
                pendingSpace = !out.isEmpty
            } else if word {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(contentsOf: UTF8.encode(folded)!)
            }
        }
        for scalar in name.unicodeScalars {
            switch scalar {
            case "I", "İ", "ı", "i": add("i")
            case "Ə", "ə": add("e")
            case "A"..."Z": add(Unicode.Scalar(scalar.value + 32)!)
            case _ where scalar.isASCII: add(scalar)
            case _ where scalar.value < 0x0530: for folded in foldedTable[Int(scalar.value) - 0x80] { add(folded) }
            default: for folded in fold(scalar) { add(folded) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A non-ASCII letter lowered, decomposed and stripped of its diacritics. Foundation's lowering
    /// and normalisation cost a String each, so Latin, IPA, Greek and Cyrillic (U+0080–U+052F)
    /// are folded once, into `foldedTable`.
    private static func fold(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        let lowered = String(scalar).lowercased().decomposedStringWithCanonicalMapping
        return lowered.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }
    }

    private static let foldedTable: [[Unicode.Scalar]] = (0x80..<0x0530).map { value in
        Unicode.Scalar(UInt32(value)).map(fold) ?? []
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
