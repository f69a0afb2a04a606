/// A normalised view of part of a stored text, as the citation scanners read it, with a map back to
/// the stored text.
///
/// - Runs of whitespace (including the blank lines PDF extraction leaves between lines) become one space.
/// - A hyphen at a line break is joined to the next line without the break (`Özdemir-\n\nKantar` reads
///   `Özdemir-Kantar`, `69-\n\n74` reads `69-74`). The hyphen is kept: in citations it joins double
///   surnames and page ranges far more often than it splits a syllable.
/// - Page furniture (running headers, page numbers; see ``PageFurniture``) is skipped.
///
/// Every normalised byte remembers the stored byte it came from, so a span found in the view is an
/// exact span of the stored text.
public struct NormalizedText: Sendable {
    /// The normalised UTF-8 bytes.
    public private(set) var bytes: [UInt8] = []
    /// `origin[k]` is the stored UTF-8 offset of normalised byte `k`; a final entry holds the end of
    /// the stored range.
    public private(set) var origin: [Int] = []

    /// Normalises the stored bytes `range` of `utf8`, skipping `furniture` lines. With
    /// `joinHyphens: false` a hyphen at a line break is followed by a space like any other break.
    public init(utf8: [UInt8], range: Range<Int>, furniture: PageFurniture? = nil, joinHyphens: Bool = true) {
        self = utf8.withUnsafeBufferPointer {
            NormalizedText(bytes: $0, range: range, furniture: furniture, joinHyphens: joinHyphens)
        }
    }

    init(bytes raw: UnsafeBufferPointer<UInt8>, range: Range<Int>, furniture: PageFurniture?, joinHyphens: Bool = true) {
        normalize(raw, range: range, furniture: furniture, joinHyphens: joinHyphens)
    }

    /// An empty view, for ``normalize(_:range:furniture:joinHyphens:)`` to fill.
    init() {}

    /// Makes this the view of the stored bytes `range` of `raw`, reusing the storage of the view it
    /// was: the scanner keeps one view for all the parentheses of a text, so views allocate nothing.
    mutating func normalize(_ raw: UnsafeBufferPointer<UInt8>, range: Range<Int>, furniture: PageFurniture?, joinHyphens: Bool = true) {
        // Written through pointers into room for the longest view (the range itself), then cut to length.
        Self.resize(&bytes, to: range.count)
        Self.resize(&origin, to: range.count + 1)
        let count = bytes.withUnsafeMutableBufferPointer { bytes in
            origin.withUnsafeMutableBufferPointer { origin in
                Self.normalize(raw, range: range, furniture: furniture, joinHyphens: joinHyphens, into: bytes, origin: origin)
            }
        }
        Self.resize(&bytes, to: count)
        Self.resize(&origin, to: count + 1)
    }

    /// Writes the view of `range` of `raw` into `bytes` and `origin` and returns its length.
    private static func normalize(_ raw: UnsafeBufferPointer<UInt8>, range: Range<Int>, furniture: PageFurniture?, joinHyphens: Bool,
                                  into bytes: UnsafeMutableBufferPointer<UInt8>, origin: UnsafeMutableBufferPointer<Int>) -> Int {
        var count = 0
        var i = range.lowerBound
        while i < range.upperBound {
            let b = raw[i]
            guard ScanBytes.isSpace(b) else {
                bytes[count] = b
                origin[count] = i
                count += 1
                i += 1
                continue
            }
            let runStart = i
            var sawNewline = false
            while i < range.upperBound {
                let c = raw[i]
                if c == ScanBytes.newline {
                    sawNewline = true
                    i += 1
                    if let furniture, let end = furniture.lineEnd(startingAt: i), end <= range.upperBound { i = end }
                } else if ScanBytes.isSpace(c) {
                    i += 1
                } else {
                    break
                }
            }
            let joinsHyphen = joinHyphens && sawNewline && count >= 2 && bytes[count - 1] == ScanBytes.hyphen && i < range.upperBound
                && bytes[count - 2] != ScanBytes.space
            if !joinsHyphen {
                bytes[count] = ScanBytes.space
                origin[count] = runStart
                count += 1
            }
        }
        origin[count] = range.upperBound
        return count
    }

    /// Makes `array` `count` long, keeping its storage: zeros are added, or the end cut.
    private static func resize<T: FixedWidthInteger>(_ array: inout [T], to count: Int) {
        if array.count < count {
            array.append(contentsOf: repeatElement(0, count: count - array.count))
        } else if array.count > count {
            array.removeLast(array.count - count)
        }
    }

    /// The normalised text.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Calls `body` with each scalar of the normalised text from byte `start` (a scalar start) and
    /// the offset of its first normalised byte.
    @inline(__always)
    func forEachScalar(from start: Int = 0, _ body: (Unicode.Scalar, Int) -> Void) {
        bytes.withUnsafeBufferPointer { Self.forEachScalar(in: $0, from: start, body) }
    }

    /// Calls `body` with each scalar of `utf8` from byte `start` (a scalar start) and the offset of
    /// its first byte, decoding the bytes once, without a `String`. The bytes are valid UTF-8 but for
    /// a sequence cut short at the end, which reads U+FFFD, as in `String(decoding:as:)`. (Decoded
    /// here rather than with `ScanBytes.scalar`, whose optional result made `gloss cites` 6% slower:
    /// this is the parsers' hottest loop.)
    @inline(__always)
    static func forEachScalar(in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, _ body: (Unicode.Scalar, Int) -> Void) {
        var i = start
        while i < bytes.count {
            let b0 = bytes[i]
            if b0 < 0x80 {
                body(Unicode.Scalar(b0), i)
                i += 1
                continue
            }
            let length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2
            guard i + length <= bytes.count else {
                body("\u{FFFD}", i)
                return
            }
            var value = UInt32(b0) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
            body(Unicode.Scalar(value) ?? "\u{FFFD}", i)
            i += length
        }
    }

    /// The stored UTF-8 range of the normalised bytes `range` (end exclusive).
    public func storedRange(of range: Range<Int>) -> Range<Int> {
        let start = origin[range.lowerBound]
        let end = range.isEmpty ? start : origin[range.upperBound - 1] + 1
        return start..<end
    }
}
