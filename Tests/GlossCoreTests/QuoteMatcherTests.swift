import GlossCore
import Testing

@Suite("Quotes and selectors")
struct QuoteMatcherTests {
    @Test(arguments: [
        // Turkish dotted and dotless i.
        "Önce ⟦İstanbul’da ılımlı bir İttifak⟧ kuruldu; sonra İstanbul’da ılımlı bir ittifak daha.",
        // Azerbaijani schwa.
        "Bu dövrdə ⟦Əliyev hökuməti ərazi bütövlüyünü⟧ müdafiə etdi.",
        // Cyrillic, with a GOST citation after.
        "Как отмечал автор, ⟦экономическое сотрудничество развивалось⟧ [12, с. 45].",
    ])
    func quoteIsFoundAtCodePointOffsets(marked: String) throws {
        let sample = MarkedText(marked)
        let quote = sample.source.slice(sample.span)
        let span = try QuoteMatcher(sample.source).span(of: quote)
        #expect(span == sample.span)
        // Offsets are code points: the stored slice is the quote exactly.
        #expect(Array(sample.text.unicodeScalars)[span.start..<span.end].map(\.value) == Array(quote.unicodeScalars).map(\.value))
    }

    @Test func dottedAndDotlessIAreDistinct() throws {
        let text = SourceText("ılımlı İttifak ve ilimli ittifak")
        let matcher = QuoteMatcher(text)
        #expect(matcher.occurrences(of: "ilimli ittifak").map(\.span) == [TextSpan(start: 18, end: 32)])
        #expect(matcher.occurrences(of: "ılımlı İttifak").map(\.span) == [TextSpan(start: 0, end: 14)])
        #expect(matcher.occurrences(of: "Ilımlı").isEmpty)
    }

    @Test func quoteSpansPDFLineBreaksAndBlankLines() throws {
        let sample = MarkedText("Giriş \n\n⟦Azerbaycan Cumhuriyeti, 1991 \n\nyılından sonra bağımsızlığını kazan-\n\nmıştır⟧ ve gelişti.")
        let span = try QuoteMatcher(sample.source).span(of: "Azerbaycan Cumhuriyeti, 1991 yılından sonra bağımsızlığını kazanmıştır")
        #expect(span == sample.span)
        // The stored exact text is the real stored slice, line breaks included.
        #expect(TextQuoteSelector(of: span, in: sample.source).exact.contains("\n\n"))
    }

    @Test func typographicQuotesAndDashesFold() throws {
        let sample = MarkedText("Günümüzde ⟦“Bir millet iki devlet” sloganı — resmi⟧ söylem.")
        let span = try QuoteMatcher(sample.source).span(of: "\"Bir millet iki devlet\" sloganı - resmi")
        #expect(span == sample.span)
    }

    /// A quote typed with ASCII apostrophes, quotes, hyphens and full stops matches the text's
    /// typographic ones, and the variants are named.
    @Test(arguments: [
        ("Deveci ⟦Bozkuş’a göre⟧ ilişkiler", "Bozkuş'a göre", ["’'"]),
        ("Söz ⟦«Bir millet» ve „iki devlet“⟧ idi.", "\"Bir millet\" ve \"iki devlet\"", ["«\"", "»\"", "„\"", "“\""]),
        ("Dönem ⟦(1918–1920) ve 1991—1993⟧ arası", "(1918-1920) ve 1991-1993", ["–-", "—-"]),
        ("Bunu ⟦söyledi… ve  gitti⟧.", "söyledi... ve gitti", ["….", "….", "…."]),
        ("Tam ⟦aynı metin⟧ burada.", "aynı   metin", []),
    ])
    func typographicVariantsMatchAndAreNamed(marked: String, quote: String, variants: [String]) throws {
        let sample = MarkedText(marked)
        let span = try QuoteMatcher(sample.source).span(of: quote)
        #expect(span == sample.span)
        let named = QuoteMatcher.typographicVariants(typed: quote, stored: sample.source.slice(span))
        let expected = Array(Set(variants)).map { pair in
            TypographicVariant(typed: pair.unicodeScalars.last!, stored: pair.unicodeScalars.first!)
        }
        #expect(Set(named) == Set(expected))
    }

