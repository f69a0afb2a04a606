import GlossFormats
import Testing

@Suite struct LaTeXEncoderTests {
    @Test(arguments: [
        ("ş", "{\\c{s}}"), ("Ş", "{\\c{S}}"), ("ğ", "{\\u{g}}"), ("ı", "{\\i}"), ("İ", "{\\.{I}}"),
        ("ö", "{\\\"{o}}"), ("ü", "{\\\"{u}}"), ("ç", "{\\c{c}}"), ("ï", "{\\\"\\i}"), ("í", "{\\'\\i}"),
        ("ə", "{\\textschwa}"), ("é", "{\\'{e}}"), ("ñ", "{\\~{n}}"), ("ǧ", "{\\v{g}}"),
        ("“a”", "``a''"), ("a–b", "a--b"), ("100%", "100\\%"), ("{x}", "\\textbraceleft{}x\\textbraceright{}"),
        ("a\\b", "a\\textbackslash{}b"), ("\"q\"", "{\"}q{\"}"), ("a\u{1}b", "ab"), ("line\nbreak", "line break"),
    ])
    func asciiEscapes(input: String, expected: String) {
        let (text, unescaped) = LaTeXEncoder(mode: .ascii).encode(input)
        #expect(text == expected)
        #expect(unescaped.isEmpty)
    }

    @Test func cyrillicStaysAndIsReported() {
        let (text, unescaped) = LaTeXEncoder(mode: .ascii).encode("Щукин")
        #expect(text == "Щукин")
        #expect(unescaped.count == 5)
    }

    @Test func unicodeModeKeepsLetters() {
        #expect(LaTeXEncoder(mode: .unicode).encode("Şimşir & Co_").text == "Şimşir \\& Co\\_")
    }

    /// A combining mark with no precomposed letter becomes an accent command in both modes (pdflatex
    /// stops at the mark in UTF-8); one over nothing (a title's `\~{}`) is set over `\relax`, each
    /// on its own.
    @Test(arguments: [LaTeXEncoder.Mode.ascii, .unicode])
    func marksBecomeAccentCommands(mode: LaTeXEncoder.Mode) {
        let (text, unescaped) = LaTeXEncoder(mode: mode).encode("Approx \u{0303} x\u{0304}, \u{0308}\u{0302}")
        #expect(text == "Approx {\\~{\\relax}} {\\={x}}, {\\\"{\\relax}}{\\^{\\relax}}")
        #expect(unescaped.isEmpty)
    }
}
