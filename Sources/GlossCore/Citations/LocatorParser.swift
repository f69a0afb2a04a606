/// Reads the year, date and page parts of citations, as written, from normalised text held as scalars.
enum LocatorParser {
    /// Scalars of normalised text: a scanner's scratch buffer or a part of one (see ``part(_:)``), so
    /// that reading a citation copies no scalars.
    typealias Scalars = UnsafeBufferPointer<Unicode.Scalar>

    /// Page prefixes of numeric and author-date citations (`s.`, `p.`, `pp.`, `с.`, `səh.`), lower-cased.
    static let pagePrefixes = ScalarForms(["səh.", "sah.", "ss.", "pp.", "s.", "p.", "с.", "сс.", "стр.", "ст."])

    /// Ways of writing "no date".
    static let undated = ScalarForms(["n.d.", "t.y.", "b.t.", "b.y.", "s.a.", "б.г.", "б. г.", "n.d", "t.y", "no date"])

    /// The length of a year or date token starting at `i`: `2021`, `2021a`, `01.02.2000`, `16 may 1997`,
    /// `n.d.`, `t.y.`. Year ranges (`1918-1920`) are not years.
    static func yearLength(_ s: Scalars, at i: Int) -> Int? {
        guard i < s.count else { return nil }
        let d = digitRun(s, at: i)
        if d == 0 { return s[i].isLetter ? undatedLength(s, at: i) : nil }
        if d == 4, isPlausibleYear(s, i) {
            var end = i + 4
            if end < s.count, s[end].value &- 0x61 < 26, !isLetter(s, end + 1) { end += 1 }
            if end < s.count, s[end] == "-" || s[end] == "–", digitRun(s, at: end + 1) > 0 { return nil }
            if isLetter(s, end) || digitRun(s, at: end) > 0 { return nil }
            return end - i
        }
        guard d == 1 || d == 2 else { return nil }
        // dd.mm.yyyy
        var k = i + d
        if k < s.count, s[k] == "." {
            let m = digitRun(s, at: k + 1)
            if m == 1 || m == 2, k + 1 + m < s.count, s[k + 1 + m] == ".", digitRun(s, at: k + 2 + m) == 4,
               isPlausibleYear(s, k + 2 + m), digitRun(s, at: k + 6 + m) == 0 {
                return k + 6 + m - i
            }
            return nil
        }
        // 16 may 1997, 19 Ekim 1994
        guard k < s.count, s[k] == " " else { return nil }
        k += 1
        let monthStart = k
        while k < s.count, ScalarProperties.isAlphabetic(s[k]) { k += 1 }
        let monthLength = k - monthStart
        guard monthLength >= 3, monthLength <= 12, k < s.count, s[k] == " ",
              digitRun(s, at: k + 1) == 4, isPlausibleYear(s, k + 1), !isLetter(s, k + 5), digitRun(s, at: k + 5) == 0
        else { return nil }
        return k + 5 - i
    }

    /// Reads what follows a year in an author-date item and returns the locator (without a page
    /// prefix), `.some(nil)` when nothing follows, or nil when what follows is not a locator.
    static func locatorAfterYear(_ s: Scalars, from i: Int, yearIsPlain: Bool) -> String?? {
        var k = skipSpaces(s, i)
        if k == s.count { return .some(nil) }
        switch s[k] {
        case ":":
            k = skipSpaces(s, k + 1)
        case "." where yearIsPlain && digitRun(s, at: k + 1) > 0:
            k += 1
        case ",":
            k = skipSpaces(s, k + 1)
            if let p = prefixLength(s, at: k) { k = skipSpaces(s, k + p) }
        default:
            return nil
        }
        guard let n = pagesLength(s, at: k), skipSpaces(s, k + n) == s.count else { return nil }
        return .some(ParentheticalCitationParser.text(s.part(k..<(k + n))))
    }

    /// The length of a page prefix (`s.`, `pp.`, `с.`) at `i`, if one starts there.
    static func prefixLength(_ s: Scalars, at i: Int) -> Int? {
        pagePrefixes.first(in: s, at: i) { !isLetter(s, i + $0) }
    }

    /// Page numbers and ranges: `3`, `57-58`, `69–74`, `12, 15-17`, `xii`; the length read.
    static func pagesLength(_ s: Scalars, at i: Int) -> Int? {
        var k = i
        var any = false
        while true {
            let d = digitRun(s, at: k)
            let r = d > 0 ? 0 : romanRun(s, at: k)
            guard d > 0 || r > 0 else { break }
            k += d + r
            any = true
            // A range, its dash perhaps between spaces (`12 – 18`).
            let dash = skipSpaces(s, k)
            if dash < s.count, s[dash] == "-" || s[dash] == "–" {
                let second = dash == k ? k + 1 : skipSpaces(s, dash + 1)
                let e = digitRun(s, at: second)
                guard e > 0 else { return nil }
                k = second + e
            }
            // A further page after a comma: `12, 15`.
            let next = skipSpaces(s, k)
            if next < s.count, s[next] == ",", digitRun(s, at: skipSpaces(s, next + 1)) > 0 {
                k = skipSpaces(s, next + 1)
                continue
            }
            break
        }
        guard any, !isLetter(s, k) else { return nil }
        return k - i
    }

    @inline(__always)
    static func undatedLength(_ s: Scalars, at i: Int) -> Int? {
        undated.first(in: s, at: i) { !isLetter(s, i + $0) }
    }

    @inline(__always)
    static func digitRun(_ s: Scalars, at i: Int) -> Int {
        var k = i
        while k < s.count, s[k].value >= 0x30, s[k].value <= 0x39 { k += 1 }
        return k - i
    }

    static func romanRun(_ s: Scalars, at i: Int) -> Int {
        var k = i
        while k < s.count {
            switch s[k] {
            case "i", "v", "x", "l", "c": k += 1
            default: return k - i
            }
        }
        return k - i
    }

    @inline(__always)
    static func skipSpaces(_ s: Scalars, _ i: Int) -> Int {
        var k = i
        while k < s.count, s[k] == " " { k += 1 }
        return k
    }

    @inline(__always)
    static func isLetter(_ s: Scalars, _ i: Int) -> Bool {
        i >= 0 && i < s.count && s[i].isLetter
    }

    @inline(__always)
    static func lower(_ c: Unicode.Scalar) -> Unicode.Scalar {
        if c.value < 0x80 {
            return c.value >= 0x41 && c.value <= 0x5A ? Unicode.Scalar(UInt8(c.value + 0x20)) : c
        }
        return ScalarProperties.lower(c)
    }

    private static func isPlausibleYear(_ s: Scalars, _ i: Int) -> Bool {
        let first = s[i].value - 0x30
        let second = s[i + 1].value - 0x30
        return first == 1 || (first == 2 && second <= 1)
    }
}

extension UnsafeBufferPointer where Element == Unicode.Scalar {
    /// The scalars `range` as a buffer of their own (indexed from 0), without a copy.
    @inline(__always)
    func part(_ range: Range<Int>) -> Self { Self(rebasing: self[range]) }
}
