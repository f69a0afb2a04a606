@testable import GlossCore
import Testing

@Suite("Collapsed whitespace")
struct CollapsedWhitespaceTests {
    /// The plain definition: each byte in turn, a whitespace byte after another one dropped.
    static func reference(_ bytes: [UInt8], parts: [Range<Int>]) -> [UInt8] {
        var out: [UInt8] = []
        for (index, part) in parts.enumerated() {
            if index > 0 { out.append(0x20) }
            var afterSpace = false
            for b in bytes[part] {
                let space = b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D
                if !(space && afterSpace) { out.append(space ? 0x20 : b) }
                afterSpace = space
            }
        }
        return out
    }

    /// Texts of words and every kind of whitespace, runs of it falling on every position of a
    /// sixteen-byte block, in one to three parts.
    @Test(arguments: 0..<4)
    func collapsesLikeTheDefinition(_ seed: Int) {
        var generator = SplitMix64(state: UInt64(seed))
        let pieces = ["a", "Kaya", "ş", "“", "1", ".", " ", "  ", "\n", "\n\n", "\t", "\r\n", " \n ", "(2020)", "İbid"]
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...60, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let bytes = Array(text.utf8)
            var cuts = (0..<Int.random(in: 0...4, using: &generator)).map { _ in Int.random(in: 0...bytes.count, using: &generator) }
            cuts = ([0] + cuts + [bytes.count]).sorted()
            let parts = zip(cuts, cuts.dropFirst()).map { $0..<$1 }
            let collapsed = bytes.withUnsafeBufferPointer { CollapsedWhitespace.joined($0, parts: parts) }
            #expect(collapsed == Self.reference(bytes, parts: parts), "\(text.debugDescription) \(parts)")
        }
    }

    @Test func seedLikeFootnote() {
        let text = Array("12  Bkz.   Aliyev,\n\nİ.  (2019) “Başlık”,\tAnkara:  Yayınevi, s. 45-\n46.".utf8)
        let collapsed = text.withUnsafeBufferPointer { CollapsedWhitespace.joined($0, parts: [4..<text.count]) }
        #expect(String(decoding: collapsed, as: UTF8.self) == "Bkz. Aliyev, İ. (2019) “Başlık”, Ankara: Yayınevi, s. 45- 46.")
    }
}
