import Foundation
import Testing
@testable import GlossFormats

@Suite("LaTeX text")
struct LaTeXTextTests {
    @Test(arguments: [
        ("Ta\\c{s} \n   kent", "Taş kent"),
        ("\\\"{\\i}n \\u{g}", "ïn ğ"),
        ("{\\.I}stanbul --- {\\c C}ay~evi -- ``s\\\"oz''", "İstanbul — Çay evi – “söz”"),
        ("M\\textschwa{}mm\\textschwa dov", "Məmmədov"),
        ("\\emph{Türk} \\& \\%5 $x$", "Türk & %5 x"),
        // A space a combining mark follows is one Character with it, so no separator.
        ("a \u{0301}b  c", "a \u{0301}b c"),
        // CR LF is one Character, neither CR nor LF, so no separator either.
        ("Ä\r\n B\r\nC", "Ä\r\n B\r\nC"),
        ("  Ф  ə\tİ  ", "Ф ə İ"),
    ])
    func decodes(_ input: String, _ expected: String) {
        #expect(LaTeXText.decode(input).unicodeScalars.elementsEqual(expected.precomposedStringWithCanonicalMapping.unicodeScalars))
    }
}
