/// Running page headers and page numbers that PDF extraction leaves in the middle of sentences.
///
/// A line is page furniture when, trimmed, it is
/// - a bare page number (`382`);
/// - a page number and a header separated by a wide gap (`38               Akademik İzdüşüm Dergisi, …`),
///   or a header and a page number so separated;
/// - a short line standing alone between blank lines that occurs again elsewhere in the text once its
///   digits are ignored (`Taşdemir, Hakan`), and holds no bracket, so that no citation can vanish with it.
///
/// Scanners skip such lines, so that a citation broken by a page break still reads as one.
public struct PageFurniture: Sendable {
    /// UTF-8 ranges of the furniture lines (without their final line feed), in text order.
    public let lines: [Range<Int>]

    /// Finds the furniture lines of `utf8`.
    public init(utf8: UnsafeBufferPointer<UInt8>) {
        lines = Self.find(in: utf8)
    }

    /// Finds the furniture lines of `utf8`.
    public init(utf8: [UInt8]) {
        self = utf8.withUnsafeBufferPointer { PageFurniture(utf8: $0) }
    }

    /// Whether the line starting at UTF-8 offset `lineStart` is furniture; its end if so.
    public func lineEnd(startingAt lineStart: Int) -> Int? {
        var low = 0
        var high = lines.count
        while low < high {
            let mid = (low + high) / 2
            if lines[mid].lowerBound < lineStart { low = mid + 1 } else { high = mid }
        }
        return low < lines.count && lines[low].lowerBound == lineStart ? lines[low].upperBound : nil
    }

    private struct Line {
        var range: Range<Int>
        var trimmed: Range<Int>
        var hash: UInt64
    }

    private static func find(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var all: [Line] = []
        var counts: [UInt64: Int] = [:]
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != ScanBytes.newline { end += 1 }
            var a = start
            var b = end
            while a < b, ScanBytes.isSpace(bytes[a]) { a += 1 }
            while b > a, ScanBytes.isSpace(bytes[b - 1]) { b -= 1 }
            var hash: UInt64 = 0
            if b - a >= 4, b - a <= 100 {
                hash = 0xcbf2_9ce4_8422_2325
                for k in a..<b {
                    let byte = ScanBytes.isDigit(bytes[k]) ? UInt8(ascii: "#") : bytes[k]
                    hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
                }
                counts[hash, default: 0] += 1
            }
            all.append(Line(range: start..<end, trimmed: a..<b, hash: hash))
            start = end + 1
        }
        var result: [Range<Int>] = []
        for (index, line) in all.enumerated() where !line.trimmed.isEmpty {
            let t = line.trimmed
            if isPageNumberLine(bytes, t) {
                result.append(line.range)
                continue
            }
            guard line.hash != 0, counts[line.hash, default: 0] >= 2, !hasBracket(bytes, t) else { continue }
            let blankBefore = index == 0 || all[index - 1].trimmed.isEmpty
            let blankAfter = index == all.count - 1 || all[index + 1].trimmed.isEmpty
            if blankBefore, blankAfter { result.append(line.range) }
        }
        return result
    }

    /// `382`, `38      Journal …`, `Journal …      38`.
    private static func isPageNumberLine(_ bytes: UnsafeBufferPointer<UInt8>, _ t: Range<Int>) -> Bool {
        var k = t.lowerBound
        while k < t.upperBound, ScanBytes.isDigit(bytes[k]) { k += 1 }
        let leading = k - t.lowerBound
        if leading == t.count { return leading <= 4 }
        if leading >= 1, leading <= 4, gap(bytes, from: k, limit: t.upperBound) >= 3 { return true }
        var j = t.upperBound
        while j > t.lowerBound, ScanBytes.isDigit(bytes[j - 1]) { j -= 1 }
        let trailing = t.upperBound - j
        if trailing >= 1, trailing <= 4 {
            var spaces = 0
            var m = j
            while m > t.lowerBound, bytes[m - 1] == ScanBytes.space { spaces += 1; m -= 1 }
            return spaces >= 3
        }
        return false
    }

    private static func gap(_ bytes: UnsafeBufferPointer<UInt8>, from k: Int, limit: Int) -> Int {
        var n = 0
        var m = k
        while m < limit, bytes[m] == ScanBytes.space || bytes[m] == ScanBytes.tab { n += 1; m += 1 }
        return n
    }

    private static func hasBracket(_ bytes: UnsafeBufferPointer<UInt8>, _ t: Range<Int>) -> Bool {
        for k in t {
            let b = bytes[k]
            if b == ScanBytes.openParen || b == ScanBytes.closeParen || b == ScanBytes.openBracket || b == ScanBytes.closeBracket {
                return true
            }
        }
        return false
    }
}
