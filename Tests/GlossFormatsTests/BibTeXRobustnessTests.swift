import Testing
@testable import GlossFormats

/// Random junk in BibTeX syntax must give problems, never a crash or a hang.
@Suite("BibTeX on junk")
struct BibTeXRobustnessTests {
    static let pieces = ["@article", "@string", "@comment", "@preamble", "{", "}", "(", ")", "\"", ",", "=", "#", " ", "\n", "key",
                         "title", "author", " and ", "\\\"", "\\c", "{\\i}", "\\u", "\\", "--", "`", "'", "ş", "İ", "%", "jan", "2021"]

    /// Found by `Fuzz/FuzzBibTeX`: a control character after a backslash in a field kept as written
    /// was dropped on export, and the backslash then escaped the closing brace; the file written
    /// did not read back.
    /// Found by `Fuzz/FuzzBibTeX` too: a line of a value that starts `@art<U+000B>icle{` became
    /// `@article{` once the control character was taken out, and the reader took it for a new
    /// entry (and the value for an unclosed one); the line breaks before it are now spaces.
    @Test(arguments: ["{{\\\u{2}}ze}", "{a\\\u{2}\u{3}}", "{a\\\\\u{2}}", "{\\\u{FFFE}}",
                      "{first line\n@art\u{B}icle{x, second line}}", "{one\n \t\u{0}@book (k, two}",
                      "{one\n\u{7}\n@articl\u{5}{k, two}}"])
    func exportOfAnEscapedControlCharacterReadsBack(value: String) throws {
        let imported = BibTeXParser.parse("@misc{k, title = {T}, note = \(value)}\n", file: "in.bib")
        #expect(imported.records.count == 1)
        for text in [BibTeXWriter().write(imported.records).text, BibLaTeXWriter().write(imported.records).text] {
            let back = BibTeXParser.parse(text, file: "written.bib")
            #expect(!back.problems.contains { $0.severity == .error }, "\(back.problems.map(\.description)) in \(text)")
            #expect(back.records.count == 1)
        }
    }

    /// Found by `Fuzz/FuzzBibTeX`: an entry written `@book(…)` kept a key holding a brace, and
    /// the export, which writes `@book{…}`, closed the entry at that brace; the file written did
    /// not read back. Such an entry is now refused on import, with the reason.
    @Test(arguments: ["@book(sim}ir2011, title = {Azerbaycan}, year = 2011)\n",
                      "@book(sim{ir2011, title = {Azerbaycan}, year = 2011)\n",
                      "@book{sim{ir2011, title = {Azerbaycan}, year = 2011}\n"])
    func aKeyHoldingABraceIsRefused(entry: String) {
        let imported = BibTeXParser.parse(entry + "@misc{next, title = {After}}\n", file: "in.bib")
        #expect(imported.records.map(\.id) == ["next"])
        #expect(imported.problems.count == 1)
        #expect(imported.problems.first?.description.contains("a citation key cannot hold") == true,
                "\(imported.problems.map(\.description))")
    }

    /// Found by `Fuzz/FuzzBibTeX`: in a value kept as written, a backslash before a non-ASCII
    /// letter (`\ş`) escaped the brace of the accent command the classic BibTeX export wrote for
    /// the letter, and the value no longer closed. The backslash, which means nothing to TeX
    /// there, is left out; the letter is written.
    /// Likewise a mark after the one letter of a command (`\c` and U+0328) is written over nothing.
    /// And a line of a value that starts `@mşir{`, written `@m{\c{s}}ir{`, is joined to the line
    /// before it, as the reader would take it for a new entry.
    @Test(arguments: ["{Ara\\ş{t}ırmalar}", "{T{x}\n@mşir, B{ignored}\n@in}", "{a\\\\\\ą}", "{x\\e\u{301}}", "{Ara{\\c\u{328}{s}}t}", "{\\t\u{301}\u{300}{oo}}"])
    func lettersWrittenAsAccentCommandsReadBack(value: String) {
        let imported = BibTeXParser.parse("@misc{k, title = {T}, note = \(value)}\n", file: "in.bib")
        #expect(imported.records.count == 1)
        let text = BibTeXWriter().write(imported.records).text
        let back = BibTeXParser.parse(text, file: "written.bib")
        #expect(!back.problems.contains { $0.severity == .error }, "\(back.problems.map(\.description)) in \(text)")
        #expect(back.records.count == 1)
    }

    @Test func parserSurvivesRandomInput() {
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<1500 {
            let text = (0..<next(40)).map { _ in Self.pieces[next(Self.pieces.count)] }.joined()
            let result = BibTeXParser.parse(text, file: "junk.bib")
            #expect(result.problems.allSatisfy { $0.line >= 1 })
        }
    }
}
