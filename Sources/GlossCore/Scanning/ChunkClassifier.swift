internal import CGlossSIMD

/// The bytes of a 64-byte chunk of the first pass sorted (``ScanLandmarks``): bit masks of its line
/// feeds, opening brackets, digits and the bytes that keep a digit after them unglued, and the
/// number of code points that start in it.
struct ChunkClasses {
    var lineFeeds: UInt64
    var brackets: UInt64
    var digits: UInt64
    var keepsUnglued: UInt64
    var codePoints: UInt64
}

/// How the first pass runs over a text's chunks: with Swift's 16-byte vectors, which every machine
/// has, or with the widest compares the CPU offers, through the small C target `CGlossSIMD` (Swift
/// has no per-function target attribute, and a machine-wide flag would make the binary need the
/// instruction set). The C kernels do what the portable loop does with a chunk's masks (record its
/// line feeds, code points and candidate places); what is made of the places stays in Swift.
enum ChunkClassifier: CaseIterable, Sendable {
    /// Swift's 16-byte vectors (SSE2 on x86-64): four compares of each kind a chunk, fused into the pass.
    case portable
    /// 32-byte compares, in batches through C.
    case avx2
    /// 64-byte compares into mask registers, in batches through C.
    case avx512bw

    /// The widest this machine runs, asked once.
    static let best: ChunkClassifier = [.avx512bw, .avx2].first { $0.isAvailable } ?? .portable

    /// Chunks a kernel call runs over: its line feeds need room for 64 each, and the candidates it
    /// finds are read back from a buffer that stays in L1.
    static let batch = 128

    /// Whether this CPU (and its OS) runs this classifier.
    var isAvailable: Bool {
        switch self {
        case .portable: return true
        case .avx2: return Self.hasAVX2
        case .avx512bw: return Self.hasAVX512BW
        }
    }

    // Asked once: `run` checks them for every batch.
    #if arch(x86_64)
    private static let hasAVX2 = gloss_simd_has_avx2()
    private static let hasAVX512BW = gloss_simd_has_avx512bw()
    #else
    private static let hasAVX2 = false
    private static let hasAVX512BW = false
    #endif

    /// Runs the C kernel over chunks `first ..< first + count` of `text` into `pass` (see
    /// `gloss_first_pass_avx2`); returns the number of chunks done. Only for an available kernel,
    /// not for `.portable`, whose loop is fused into ``ScanLandmarks``.
    func run(_ text: UnsafePointer<UInt8>, first: Int, count: Int, into pass: inout GlossPass) -> Int {
        precondition(isAvailable && self != .portable, "\(self) kernel used on a CPU without it")
        #if arch(x86_64)
        switch self {
        case .avx2: return gloss_first_pass_avx2(text, first, count, &pass)
        case .avx512bw: return gloss_first_pass_avx512bw(text, first, count, &pass)
        case .portable: return 0
        }
        #else
        return 0
        #endif
    }

    private typealias Block = ByteBlock.Lanes

    /// The chunk at `bytes + offset` classified with four 16-byte blocks. The bytes that keep a digit
    /// unglued are digits and spaces, after which no marker comes: a digit after a line feed opens a
    /// line, and the few after a tab or another control character are left to
    /// ``FootnoteMarkerDetector/candidate(in:at:)``, which turns them down, rather than paying two
    /// more compares a block.
    @inline(__always)
    static func classifyPortably(_ bytes: UnsafeRawPointer, at offset: Int) -> ChunkClasses {
        let m0 = classify(bytes.loadUnaligned(fromByteOffset: offset, as: Block.self))
        let m1 = classify(bytes.loadUnaligned(fromByteOffset: offset &+ 16, as: Block.self))
        let m2 = classify(bytes.loadUnaligned(fromByteOffset: offset &+ 32, as: Block.self))
        let m3 = classify(bytes.loadUnaligned(fromByteOffset: offset &+ 48, as: Block.self))
        // Continuation lanes (0xFF) added up, negated: each lane holds 0...4.
        let continuations = ByteBlock.sum(0 &- (m0.continuations &+ m1.continuations &+ m2.continuations &+ m3.continuations))
        return ChunkClasses(
            lineFeeds: m0.lineFeeds | m1.lineFeeds << 16 | m2.lineFeeds << 32 | m3.lineFeeds << 48,
            brackets: m0.brackets | m1.brackets << 16 | m2.brackets << 32 | m3.brackets << 48,
            digits: m0.digits | m1.digits << 16 | m2.digits << 32 | m3.digits << 48,
            keepsUnglued: m0.keepsUnglued | m1.keepsUnglued << 16 | m2.keepsUnglued << 32 | m3.keepsUnglued << 48,
            codePoints: UInt64(truncatingIfNeeded: ScanLandmarks.chunk &- continuations))
    }

    /// One block's masks (lane `k` as bit `k`), and its continuation bytes (10xxxxxx) as 0xFF lanes.
    @inline(__always)
    private static func classify(_ block: Block)
        -> (brackets: UInt64, digits: UInt64, keepsUnglued: UInt64, lineFeeds: UInt64, continuations: Block) {
        let lineFeeds = ByteBlock.equal(block, ScanBytes.newline)
        let digits = ByteBlock.digits(block)
        let keepsUnglued = digits | ByteBlock.equal(block, ScanBytes.space)
        let brackets = ByteBlock.equal(block, ScanBytes.openParen) | ByteBlock.equal(block, ScanBytes.openBracket)
        return (ByteBlock.mask(brackets), ByteBlock.mask(digits), ByteBlock.mask(keepsUnglued), ByteBlock.mask(lineFeeds),
                ByteBlock.equal(block & Block(repeating: 0xC0), 0x80))
    }

    /// The byte-at-a-time form of `keepsUnglued`.
    static func keepsDigitUnglued(_ b: UInt8) -> Bool {
        ScanBytes.isDigit(b) || b == ScanBytes.space
    }
}