    @Test func ambiguousQuoteListsOccurrencesWithLines() throws {
        let text = SourceText("Türkiye-Azerbaycan ilişkileri\n\ngelişti.\n\nTürkiye-\n\nAzerbaycan ilişkileri yine.")
        let matcher = QuoteMatcher(text)
        let error = #expect(throws: QuoteError.self) { try matcher.span(of: "Türkiye-Azerbaycan ilişkileri") }
        guard case let .ambiguous(_, found)? = error else {
            Issue.record("expected an ambiguous quote, got \(String(describing: error))")
            return
        }
        #expect(found.map(\.line) == [1, 5])
        #expect(error?.description.contains("line 5") == true)
        #expect(error?.description.contains("--occurrence") == true)
        let second = try matcher.span(of: "Türkiye-Azerbaycan ilişkileri", occurrence: 2)
        #expect(text.slice(second) == "Türkiye-\n\nAzerbaycan ilişkileri")
        #expect(throws: QuoteError.noSuchOccurrence(3, count: 2)) { try matcher.span(of: "Türkiye-Azerbaycan ilişkileri", occurrence: 3) }
    }

    @Test func missingQuoteNamesTheClosestMatch() throws {
        let text = SourceText("Birinci satır.\n\nİki devlet arasındaki ilişkiler uluslararası sistemde özeldir.\n")
        let error = #expect(throws: QuoteError.self) {
            try QuoteMatcher(text).span(of: "iki devlet arasındaki ilişkiler uluslararsı sistemde")
        }
        guard case let .notFound(_, closest?)? = error else {
            Issue.record("expected a closest match, got \(String(describing: error))")
            return
        }
        #expect(closest.line == 3)
        #expect(closest.text.hasPrefix("İki devlet"))
        #expect(closest.similarity > 0.9 && closest.similarity < 1)
        #expect(error?.description.contains("line 3") == true)
    }

    @Test func emptyQuoteIsRefused() {
        #expect(throws: QuoteError.empty) { try QuoteMatcher(SourceText("metin")).span(of: " \n ") }
    }

    @Test func selectorTakes32CodePointsOfContext() {
        let sample = MarkedText("Azərbaycan Respublikası müstəqilliyini bərpa etdikdən sonra ⟦ərazi bütövlüyü⟧ məsələsi dövlət siyasətinin əsas istiqaməti oldu.")
        let selector = TextQuoteSelector(of: sample.span, in: sample.source)
        #expect(selector.exact == "ərazi bütövlüyü")
        #expect(selector.prefix.unicodeScalars.count == 32)
        #expect(selector.suffix.unicodeScalars.count == 32)
        #expect(sample.text.contains(selector.prefix + selector.exact + selector.suffix))
    }

    @Test func selectorGrowsUntilUnique() {
        // The same 40 code points of context surround both occurrences; only further out differ.
        let repeated = String(repeating: "и ", count: 20)
        let sample = MarkedText("Первый: \(repeated)⟦экономика⟧\(repeated)конец. Второй: \(repeated)экономика\(repeated)финал.")
        let selector = TextQuoteSelector(of: sample.span, in: sample.source)
        let prefixLength = selector.prefix.unicodeScalars.count
        let suffixLength = selector.suffix.unicodeScalars.count
        #expect(prefixLength > 32 || suffixLength > 32)
        let whole = selector.prefix + selector.exact + selector.suffix
        #expect(sample.text.components(separatedBy: whole).count == 2)
    }

    @Test func selectorAtTheEdgesOfTheText() {
        let sample = MarkedText("⟦Başlangıç⟧ ve son")
        let selector = TextQuoteSelector(of: sample.span, in: sample.source)
        #expect(selector.prefix.isEmpty)
        #expect(selector.suffix == " ve son")
    }
}
