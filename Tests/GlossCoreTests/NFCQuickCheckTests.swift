import Foundation
import Testing
@testable import GlossCore

@Suite("NFC quick check")
struct NFCQuickCheckTests {
    /// The code points the quick check passes are each their own NFC, and no two of them
    /// compose or reorder: a text of them all, each next to each, is unchanged by the mapping.
    @Test func passesOnlyComposedText() {
        let scalars = (0x20..<0x3000).filter { NFCQuickCheck.isComposedAlone(UInt32($0)) }.map { Unicode.Scalar(UInt32($0))! }
        var pairs = String.UnicodeScalarView()
        for first in scalars {
            for second in scalars {
                pairs.append(first)
                pairs.append(second)
            }
        }
        let text = String(pairs)
        #expect(text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars))
        #expect(NFCQuickCheck.isComposed(text))
        #expect(!NFCQuickCheck.isComposed("e\u{0301}"))
        #expect(!NFCQuickCheck.isComposed("\u{2000}"))
    }

    @Test func normalizerMapsOnlyWhatIsNotNFC() {
        #expect(TextNormalizer.isNFC("Məmmədov\nΚαλημέρα\nТекст — “söz”"))
        #expect(!TextNormalizer.isNFC("Məmmədov\ne\u{0301}\nson"))
        #expect(TextNormalizer.normalize(text: "a\ne\u{0301}\n\u{0301}b").unicodeScalars.elementsEqual("a\n\u{00E9}\n\u{0301}b".unicodeScalars))
    }
}
