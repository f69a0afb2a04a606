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
}
