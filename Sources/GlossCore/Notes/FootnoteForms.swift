/// Recognises footnotes that point back instead of giving a full reference.
public enum FootnoteForms {
    /// Ibid forms of the four languages, lower-cased: they point at the footnote just before.
    public static let ibidForms = ["age", "agk", "a.g.e", "a.g.m", "a.g.k", "aynı eser", "aynı yer", "ibid", "ibidem",
                                   "op. cit", "op.cit", "loc. cit", "там же", "указ. соч", "yenə orada", "həmin əsər"]

    static let ibidScalars = ibidForms.map { Array($0.unicodeScalars) }
    /// The first scalars of the ibid forms: most footnotes are told apart by their first letter.
    private static let ibidFirstScalars = Array(Set(ibidScalars.map { $0[0] }))

    /// Whether a footnote text (number included or not) is an ibid form: `12 Age, s. 104.`, `49 Agk.`.
    public static func isIbid(_ footnote: String) -> Bool {
        var footnote = footnote
        return footnote.withUTF8 { isIbid(body: body($0)) }
    }

    /// Whether a footnote text is a short form of an earlier reference: an author and a short title,
    /// maybe a page, but no year and no address (`Yüce, The Caucasus, s. 61.`).
    public static func isShortForm(_ footnote: String) -> Bool {
        var footnote = footnote
        return footnote.withUTF8 { isShortForm(body: body($0), ibid: nil) }
    }

    /// Both forms read at once from the UTF-8 bytes of a footnote text.
    static func forms(of footnote: UnsafeBufferPointer<UInt8>) -> (isIbid: Bool, isShortForm: Bool) {
        let text = body(footnote)
        let ibid = isIbid(body: text)
        return (ibid, !ibid && isShortForm(body: text, ibid: false))
    }

    /// `isIbid` of the footnote's text after its number.
    private static func isIbid(body text: UnsafeBufferPointer<UInt8>) -> Bool {
        // Its first 24 scalars, lower-cased, on the stack: this runs on every footnote scanned.
        withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: 24) { buffer in
            var count = 0
            var i = 0
            while count < 24, let (scalar, length) = ScanBytes.scalar(in: text, at: i) {
                buffer[count] = LocatorParser.lower(scalar)
                count += 1
                if count == 1, !ibidFirstScalars.contains(buffer[0]) { return false }
                i += length
            }
            let head = UnsafeBufferPointer(rebasing: buffer[0..<count])
            for form in ibidScalars where count >= form.count && head.starts(with: form) {
                if count > form.count, head[form.count].isLetter { continue }
                return true
            }
            return false
        }
    }

    /// `isShortForm` of the footnote's text after its number, read on its bytes: a year is four
    /// ASCII digits, and an address (`http`, `www.`) is ASCII in any case. `ibid` is `isIbid` of the
    /// text when already known.
    private static func isShortForm(body text: UnsafeBufferPointer<UInt8>, ibid: Bool?) -> Bool {
        guard text.count <= 480, !(ibid ?? isIbid(body: text)) else { return false }
        // The cheap tests first; full references mostly fail on their year.
        guard text.contains(ScanBytes.comma), let (first, _) = ScanBytes.scalar(in: text, at: 0), ScalarProperties.isUppercase(first)
        else { return false }
        var i = 0
        while i < text.count {
            var run = 0
            while i + run < text.count, ScanBytes.isDigit(text[i + run]) { run += 1 }
            if run == 4, text[i] == UInt8(ascii: "1") || text[i] == UInt8(ascii: "2") { return false }
            i += max(run, 1)
        }
        var scalars = 0
        for b in text where !ScanBytes.isContinuation(b) { scalars += 1 }
        guard scalars <= 120 else { return false }
        return !contains(text, caseInsensitive: "http") && !contains(text, caseInsensitive: "www.")
    }

    /// Whether `text` holds `word` (lower-case ASCII) in any case.
    private static func contains(_ text: UnsafeBufferPointer<UInt8>, caseInsensitive word: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard text.count >= pattern.count else { return false }
        for start in 0...(text.count - pattern.count) {
            var k = 0
            while k < pattern.count, asciiLower(text[start + k]) == pattern[k] { k += 1 }
            if k == pattern.count { return true }
        }
        return false
    }

    @inline(__always)
    private static func asciiLower(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }

    /// The bytes after the footnote's number: leading digits (of any script) and spaces dropped.
    private static func body(_ footnote: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var i = 0
        while let (scalar, length) = ScanBytes.scalar(in: footnote, at: i), scalar == " " || scalar.isDigitLike { i += length }
        return UnsafeBufferPointer(rebasing: footnote[i...])
    }
}
