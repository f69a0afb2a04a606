import Foundation
import Testing
@testable import GlossCore

@Suite("Text normalisation on import")
struct TextNormalizerTests {
    private func normalize(_ bytes: [UInt8]) throws -> String {
        try TextNormalizer.normalize(bytes, file: "in.txt")
    }

    @Test func stripsByteOrderMark() throws {
        let text = try normalize([0xEF, 0xBB, 0xBF] + Array("Özet".utf8))
        #expect(Array(text.utf8) == Array("Özet".utf8))
    }

    @Test(arguments: ["a\r\nb\r\n", "a\rb\r", "a\r\nb\r"])
    func lineEndsBecomeLF(input: String) throws {
        #expect(try normalize(Array(input.utf8)) == "a\nb\n")
    }

    @Test func decomposedInputBecomesNFC() throws {
        // "Gasımlı ə ş" with ş written as s + combining cedilla (NFD), as some PDF tools emit.
        let nfd = "Gas\u{0131}ml\u{0131} \u{0259} s\u{0327}"
        let text = try normalize(Array(nfd.utf8))
        #expect(Array(text.unicodeScalars) == Array("Gasımlı ə ş".unicodeScalars))
        #expect(text.unicodeScalars.count == 11)
    }

    @Test func neverCompatibilityFolds() throws {
        // NFKC would turn the ligature into "fi" and the superscript into "2".
        let input = "ﬁnal x²"
        #expect(Array(try normalize(Array(input.utf8)).unicodeScalars) == Array(input.unicodeScalars))
    }

    @Test func normalisedInputIsKeptByteIdentical() throws {
        let input = "Deveci Bozkuş’a göre (2021: 57-58)\n\nИванов, 2018\n"
        #expect(Array(try normalize(Array(input.utf8)).utf8) == Array(input.utf8))
    }

    @Test(arguments: [
        ([0x61, 0x62, 0x80], 2),             // lone continuation byte
        ([0x61, 0xC0, 0x80], 1),             // overlong NUL
        ([0xC5, 0x9F, 0xED, 0xA0, 0x80], 2), // UTF-16 surrogate
        ([0x61, 0xE2, 0x80], 1),             // truncated at the end
        ([0xF5, 0x80, 0x80, 0x80], 0),       // above U+10FFFF
        ([0x61, 0xFF], 1),                   // Latin-1 ÿ
    ] as [([UInt8], Int)])
    func invalidUTF8NamesTheByteOffset(bytes: [UInt8], offset: Int) {
        #expect(throws: TextImportError.invalidUTF8(file: "in.txt", byteOffset: offset)) {
            try TextNormalizer.normalize(bytes, file: "in.txt")
        }
    }

    @Test func refusesBinary() {
        #expect(throws: TextImportError.binary(file: "in.txt", byteOffset: 3)) {
            try TextNormalizer.normalize([0x50, 0x4B, 0x03, 0x00, 0x04], file: "in.txt")
        }
    }

    @Test(arguments: [[], [0xEF, 0xBB, 0xBF], Array(" \n\r\n\t".utf8)] as [[UInt8]])
    func refusesEmpty(bytes: [UInt8]) {
        #expect(throws: TextImportError.empty(file: "in.txt")) {
            try TextNormalizer.normalize(bytes, file: "in.txt")
        }
    }

    @Test func errorMessagesNameFileAndOffset() {
        let message = TextImportError.invalidUTF8(file: "makale.txt", byteOffset: 1234).description
        #expect(message.contains("makale.txt"))
        #expect(message.contains("1234"))
    }
}
