import Foundation
@testable import GlossCore
import Testing

@Suite("Scalar sets and trimming")
struct ScalarSetTests {
    @Test func namedSetsAreFoundations() {
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(ScalarSet.whitespaces.contains(scalar) == CharacterSet.whitespaces.contains(scalar), "U+\(String(value, radix: 16))")
            #expect(ScalarSet.whitespacesAndNewlines.contains(scalar) == CharacterSet.whitespacesAndNewlines.contains(scalar),
                    "U+\(String(value, radix: 16))")
        }
    }

    @Test(arguments: [
        "", " ", "  \t ", " a ", "\u{A0}Şuşa\u{2009}", " \u{301}a \u{301}", "a\u{301} ", "\n x \r\n", "\u{2028}y\u{85}",
        " .,() (Yılmaz, 2019). ", "“Başlık”, ", "e\u{301}.", ".\u{301}", "\u{200B}z\u{200B}", "😀 ", " ,;",
    ])
    func trimsAsFoundation(text: String) {
        for (set, foundation) in [(ScalarSet.whitespaces, CharacterSet.whitespaces), (.whitespacesAndNewlines, .whitespacesAndNewlines),
                                  (" .,()", CharacterSet(charactersIn: " .,()")), ("“”\"‘’«» ,", CharacterSet(charactersIn: "“”\"‘’«» ,"))] {
            let ours = text.trimming(set)
            let theirs = text.trimmingCharacters(in: foundation)
            #expect(Array(ours.unicodeScalars) == Array(theirs.unicodeScalars), "\(text.debugDescription)")
            let sub = text.dropFirst(0)
            #expect(Array(sub.trimming(set).unicodeScalars) == Array(sub.trimmingCharacters(in: foundation).unicodeScalars))
        }
    }
}
