/// The places of a text the citation scanner reads closer, found in one pass over its UTF-8 bytes:
/// every `(` and `[`, every run of digits glued to a word or to punctuation (a footnote marker
/// candidate), every line feed, and the last reference-list heading.
///
/// The pass looks at sixteen bytes at a time with vector compares (about 12 GB/s on one core without
/// the line feeds). Candidates are rare (about one byte in four hundred), so a block without one
/// costs one well-predicted branch.
struct ScanLandmarks {
    /// UTF-8 offsets of `(`, in order.
    var parentheses: [Int] = []
    /// UTF-8 offsets of `[`, in order.
    var brackets: [Int] = []
    /// Footnote marker candidates, in order.
    var candidates: [FootnoteMarkerDetector.Candidate] = []
    /// UTF-8 offsets of line feeds, in order.
    var newlines: [Int] = []
    /// The start of the last line that is a reference-list heading, or the byte count when none is.
    var referenceList = 0

    private typealias Block = SIMD16<UInt8>
    /// The high bit of every lane: masks are cut down to it so that a word has one bit a byte.
    private static var high: Block { Block(repeating: 0x80) }

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        // Line feeds are collected in a local array: appending through `self` in the hot loop
        // compiles to slower code.
        var newlines: [Int] = []
        newlines.reserveCapacity(count / 32 + 16)
        var i = 0
        if let base = bytes.baseAddress, count > Block.scalarCount {
            // The first byte has nothing before it and is read alone; each block then compares its
            // bytes with the ones before them through a second load one byte earlier.
            visit(bytes, 0, newlines: &newlines)
            i = 1
            let raw = UnsafeRawPointer(base)
            while i + Block.scalarCount <= count {
                let block = raw.loadUnaligned(fromByteOffset: i, as: Block.self)
                let before = raw.loadUnaligned(fromByteOffset: i - 1, as: Block.self)
                let found = Self.words(Self.candidates(block, before) & Self.high)
                if found.0 | found.1 != 0 {
                    var bits = found.0
                    while bits != 0 { visitCandidate(bytes, i + Self.nextByte(&bits)) }
                    bits = found.1
                    while bits != 0 { visitCandidate(bytes, i + 8 + Self.nextByte(&bits)) }
                }
                let newline = Self.words(Self.equal(block, ScanBytes.newline) & Self.high)
                if newline.0 | newline.1 != 0 {
                    var bits = newline.0
                    while bits != 0 { newlines.append(i + Self.nextByte(&bits)) }
                    bits = newline.1
                    while bits != 0 { newlines.append(i + 8 + Self.nextByte(&bits)) }
                }
                i += Block.scalarCount
            }
        }
        while i < count {
            visit(bytes, i, newlines: &newlines)
            i += 1
        }
        self.newlines = newlines

        referenceList = count
        let heading = ReferenceListHeading.matcher
        var lineStart = 0
        for newline in newlines {
            if heading.matches(bytes, line: lineStart..<newline) { referenceList = lineStart }
            lineStart = newline + 1
        }
        if heading.matches(bytes, line: lineStart..<count) { referenceList = lineStart }
    }

    /// The lanes of `block` that are `(`, `[`, or a digit after neither a digit nor a byte up to
    /// the space (`before` holds the bytes one earlier) set to 0xFF, the others to 0. Digits after a
    /// control character are left out with those after white space: no marker follows one.
    @inline(__always)
    private static func candidates(_ block: Block, _ before: Block) -> Block {
        let digitBefore = below(before &- Block(repeating: 0x30), 10) | below(before, ScanBytes.space + 1)
        return equal(block, ScanBytes.openParen) | equal(block, ScanBytes.openBracket)
            | below(block &- Block(repeating: 0x30), 10) & ~digitBefore
    }

    // A compare's mask is reinterpreted as the lanes it is made of (0 or 0xFF): combining the masks
    // themselves with `.|` and `.&` compiles to code that handles one lane at a time.

    /// 0xFF in the lanes equal to `byte`.
    @inline(__always)
    private static func equal(_ block: Block, _ byte: UInt8) -> Block {
        unsafeBitCast(block .== Block(repeating: byte), to: Block.self)
    }

    /// 0xFF in the lanes below `bound`.
    @inline(__always)
    private static func below(_ block: Block, _ bound: UInt8) -> Block {
        unsafeBitCast(block .< Block(repeating: bound), to: Block.self)
    }

    /// The sixteen lanes as two words, the first byte lowest.
    @inline(__always)
    private static func words(_ lanes: Block) -> (UInt64, UInt64) {
        unsafeBitCast(lanes, to: (UInt64, UInt64).self)
    }

    /// The index of the lowest byte flagged in `bits` (high bits only), which it clears.
    @inline(__always)
    private static func nextByte(_ bits: inout UInt64) -> Int {
        let index = bits.trailingZeroBitCount / 8
        bits &= bits &- 1
        return index
    }

    /// Byte `i` read alone (the first byte, the last few, and all of a text shorter than a block).
    private mutating func visit(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, newlines: inout [Int]) {
        let b = bytes[i]
        if b == ScanBytes.newline {
            newlines.append(i)
        } else if b == ScanBytes.openParen || b == ScanBytes.openBracket {
            visitCandidate(bytes, i)
        } else if ScanBytes.isDigit(b), i > 0, !ScanBytes.isDigit(bytes[i - 1]), bytes[i - 1] > ScanBytes.space {
            visitCandidate(bytes, i)
        }
    }

    private mutating func visitCandidate(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) {
        switch bytes[i] {
        case ScanBytes.openParen: parentheses.append(i)
        case ScanBytes.openBracket: brackets.append(i)
        default:
            if let candidate = FootnoteMarkerDetector.candidate(in: bytes, at: i) { candidates.append(candidate) }
        }
    }
}
