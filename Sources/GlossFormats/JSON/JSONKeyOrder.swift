import GlossCore

/// The order of object keys in the JSON that Gloss writes through ``JSONValue``: the order
/// Foundation's `JSONSerialization` gave with `.sortedKeys`, which compared keys numerically and
/// case-insensitively under the root collation (`_x` < `@context` < `a` < `a2` < `a10` < `B`).
///
/// Keys are CSL and W3C names and BibTeX field names (letters, digits and `_-:.+/`). The order is
/// exact for ASCII keys (`JSONKeyOrderTests` compares it with `JSONSerialization`); for other
/// letters it follows the root collation's main rules (a letter with a diacritic after the bare
/// letter, `ı` after `i`, `ə` after `e`, Greek then Cyrillic after Latin).
enum JSONKeyOrder {
    /// Whether the key `a` comes before the key `b`.
    static func precedes(_ a: String, _ b: String) -> Bool {
        let x = elements(a)
        let y = elements(b)
        for level in 0..<4 {
            let order = compare(x.map { $0.weight(level) }, y.map { $0.weight(level) })
            if order != 0 { return order < 0 }
        }
        return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }

    /// One collation element: its primary weight (group, then value), its diacritics, whether it
    /// was upper case and, for a number, its leading zeros (`a1` < `a01` < `A1`).
    private struct Element {
        var primary: [Int]
        var marks: [Int]
        var upper: Bool
        var zeros = 0

        func weight(_ level: Int) -> [Int] {
            switch level {
            case 0: return primary
            case 1: return marks
            case 2: return [upper ? 1 : 0]
            default: return [zeros]
            }
        }
    }

    /// Root collation order of the ASCII punctuation and symbols (space first).
    private static let symbols = Array(" _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$".unicodeScalars)

    /// Letters the root collation sorts just after a Latin letter rather than with it.
    private static let after: [Unicode.Scalar: (Unicode.Scalar, Int)] = [
        "æ": ("a", 1), "đ": ("d", 1), "ə": ("e", 1), "ı": ("i", 1), "ł": ("l", 1), "ø": ("o", 1), "œ": ("o", 2),
    ]

    private static func elements(_ key: String) -> [Element] {
        var out: [Element] = []
        let scalars = Array(key.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if ("0"..."9").contains(scalar) {
                var end = index
                while end < scalars.count, ("0"..."9").contains(scalars[end]) { end += 1 }
                let digits = scalars[index..<end].drop { $0 == "0" }.map { Int($0.value) - 48 }
                out.append(Element(primary: [1, digits.count] + digits, marks: [], upper: false, zeros: end - index - digits.count))
                index = end
                continue
            }
            index += 1
            if let rank = symbols.firstIndex(of: scalar) {
                out.append(Element(primary: [0, rank], marks: [], upper: false))
                continue
            }
            let parts = CanonicalDecomposition.decompose(scalar)
            let base = parts[0]
            let lower = base.properties.lowercaseMapping.unicodeScalars
            let upper = base.properties.isUppercase
            let marks = parts.dropFirst().map { Int($0.value) }
            if lower.first == "ß" || base == "ß" {
                out.append(Element(primary: [2, Int(("s" as Unicode.Scalar).value), 0], marks: marks, upper: upper))
                out.append(Element(primary: [2, Int(("s" as Unicode.Scalar).value), 0], marks: [], upper: upper))
                continue
            }
            let letter = lower.count == 1 ? lower.first! : base
            if let (latin, step) = after[letter] {
                out.append(Element(primary: [2, Int(latin.value), step], marks: marks, upper: upper))
            } else {
                out.append(Element(primary: [2, Int(letter.value), 0], marks: marks, upper: upper))
            }
        }
        return out
    }

    /// -1, 0 or 1 as the weights of one level compare.
    private static func compare(_ x: [[Int]], _ y: [[Int]]) -> Int {
        let flatX = x.flatMap { $0 + [-1] }
        let flatY = y.flatMap { $0 + [-1] }
        if flatX == flatY { return 0 }
        return flatX.lexicographicallyPrecedes(flatY) ? -1 : 1
    }
}
