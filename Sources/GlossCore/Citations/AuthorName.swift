/// What an author as written in a citation may look like: capitalised words of any script (persons,
/// institutions, newspapers), initials, hyphenated double names, and the connecting words of the four
/// languages (`ve`, `və`, `and`, `&`, `и`, `vd.`, `et al.`, `и др.`, `de`, `van`).
enum AuthorName {
    /// Lower-case words allowed inside an author string.
    static let connectors = LowercaseWords([
        "ve", "və", "and", "&", "и", "ile", "ilə", "with", "et", "al.", "al", "vd.", "vd", "vb.", "др.", "de", "da",
        "van", "von", "der", "den", "du", "la", "le", "el", "al-", "bin", "ibn", "of", "the", "for", "und", "y", "i",
        "dkk.", "ark.", "diğ.", "və b.", "b.", "diğerleri", "arkadaşları", "başqaları",
    ])

    /// Capitalised words that start sentences but are not names (for narrative citations).
    static let sentenceWords = LowercaseWords([
        "as", "in", "the", "according", "for", "while", "but", "and", "also", "however", "thus", "this", "that",
        "these", "although", "since", "when", "recently", "similarly", "moreover", "furthermore", "both",
        "bu", "şu", "o", "ayrıca", "ancak", "fakat", "nitekim", "buna", "bunun", "bununla", "benzer", "böylece",
        "diğer", "özellikle", "ise", "hem", "yine", "dolayısıyla", "ve", "göre", "örneğin", "ilk", "son",
        "bunlar", "həmçinin", "lakin", "belə", "bununla", "eyni", "onun", "bizim",
        "по", "как", "также", "однако", "в", "на", "это", "так", "согласно", "мнению",
        "finally", "first", "firstly", "second", "secondly", "then", "here", "hence", "indeed", "notably", "later",
        "earlier", "previously", "nevertheless", "nonetheless", "instead", "likewise", "accordingly", "consequently",
        "therefore", "specifically", "importantly", "interestingly", "yet", "still", "today",
        "ardından", "sonra", "öncelikle", "nihayet", "oysa", "halbuki", "üstelik", "yani", "sonuçta", "günümüzde",
        "nəhayət", "beləliklə", "наконец", "затем", "поэтому", "позже", "впоследствии",
    ])

    /// Head nouns of named events and documents (`Karabağ Savaşı (2020)`, `Treaty of Kars (1921)`):
    /// a capitalised phrase with one of them before a year is not an author. Turkish, Azerbaijani and
    /// Russian ones are stems (they take suffixes); English ones are whole words.
    static let eventStems = LowercaseWords([
        "savaş", "antlaşma", "anlaşma", "beyanname", "bildirge", "protokol", "konferans", "devrim",
        "zirve", "müharibə", "sammit", "saziş", "bəyannamə", "inqilab", "olimpiyat",
        "войн", "договор", "соглашени", "деклараци", "революци", "конференци", "саммит",
    ])
    static let eventWords = LowercaseWords([
        "war", "wars", "treaty", "agreement", "declaration", "revolution", "crisis", "conference", "summit",
        "accord", "accords", "election", "elections", "protocol", "pact", "olympics", "games",
    ])

    /// Whether a capitalised word names an event or document rather than a person or body.
    static func isEventWord(_ word: LocatorParser.Scalars) -> Bool {
        eventWords.contains(word) || eventStems.startsAnyWord(word)
    }

    /// Whether a word is an initial (`J.`, `A.B.`).
    static func isInitial(_ word: LocatorParser.Scalars) -> Bool {
        guard word.count <= 4, word.last == "." else { return false }
        var letters = 0
        for c in word where ScalarProperties.isAlphabetic(c) { letters += 1 }
        return letters <= 2
    }

    /// Whether `s` (trimmed) can be an author string.
    static func isAuthor(_ s: LocatorParser.Scalars) -> Bool {
        guard !s.isEmpty, s.count <= 120, s[0].isLetter else { return false }
        var words = 0
        var capitalised = 0
        var end = 0
        // The previous word was a lone capital letter: a name the PDF split after its first letter (`V enkat`).
        var loneCapital = false
        while end < s.count {
            var start = end
            while start < s.count, s[start] == " " { start += 1 }
            guard start < s.count else { break }
            end = start
            while end < s.count, s[end] != " " { end += 1 }
            let word = s.part(start..<end)
            words += 1
            guard words <= 8 else { return false }
            var firstLetter: Unicode.Scalar?
            for c in word {
                if c.isLetter {
                    if firstLetter == nil { firstLetter = c }
                } else if c.isDigitLike {
                    return false
                } else {
                    switch c {
                    case ".", "-", "’", "'", "‘", ",", "&": break
                    default: return false
                    }
                }
            }
            if let firstLetter, firstLetter.isCapital {
                capitalised += 1
            } else if !loneCapital || word.contains(where: { !$0.isLetter && $0 != "," }) {
                guard isConnector(word) else { return false }
            }
            loneCapital = word.count == 1 && word[0].isCapital
        }
        return capitalised > 0
    }

    /// Whether a word, lower-cased and without trailing commas, is one of the ``connectors``.
    private static func isConnector(_ word: LocatorParser.Scalars) -> Bool {
        // No scalar lower-cases to a string ending in a comma, so they can go first.
        var end = word.count
        while end > 0, word[end - 1] == "," { end -= 1 }
        return connectors.contains(word.part(0..<end))
    }

    /// A name word for narrative citations: capitalised, letters with `-`, `’`, `.` (initials).
    static func isNameWord(_ word: LocatorParser.Scalars) -> Bool {
        guard let first = word.first, first.isLetter else { return false }
        // `al-Farabi`, `el-Hakim`: an Arabic article before the capitalised name.
        guard first.isCapital || word.count > 4 && word[2] == "-" && word[3].isCapital && word[0].isLetter && word[1].isLetter
        else { return false }
        return word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "." || $0.isApostrophe }
    }
}
