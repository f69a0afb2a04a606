/// Recognises the heading of a reference list (`Kaynakça`, `References`, `Ədəbiyyat`, `Литература`).
///
/// The entries of a reference list look like citations (`Yılmaz, A. (2020).`, `[1] Smith, J.`) but
/// are not in-text citations: the scanner reports nothing after the last such heading.
enum ReferenceListHeading {
    /// Headings, lower-cased, without numbering or a final colon.
    static let headings: Set<String> = [
        "kaynakça", "kaynakca", "kaynaklar", "yararlanılan kaynaklar", "references", "reference list",
        "bibliography", "works cited", "literature cited", "ədəbiyyat", "ədəbiyyat siyahısı",
        "istifadə edilmiş ədəbiyyat", "istifadə olunmuş ədəbiyyat", "литература", "список литературы",
        "библиография", "список использованной литературы", "использованная литература",
    ]

    /// Whether the line starting at `start` is such a heading.
    static func matches(_ bytes: UnsafeBufferPointer<UInt8>, lineStart start: Int) -> Bool {
        guard start < bytes.count, bytes[start] >= 0x30 else { return false }
        var end = start
        while end < bytes.count, bytes[end] != ScanBytes.newline, end - start <= 64 { end += 1 }
        guard end - start <= 64, end - start >= 5 else { return false }
        var line = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        line = line.lowercased().replacingDottedI()
        var scalars = Substring(line).unicodeScalars
        while let first = scalars.first, first.properties.numericType != nil || first == "." || first == " " || first == "\t" {
            scalars.removeFirst()
        }
        while let last = scalars.last, last == " " || last == ":" || last == "\t" || last == "\r" { scalars.removeLast() }
        return headings.contains(String(scalars))
    }
}

private extension String {
    /// `İ` lower-cases to `i` + combining dot; headings are matched without it.
    func replacingDottedI() -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in unicodeScalars where scalar != "\u{0307}" { scalars.append(scalar) }
        return String(scalars)
    }
}
