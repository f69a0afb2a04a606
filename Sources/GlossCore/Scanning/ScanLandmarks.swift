internal import CGlossSIMD

/// The places of a text the citation scanner reads closer, found in one pass over its UTF-8 bytes:
/// every `(` and `[`, every run of digits glued to a word or to punctuation (a footnote marker
/// candidate), every line feed, every line that opens with a digit, the last reference-list heading,
/// and the code points before every 64th byte.
///
/// The pass looks at 64 bytes at a time, classified (``ChunkClassifier``) into bit masks by four
/// vector compares of sixteen, or, in C, by the widest compares the CPU has. Candidates are rare (about one
/// byte in four hundred, one chunk in six), so a chunk without one costs one branch; line feeds are
/// common (a line is ~50 bytes, and most are followed by a blank one) and come in any number, so they
/// are written without a branch: the first two of a chunk's line feeds always, the rest (one chunk in
/// thirty) only when there are more.
struct ScanLandmarks {
    /// UTF-8 offsets of `(`, in order.
    var parentheses: [Int] = []
    /// UTF-8 offsets of `[`, in order.
    var brackets: [Int] = []
    /// Footnote marker candidates, in order.
    var candidates: [FootnoteMarkerDetector.Candidate] = []
    /// UTF-8 offsets of line feeds, in order.
    var newlines = LineFeedOffsets()
    /// The lines whose first byte is a digit (footnote texts open so), by index (line `k` follows
    /// line feed `k - 1`), in order.
    var digitLines: [Int] = []
    /// The start of the last line that is a reference-list heading, or the byte count when none is.
    var referenceList = 0
    /// The number of code points before byte `64 k`, for `k` up to the byte count / 64.
    var scalarCounts: [Int] = []

    /// Bytes in a chunk of the pass, and between two entries of `scalarCounts`.
    static let chunk = 64

    /// The landmarks of `bytes`, with the chunks classified by `classifier` (which must be available).
    init(_ bytes: UnsafeBufferPointer<UInt8>, classifier: ChunkClassifier = .best) {
        let count = bytes.count
        // Line feeds go to local storage that has room for a whole chunk's worth at any time:
        // appending through `self` or to an array in the hot loop compiles to slower code.
        var lineFeeds = LineFeedStore(capacity: count / 32 + 4 * Self.chunk)
        var scalars = 0
        let scalarCounts = [Int](unsafeUninitializedCapacity: count / Self.chunk + 1) { counts, initialized in
            // The first chunk is read a byte at a time; later chunks are classified into bit masks,
            // one bit a byte, so that "the byte before" is a shift by one. The loops work on local
            // copies, which stay in registers.
            counts[0] = 0
            for i in 0..<min(count, Self.chunk) { scalars += visit(bytes, i, &lineFeeds) }
            var k = 1
            if let base = bytes.baseAddress, count >= 2 * Self.chunk {
                let raw = UnsafeRawPointer(base)
                let chunks = count / Self.chunk
                var feeds = lineFeeds
                var counted = scalars
                // Whether the byte before the chunk keeps a digit after it from being a candidate.
                var unglued = ChunkClassifier.keepsDigitUnglued(bytes[Self.chunk - 1]) ? 1 as UInt64 : 0
                if classifier == .portable {
                    // Classified in the loop, 16 bytes a compare.
                    while k < chunks {
                        // Before any vector is loaded, so that none has to be kept across the call.
                        feeds.makeRoom()
                        counts[k] = counted
                        let classes = ChunkClassifier.classifyPortably(raw, at: k &* Self.chunk)
                        counted &+= Int(truncatingIfNeeded: classes.codePoints)
                        take(classes, at: k &* Self.chunk, bytes, &feeds, &unglued)
                        k &+= 1
                    }
                } else {
                    // A batch of chunks at a time through a C kernel, its candidates visited after it.
                    withUnsafeTemporaryAllocation(of: GlossPassCandidate.self, capacity: 8 * ChunkClassifier.batch) { found in
                        var pass = GlossPass(lineFeeds: feeds.base, lineFeedCount: feeds.count, scalarCounts: counts.baseAddress!,
                                             scalars: counted, unglued: unglued, candidates: found.baseAddress!,
                                             candidateCount: 0, candidateRoom: found.count)
                        while k < chunks {
                            let n = min(ChunkClassifier.batch, chunks &- k)
                            feeds.count = pass.lineFeedCount
                            feeds.makeRoom(chunks: n)
                            pass.lineFeeds = feeds.base
                            pass.candidateCount = 0
                            k &+= classifier.run(bytes.baseAddress!, first: k, count: n, into: &pass)
                            for c in 0..<pass.candidateCount {
                                visitCandidate(bytes, found[c].offset, lineIndex: found[c].line)
                            }
                        }
                        feeds.count = pass.lineFeedCount
                        counted = pass.scalars
                    }
                }
                lineFeeds = feeds
                scalars = counted
            }
            if k * Self.chunk <= count {
                counts[k] = scalars
                for i in (k * Self.chunk)..<count { scalars += visit(bytes, i, &lineFeeds) }
                k += 1
            }
            initialized = k
        }
        self.scalarCounts = scalarCounts
        newlines = LineFeedOffsets(lineFeeds)
        let newlines = lineFeeds.buffer

        // The last heading: lines are tried from the end.
        referenceList = ReferenceListHeading.matcher.lastHeading(bytes, lineFeeds: newlines) ?? count
    }

