/// Text with each run of whitespace (space, line feed, tab, carriage return) as one space: a
/// footnote's parts so, joined by a space, are its ``Footnote/text`` (what
/// `NormalizedText(joinHyphens: false)` without furniture reads, without its byte map).
enum CollapsedWhitespace {
    /// The `parts` of `bytes`, each with its whitespace runs collapsed, joined by a space.
    static func joined(_ bytes: UnsafeBufferPointer<UInt8>, parts: [Range<Int>]) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: parts.reduce(0) { $0 + $1.count + 1 }) { text, written in
            var n = 0
            for (index, part) in parts.enumerated() {
                if index > 0 {
                    text[n] = ScanBytes.space
                    n += 1
                }
                var afterSpace = false
                var i = part.lowerBound
                while i < part.upperBound {
                    // Sixteen bytes at once where no two whitespace bytes meet (in the block or across
                    // its start): each is then kept, whitespace written as a space.
                    if i + 16 <= part.upperBound, let base = bytes.baseAddress {
                        let block = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: ByteBlock.Lanes.self)
                        let white = ByteBlock.equal(block, ScanBytes.space) | ByteBlock.equal(block, ScanBytes.newline)
                            | ByteBlock.equal(block, 0x09) | ByteBlock.equal(block, 0x0D)
                        let mask = ByteBlock.mask(white)
                        if mask & (mask << 1 | (afterSpace ? 1 : 0)) == 0 {
                            let spaced = block & ~white | ByteBlock.Lanes(repeating: ScanBytes.space) & white
                            UnsafeMutableRawPointer(text.baseAddress! + n).storeBytes(of: spaced, as: ByteBlock.Lanes.self)
                            n &+= 16
                            i &+= 16
                            afterSpace = mask >> 15 != 0
                            continue
                        }
                    }
                    // A byte at a time through a block where whitespace runs, and the last bytes.
                    // Every byte is written; one that continues a run is then written over.
                    for j in i..<min(i + 16, part.upperBound) {
                        let b = bytes[j]
                        // ScanBytes.isSpace without a branch: space, line feed, tab, carriage return.
                        let space = b <= ScanBytes.space && (0x1_0000_2600 as UInt64) >> UInt64(b) & 1 != 0
                        text[n] = space ? ScanBytes.space : b
                        n &+= space && afterSpace ? 0 : 1
                        afterSpace = space
                    }
                    i = min(i + 16, part.upperBound)
                }
            }
            written = n
        }
    }
}
