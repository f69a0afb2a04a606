@testable import GlossCore
import Testing

/// The word lists compare scalars where they can; they must answer exactly as `String` would.
@Suite("Lower-case word lists")
struct LowercaseWordsTests {
    static let words = ["ve", "və", "and", "&", "и", "al.", "diğ.", "göre", "savaş", "войн", "o"]
    static let list = LowercaseWords(words)

    static let tokens = [
        "ve", "VE", "Ve", "və", "VƏ", "and", "AND,", "&", "И", "al.", "AL.", "diğ.", "DİĞ.", "dig\u{306}.", "GÖRE", "go\u{308}re",
        "Savaşı", "SAVAŞ", "Savas\u{327}ı", "Войны", "ВОЙН", "O", "Ö", "İ", "\u{212A}", "’", "ve’", "Smith", "savaş\u{301}", "",
    ]

    @Test(arguments: tokens)
    func answersAsStrings(token: String) {
        let scalars = Array(token.unicodeScalars)
        let lower = token.lowercased()
        let expected = Set(Self.words).contains(lower)
        let expectedPrefix = Self.words.contains { lower.hasPrefix($0) }
        scalars.withUnsafeBufferPointer { scalars in
            #expect(Self.list.contains(scalars) == expected, "\(token)")
            if !scalars.isEmpty {
                #expect(Self.list.startsAnyWord(scalars) == expectedPrefix, "\(token)")
            }
        }
    }
}
