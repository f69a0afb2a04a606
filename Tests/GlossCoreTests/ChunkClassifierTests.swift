import CGlossSIMD
import Foundation
@testable import GlossCore
import Testing

/// The first pass with each C kernel (AVX2, AVX-512BW) and with the portable Swift loop against plain
/// loops over the bytes, on random bytes and on the seeds, at every alignment and tail length; each
/// kernel is skipped, saying so, on a CPU without its instruction set.
@Suite("Chunk classifier")
struct ChunkClassifierTests {
    @Test func bestIsTheWidestAvailable() {
        #expect(ChunkClassifier.portable.isAvailable)
        let widest = [ChunkClassifier.avx512bw, .avx2].first { $0.isAvailable } ?? .portable
        #expect(ChunkClassifier.best == widest)
    }

    /// The portable classification against each byte's definition, on bytes of every value.
    @Test func portableMatchesTheDefinitions() {
        Self.randomRuns { bytes, alignment in
            bytes.withUnsafeBytes { raw in
                for k in 0..<(bytes.count / 64) {
                    let c = ChunkClassifier.classifyPortably(raw.baseAddress!, at: k * 64)
                    let chunk = bytes[(k * 64)..<(k * 64 + 64)]
                    func bits(_ test: (UInt8) -> Bool) -> UInt64 {
                        chunk.enumerated().reduce(0) { test($1.element) ? $0 | 1 << UInt64($1.offset) : $0 }
                    }
                    #expect(c.lineFeeds == bits { $0 == 0x0A })
                    #expect(c.brackets == bits { $0 == 0x28 || $0 == 0x5B })
                    #expect(c.digits == bits { (0x30...0x39).contains($0) })
                    #expect(c.keepsUnglued == bits { (0x30...0x39).contains($0) || $0 == 0x20 })
                    #expect(c.codePoints == UInt64(chunk.filter { $0 & 0xC0 != 0x80 }.count))
                }
            }
        }
    }

    @Test(.enabled(if: ChunkClassifier.avx2.isAvailable, "this CPU has no AVX2: its kernel is not tested"))
    func avx2AgreesWithPlainLoops() throws {
        try Self.checkKernel(.avx2)
    }

    @Test(.enabled(if: ChunkClassifier.avx512bw.isAvailable, "this CPU has no AVX-512BW: its kernel is not tested"))
    func avx512bwAgreesWithPlainLoops() throws {
        try Self.checkKernel(.avx512bw)
    }

    /// The portable pass (fused with its classification) on its own, at every alignment and tail length.
    @Test func portablePassAtEveryAlignment() throws {
        try Self.checkPass(.portable)
    }

    /// A kernel's pass on random bytes of every value, then on texts.
    static func checkKernel(_ classifier: ChunkClassifier) throws {
        randomRuns { bytes, alignment in
            ScanLandmarksTests.compare(bytes, "random bytes, \(bytes.count / 64) chunks, \(classifier) at \(alignment)",
                                       classifier: classifier, alignment: alignment)
        }
        try checkPass(classifier)
    }

    /// Random bytes of every value, in runs of 1 to 300 chunks (more than a batch), for each offset
    /// from a 64-byte boundary.
    static func randomRuns(_ check: ([UInt8], Int) -> Void) {
        var generator = SplitMix64(state: 11)
        for alignment in 0..<64 {
            let chunks = alignment == 0 ? 300 : Int.random(in: 1...200, using: &generator)
            check((0..<(chunks * 64)).map { _ in UInt8.random(in: 0...255, using: &generator) }, alignment)
        }
    }

    /// The whole first pass with `classifier` against plain loops: texts made of the edge cases of
    /// the definitions, of every tail length (count modulo 64) and at every alignment, some longer
    /// than a batch; and the seeds.
    static func checkPass(_ classifier: ChunkClassifier) throws {
        var generator = SplitMix64(state: 23)
        for shift in 0..<64 {
            let length = 64 * Int.random(in: 0...(shift % 8 == 0 ? 140 : 6), using: &generator) + shift
            var bytes: [UInt8] = []
            while bytes.count < length {
                bytes += ScanLandmarksTests.pieces.randomElement(using: &generator)!.utf8
            }
            bytes.removeLast(bytes.count - length)
            // Tail length `shift`, alignment `shift`; then the other alignments for the same tail.
            ScanLandmarksTests.compare(bytes, "tail \(shift) \(classifier)", classifier: classifier, alignment: shift)
            ScanLandmarksTests.compare(bytes, "tail \(shift) \(classifier)", classifier: classifier, alignment: (shift * 37 + 5) % 64)
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: SeedData.seeds.path) where name.hasSuffix(".txt") {
            let bytes = Array(try Data(contentsOf: SeedData.seeds.appendingPathComponent(name)))
            for alignment in [0, 1, 31, 63] {
                ScanLandmarksTests.compare(bytes, "\(name) \(classifier) at \(alignment)", classifier: classifier, alignment: alignment)
            }
        }
    }
}
