import CGlossSIMD
import Foundation
@testable import GlossCore
import Testing

/// The C kernels of the first pass (AVX2, AVX-512BW) against the portable Swift classification, on
/// random bytes and on the seeds, at every alignment and tail length; each kernel is skipped, saying
/// so, on a CPU without its instruction set.
@Suite("Chunk classifier")
struct ChunkClassifierTests {
    @Test func bestIsTheWidestAvailable() {
        #expect(ChunkClassifier.portable.isAvailable)
        let widest = [ChunkClassifier.avx512bw, .avx2].first { $0.isAvailable } ?? .portable
        #expect(ChunkClassifier.best == widest)
    }

    /// The portable batch classification against each byte's definition, on bytes of every value.
    @Test func portableMatchesTheDefinitions() {
        Self.checkChunks(.portable) { bytes, classes in
            for (k, c) in classes.enumerated() {
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

    @Test(.enabled(if: ChunkClassifier.avx2.isAvailable, "this CPU has no AVX2: its kernel is not tested"))
    func avx2AgreesWithPortable() throws {
        try Self.checkKernel(.avx2)
    }

    @Test(.enabled(if: ChunkClassifier.avx512bw.isAvailable, "this CPU has no AVX-512BW: its kernel is not tested"))
    func avx512bwAgreesWithPortable() throws {
        try Self.checkKernel(.avx512bw)
    }

    /// The portable pass (fused with its classification) on its own, at every alignment and tail length.
    @Test func portablePassAtEveryAlignment() throws {
        try Self.checkPass(.portable)
    }

    /// A kernel's masks against the portable ones, then the whole pass with it.
    static func checkKernel(_ classifier: ChunkClassifier) throws {
        checkChunks(classifier) { bytes, classes in
            var portable = [ChunkClasses](repeating: ChunkClasses(), count: classes.count)
            bytes.withUnsafeBytes { ChunkClassifier.portable.classify($0.baseAddress!, chunks: classes.count, into: &portable) }
            for (k, (c, p)) in zip(classes, portable).enumerated() {
                #expect(c.lineFeeds == p.lineFeeds && c.brackets == p.brackets && c.digits == p.digits
                    && c.keepsUnglued == p.keepsUnglued && c.codePoints == p.codePoints, "chunk \(k) of \(classes.count)")
            }
        }
        try checkPass(classifier)
    }

    /// Random bytes of every value, in runs of 1 to 300 chunks (more than a batch), placed at every
    /// offset from a 64-byte boundary, classified by `classifier` and handed to `check`.
    static func checkChunks(_ classifier: ChunkClassifier, _ check: ([UInt8], [ChunkClasses]) -> Void) {
        var generator = SplitMix64(state: 11)
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 + 300 * 64, alignment: 64)
        defer { storage.deallocate() }
        for alignment in 0..<64 {
            let chunks = alignment == 0 ? 300 : Int.random(in: 1...200, using: &generator)
            let bytes = (0..<(chunks * 64)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            storage.baseAddress!.advanced(by: alignment).copyMemory(from: bytes, byteCount: bytes.count)
            var classes = [ChunkClasses](repeating: ChunkClasses(), count: chunks)
            classifier.classify(UnsafeRawPointer(storage.baseAddress!.advanced(by: alignment)), chunks: chunks, into: &classes)
            check(bytes, classes)
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
        guard SeedData.available else { return }
        for name in try FileManager.default.contentsOfDirectory(atPath: SeedData.seeds.path) where name.hasSuffix(".txt") {
            let bytes = Array(try Data(contentsOf: SeedData.seeds.appendingPathComponent(name)))
            for alignment in [0, 1, 31, 63] {
                ScanLandmarksTests.compare(bytes, "\(name) \(classifier) at \(alignment)", classifier: classifier, alignment: alignment)
            }
        }
    }
}
