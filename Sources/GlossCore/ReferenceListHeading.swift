/// Recognises the heading of a reference list (`Kaynakça`, `References`, `Ədəbiyyat`, `Литература`).
///
/// The entries of a reference list look like citations (`Yılmaz, A. (2020).`, `[1] Smith, J.`) but
/// are not in-text citations: the scanner reports nothing after the last such heading. Headings are
/// matched on bytes, in lower case, Title case or UPPER case, after any numbering (`7.`) and before a
/// final colon; the check runs on every line, so it allocates nothing for lines that cannot match.
enum ReferenceListHeading {
    /// Headings, lower-cased; ``ReferenceListSegmenter`` finds lists under the same ones, so the
    /// scanner stops exactly where the list that is parsed into records begins. (`Sources` is left
    /// out: alone on a line it is as often the caption of a table's sources.)
    static let headings = [
        "kaynakça", "kaynakca", "kaynaklar", "yararlanılan kaynaklar", "kullanılan kaynaklar", "references",
        "reference list", "bibliography", "works cited", "literature cited", "ədəbiyyat", "ədəbiyyat siyahısı",
        "istifadə edilmiş ədəbiyyat", "istifadə olunmuş ədəbiyyat", "istinadlar", "литература", "список литературы",
        "библиография", "список использованной литературы", "использованная литература",
    ]

    /// Every accepted spelling, as UTF-8.
    static let spellings: Set<[UInt8]> = {
        var result = Set<[UInt8]>()
        for heading in headings {
            let title = heading.prefix(1).uppercased() + heading.dropFirst()
            var forms = [heading, title, heading.uppercased()]
            // Turkish and Azerbaijani capital dotted İ.
            forms += forms.map { String($0.map { $0 == "I" ? "İ" : $0 }) }
            if heading.hasPrefix("i") { forms.append("İ" + heading.dropFirst()) }
            for form in forms { result.insert(Array(form.utf8)) }
        }
        return result
    }()

    /// Which bytes start a spelling, so that most lines are dismissed by their first byte.
    static let firstBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for spelling in spellings { table[Int(spelling[0])] = true }
        return table
    }()

    static let lengths: ClosedRange<Int> = {
        let counts = spellings.map(\.count)
        return counts.min()!...counts.max()!
    }()

    /// Whether the line `line` (without its line feed) is such a heading.
    static func matches(_ bytes: UnsafeBufferPointer<UInt8>, line: Range<Int>) -> Bool {
        guard line.count >= lengths.lowerBound, line.count <= lengths.upperBound + 16 else { return false }
        var a = line.lowerBound
        while a < line.upperBound, ScanBytes.isDigit(bytes[a]) || bytes[a] == ScanBytes.period || bytes[a] == ScanBytes.space
                || bytes[a] == ScanBytes.tab { a += 1 }
        var b = line.upperBound
        while b > a, ScanBytes.isSpace(bytes[b - 1]) || bytes[b - 1] == UInt8(ascii: ":") { b -= 1 }
        guard lengths.contains(b - a), firstBytes[Int(bytes[a])] else { return false }
        return spellings.contains(Array(UnsafeBufferPointer(rebasing: bytes[a..<b])))
    }
}