    /// The chunk at byte `i`, classified: its line feeds stored, its candidates visited. `unglued`
    /// carries whether its last byte keeps a digit after it unglued to the next chunk.
    @inline(__always)
    private mutating func take(_ classes: ChunkClasses, at i: Int, _ bytes: UnsafeBufferPointer<UInt8>,
                               _ feeds: inout LineFeedStore, _ unglued: inout UInt64) {
        feeds.append(classes.lineFeeds, at: i)
        var found = classes.brackets | classes.digits & ~(classes.keepsUnglued << 1 | unglued)
        unglued = classes.keepsUnglued >> 63
        while found != 0 {
            let offset = found.trailingZeroBitCount
            // A line opening with a digit: its index counts the line feeds before it.
            let lineIndex = feeds.count &- (classes.lineFeeds >> offset).nonzeroBitCount
            visitCandidate(bytes, i &+ offset, lineIndex: lineIndex)
            found &= found &- 1
        }
    }

    /// Byte `i` read alone (the first chunk, the last bytes); returns 1 when it starts a code point.
    private mutating func visit(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ lineFeeds: inout LineFeedStore) -> Int {
        let b = bytes[i]
        if b == ScanBytes.newline {
            lineFeeds.makeRoom()
            lineFeeds.append(1, at: i)
        } else if b == ScanBytes.openParen || b == ScanBytes.openBracket {
            visitCandidate(bytes, i, lineIndex: lineFeeds.count)
        } else if ScanBytes.isDigit(b) {
            if i == 0 {
                digitLines.append(0)
            } else if !ChunkClassifier.keepsDigitUnglued(bytes[i - 1]) {
                visitCandidate(bytes, i, lineIndex: lineFeeds.count)
            }
        }
        return ScanBytes.isContinuation(b) ? 0 : 1
    }

    /// Byte `i`, on line `lineIndex`, found by the masks of ``ChunkClassifier``.
    private mutating func visitCandidate(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, lineIndex: Int) {
        switch bytes[i] {
        case ScanBytes.openParen: parentheses.append(i)
        case ScanBytes.openBracket: brackets.append(i)
        default:
            if bytes[i - 1] == ScanBytes.newline {
                digitLines.append(lineIndex)
            } else if let candidate = FootnoteMarkerDetector.candidate(in: bytes, at: i) {
                candidates.append(candidate)
            }
        }
    }
}

/// The line feed offsets of a text, in order: the storage the first pass wrote them to, kept as it
/// is (an array would have to be a copy).
final class LineFeedOffsets: RandomAccessCollection {
    private let base: UnsafeMutablePointer<Int>
    let endIndex: Int
    var startIndex: Int { 0 }

    init() {
        base = .allocate(capacity: 0)
        endIndex = 0
    }

    fileprivate init(_ store: LineFeedStore) {
        base = store.base
        endIndex = store.count
    }

    deinit { base.deallocate() }

    subscript(index: Int) -> Int {
        precondition(index >= 0 && index < endIndex, "line feed \(index) out of range")
        return base[index]
    }
}

/// Line feed offsets being collected, with room for a whole chunk's at any time; its storage becomes
/// a ``LineFeedOffsets``.
private struct LineFeedStore {
    fileprivate private(set) var base: UnsafeMutablePointer<Int>
    var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    var buffer: UnsafeBufferPointer<Int> { UnsafeBufferPointer(start: base, count: count) }

    /// Makes sure a chunk's line feeds fit.
    @inline(__always)
    mutating func makeRoom() {
        if count > capacity &- ScanLandmarks.chunk { grow() }
    }

    /// Makes sure the line feeds of `chunks` chunks fit.
    mutating func makeRoom(chunks: Int) {
        while count > capacity &- chunks &* ScanLandmarks.chunk { grow() }
    }

    /// Appends `start +` the index of each set bit of `bits`, lowest first (`makeRoom` must come
    /// first). The first two are written whether they exist or not (a missing one as `start + 64`,
    /// past the count), so that the usual chunk, with zero to two line feeds (a line and a blank line
    /// are ~64 bytes), costs no branch that depends on how many.
    @inline(__always)
    mutating func append(_ bits: UInt64, at start: Int) {
        var bits = bits
        let slots = base + count
        let first = bits.trailingZeroBitCount
        slots[0] = start &+ first
        bits &= bits &- 1
        let second = bits.trailingZeroBitCount
        slots[1] = start &+ second
        bits &= bits &- 1
        // An index of 64 (no bit left) adds nothing to the count.
        count &+= 2 &- first >> 6 &- second >> 6
        while bits != 0 {
            base[count] = start &+ bits.trailingZeroBitCount
            count &+= 1
            bits &= bits &- 1
        }
    }

    @inline(never)
    private mutating func grow() {
        let larger = UnsafeMutablePointer<Int>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }
}
