import Foundation

/// Reference-list entries in the author-date styles: names, then the year, then the title and
/// where the work appeared.
///
/// - APA 6/7 and its Turkish form: `Kınık, H., & Çelik, S. (2021). The role of Turkish drones.
///   Insight Turkey, 23(4), 169-203. https://doi.org/…`, `In A. Editor (Ed.), Book (pp. 1-20).`,
///   `(Ed.)`, `(Haz.)`, `(Çev. …)`, `(ss. 3-9)`, `Erişim adresi`;
/// - eLife: `Aivazian D, Serrano RL, Pfeffer S. 2006. TIP47 is a key effector. The Journal of Cell
///   Biology 173:917–926. doi: 10.1083/jcb.200510010`, `In: Otte D, editors. Book. Place: Publisher. p. 1–2.`;
/// - Harvard: `Smith, J.A. and Doe, B. (2012) ‘Title’, Journal, 12(3), pp. 45–67.`, `Title. 2nd edn. London: Press.`;
/// - Chicago author-date: `Smith, John, and Jane Doe. 2012. “Title.” Journal 12 (3): 45–67.`
///
/// The year is found as the first year-shaped token after a run of name-like words
/// (`EntryOpening`); a bare year must close its sentence (`2012.`) and be followed by a title, so a
/// footnote ending `…, Ankara, 2016.` is left to the footnote reader.
enum AuthorDateEntry {
    static func parse(_ text: String) -> ParsedReference? {
        guard let (authorsText, yearText, rest) = split(text) else { return nil }
        // APA and Harvard put the year in brackets; there a lone part after a title is its publisher.
        let bracketedYear = yearIsBracketed(text, after: authorsText)
        var fields = ReferenceParser.Fields()
        if let (date, suffix) = ReferenceDates.publication(yearText) {
            fields.year = date
            fields.yearSuffix = suffix
        } else if let date = ReferenceDates.parse(yearText) ?? leadingYear(yearText) {
            // `2012, March 5`, `2020, 12 Mayıs`.
            fields.year = date
        } else if !["n.d.", "t.y.", "b.t.", "s.a.", "nd", "n.d", "t.y", "in press", "baskıda", "no date"].contains(yearText.lowercased()) {
            return nil
        }
        let (authors, editors) = AuthorList.read(authorsText)
        guard !authors.isEmpty || !editors.isEmpty else { return nil }
        fields.authors = authors
        fields.editors = editors
        // `Lindell, S. (1992), Title, Container, 185–192`: a comma after the year, the elements are comma-separated.
        let commaAfterYear = text.range(of: rest, options: .backwards).map { text[..<$0.lowerBound].trimmingCharacters(in: .whitespaces).hasSuffix(",") } ?? false
        readRest(rest, publisherAfterTitle: bracketedYear, commaSeparated: commaAfterYear, into: &fields)
        var reference = fields.reference()
        reference.locator = nil
        // Edited books put their editors in the author slot; the type follows the editors.
        if authors.isEmpty, fields.container == nil { reference.record.type = "book" }
        return reference
    }

    /// The names, the year (without brackets) and what follows it; nil when the text does not open
    /// with names and a year.
    static func split(_ text: String) -> (String, String, String)? {
        let tokens = text.split(separator: " ", omittingEmptySubsequences: true)
        guard let first = tokens.first, EntryOpening.startsName(first) || EntryOpening.isParticle(first) || EntryOpening.isDashRun(first)
                || opensInstitution(tokens)
        else { return nil }
        var functionWords = 0
        var sentenceEnded = false
        for (index, token) in tokens.enumerated() {
            let next = index + 1 < tokens.count ? tokens[index + 1] : nil
            if index > 0, EntryOpening.isYear(token, next: next) {
                let bracketed = token.first == "("
                // A bare year must close a sentence: `2012.` (Chicago, eLife), not `2012,` (a footnote's date).
                if !bracketed, !token.hasSuffix(".") { return nil }
                // `Smith A. The Wealth of Nations. Collier; 1902.`: a sentence ended before a bare year, so
                // the words were a title (`Australia. Department of Health. (1999).` keeps its bracketed year).
                if !bracketed, sentenceEnded { return nil }
                var yearEnd = token.endIndex
                if bracketed, !token.contains(")") {
                    // `(2012, March 5)`, `(in press)`: up to the closing bracket.
                    guard let close = text[token.endIndex...].firstIndex(of: ")") else { return nil }
                    yearEnd = text.index(after: close)
                }
                let authors = String(text[..<token.startIndex]).trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
                var year = String(text[token.startIndex..<yearEnd]).trimmingCharacters(in: CharacterSet(charactersIn: " .,;:()"))
                if year.hasSuffix(")") { year.removeLast() }
                let rest = String(text[yearEnd...]).trimmingCharacters(in: CharacterSet(charactersIn: " .,;:"))
                // The title must follow: a footnote ends with its year.
                guard !rest.isEmpty, rest.split(separator: " ").count >= 1, !authors.isEmpty else { return nil }
                return (authors, year.trimmingCharacters(in: CharacterSet(charactersIn: " .,()")), rest)
            }
            guard let kind = EntryOpening.nameToken(token) ?? acronym(token) ?? (index == 0 ? .name : nil) else { return nil }
            // A word closing a sentence (not initials, `et al.`, `Jr.`, nor a name before initials:
            // `Kashyap. A.,`).
            if let next, !EntryOpening.isYear(next, next: nil), closesSentence(token),
               !PersonNames.isInitials(next.trimmingCharacters(in: CharacterSet(charactersIn: ",;"))) {
                sentenceEnded = true
            }
            if kind == .functionWord {
                functionWords += 1
                if functionWords > 4 { return nil }
            }
        }
        return nil
    }

    /// `1000 Genomes Project Consortium, …`: an institution's name may open with a number.
    static func opensInstitution(_ tokens: [Substring]) -> Bool {
        guard tokens.count >= 3, tokens[0].allSatisfy(\.isNumber), tokens[0].count <= 5 else { return false }
        let name = tokens[0...].prefix(while: { !$0.hasSuffix(",") && !$0.hasSuffix(".") }).joined(separator: " ")
        let through = tokens.first(where: { $0.hasSuffix(",") || $0.hasSuffix(".") }).map { name + " " + $0.dropLast() } ?? name
        return EntryOpening.startsName(tokens[1]) && LeadingAuthors.isCorporate(through)
    }

    /// The bracket that the closing bracket ending `text` closes (`(ComUE)` may stand inside `[…]`).
    static func openingBracket(ofLastIn text: String) -> String.Index? {
        guard let last = text.last, last == "]" || last == ")" else { return nil }
        let open: Character = last == "]" ? "[" : "("
        var depth = 0
        var index = text.endIndex
        while index > text.startIndex {
            index = text.index(before: index)
            if text[index] == last { depth += 1 }
            if text[index] == open {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }

    /// `Nations.`, `Psychology.`: a word of four letters or more with a full stop, not a mark of a
    /// name list (`al.`, `eds.`, `Jr.`).
    static func closesSentence(_ token: Substring) -> Bool {
        guard token.hasSuffix("."), !token.hasSuffix("..") else { return false }
        let word = token.dropLast()
        let lower = word.lowercased()
        guard word.count >= 4, word.allSatisfy(\.isLetter), word.contains(where: \.isLowercase) else { return false }
        return !EntryOpening.marks.contains(lower + ".") && !EntryOpening.marks.contains(lower)
    }

    /// Whether the year after the names `authors` stands in brackets: `Smith, J. (2012).`
    static func yearIsBracketed(_ text: String, after authors: String) -> Bool {
        guard text.hasPrefix(authors) else { return false }
        return text.dropFirst(authors.count).first { $0 != " " && $0 != "," && $0 != "." } == "("
    }

    /// `(WHO)`, `(APA).`: an institution's acronym after its name.
    static func acronym(_ token: Substring) -> EntryOpening.NameToken? {
        let core = token.trimmingSuffix(".,")
        guard core.hasPrefix("("), core.hasSuffix(")"), core.count >= 4 else { return nil }
        return core.dropFirst().dropLast().allSatisfy({ $0.isUppercase || $0 == "-" }) ? .name : nil
    }

    /// The year at the start of `2012, March 5`.
    static func leadingYear(_ text: String) -> CSLDate? {
        guard let first = text.split(whereSeparator: { $0 == "," || $0 == " " }).first, first.count == 4,
              let year = Int(first), (1500...2099).contains(year) else { return nil }
        return CSLDate(year: year)
    }

    // MARK: - After the year

    /// Title, then container and its details, or publisher and place, or the book of a chapter.
    static func readRest(_ text: String, publisherAfterTitle: Bool, commaSeparated: Bool = false, into fields: inout ReferenceParser.Fields) {
        var rest = text
        takeIdentifiers(&rest, into: &fields)
        if let quoted = QuotedTitle.find(in: rest), rest.distance(from: rest.startIndex, to: quoted.range.lowerBound) < 2 {
            fields.title = quoted.title
            let after = String(rest[quoted.range.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: " .,;:"))
            if let chapter = chapterStart(in: " " + after) {
                readChapter(String((" " + after)[chapter...]), into: &fields)
            } else {
                readSource(sentences(after), publisherAfterTitle: publisherAfterTitle, into: &fields)
            }
            return
        }
        if rest.firstMatch(of: Self.içinde) != nil, readBookBeforeIçinde(içindeParts(rest), into: &fields) { return }
        // A chapter: `Title. In: Editors, editors. Book.` / `Title. In E. Editor (Ed.), Book (pp. 1–20).`
        if let chapter = chapterStart(in: rest) {
            fields.title = cleanTitle(String(rest[..<chapter]), into: &fields)
            readChapter(String(rest[chapter...]), into: &fields)
            return
        }
        let parts = sentences(rest)
        guard !parts.isEmpty else { return }
        // A journal: the last sentence reads `Journal 12:345–356`, `Journal, 12(3), 45–67`, `Journal 12 (3): 45–67`.
        if let index = parts.indices.last(where: { $0 > 0 && JournalDetails.parse(parts[$0]) != nil }) {
            var start = index
            // An abbreviated journal (`J. Biol. Chem.`) was cut at its full stops: single short words join it.
            while start > 1, isAbbreviation(parts[start - 1]), parts[start].split(separator: " ").first.map({ $0.count <= 10 }) ?? false {
                start -= 1
            }
            // `Nature reviews. Microbiology`, `Philosophical Transactions … London. Series B`: one journal.
            if start > 1, parts[start - 1].lowercased().hasSuffix("reviews") && parts[start - 1].split(separator: " ").count <= 3
                || ["Series ", "Section ", "Part "].contains(where: parts[start].hasPrefix) {
                start -= 1
            }
            guard let details = JournalDetails.parse(parts[start...].joined(separator: ". ")) ?? { start = index; return JournalDetails.parse(parts[index]) }()
            else { return }
            fields.title = cleanTitle(parts[..<start].joined(separator: ". "), into: &fields)
            JournalDetails.take(details, into: &fields)
            return
        }
        // One sentence of comma-separated elements: the title is the first where a comma followed the
        // year; otherwise what is left when the publisher, place or web site closing it are taken off.
        // (A description in square brackets, `[Doctoral dissertation, University]`, is cleanTitle's.)
        if parts.count == 1, parts[0].contains(", "), !parts[0].contains("[") {
            var elements = ReferenceParser.segments(parts[0])
            if commaSeparated, elements.count >= 2 {
                fields.title = cleanTitle(elements.removeFirst(), into: &fields)
                readSource([elements.joined(separator: ", ")], publisherAfterTitle: publisherAfterTitle, into: &fields)
                return
            }
            if let source = trailingSource(elements, web: fields.url != nil) {
                fields.title = cleanTitle(elements[..<source].joined(separator: ", "), into: &fields)
                readSource(Array(elements[source...]), publisherAfterTitle: publisherAfterTitle, into: &fields)
                // A web page's site is where it appeared, not its publisher.
                if fields.url != nil, fields.container == nil, source == elements.count - 1, fields.publisher == elements.last {
                    fields.container = fields.publisher
                    fields.publisher = nil
                }
                return
            }
        }
        var titleParts = 1
        if parts.count >= 3, EntryTail.continuesShortTitle(parts[0], parts[1], following: parts[2]) { titleParts = 2 }
        fields.title = cleanTitle(parts[..<titleParts].joined(separator: ". "), into: &fields)
        readSource(Array(parts.dropFirst(titleParts)), publisherAfterTitle: publisherAfterTitle, into: &fields)
    }

    /// Where the elements closing a title's sentence that name its source begin: `Title, Oxford
    /// University Press, Melbourne`, `Title, New York: Wiley`, and on the web `Title, Vox`, `Title,
    /// Ordu.az` (a site's name of one or two capitalised words, or a domain). Nil when none does.
    static func trailingSource(_ elements: [String], web: Bool) -> Int? {
        var start = elements.count
        while start > 1 {
            let element = elements[start - 1]
            let lower = element.lowercased()
            let isPublisher = isPlaceAndPublisher(element) || Places.publisherWords.contains(where: lower.contains) && element.first?.isUppercase == true
            let isPlace = Places.isKnown(element) || start < elements.count && Places.looksLikePlace(element) && element.split(separator: " ").count <= 2
            let words = element.split(separator: " ")
            let isSite = web && start == elements.count && (element.firstMatch(of: Self.domain) != nil
                || words.count <= 2 && words.allSatisfy { $0.first?.isUppercase == true })
            guard isPublisher || isPlace || isSite else { break }
            start -= 1
        }
        return start < elements.count ? start : nil
    }

    nonisolated(unsafe) static let closingNote = /,? \((?:\d+[^()]*?\b(?:ed|edn|edition|изд|bs|baskı)\b[^()]*|[^()]*, (?:Trans|Çev|Tr|Ed|Eds)\.)\)$/

    /// Turkish APA names the book of a chapter before `içinde`: `Title. Book içinde (ss. 15-17). Place:
    /// Publisher.`, `Title. A. Editor (Ed.), Book içinde (ss. 3-9).` Nil when no part of `parts` does.
    static func readBookBeforeIçinde(_ parts: [String], into fields: inout ReferenceParser.Fields) -> Bool {
        guard let index = parts.indices.first(where: { $0 > 0 && parts[$0].firstMatch(of: Self.içinde) != nil }),
              let marker = parts[index].firstMatch(of: Self.içinde) else { return false }
        let part = parts[index]
        fields.title = cleanTitle(parts[..<index].joined(separator: ". "), into: &fields)
        var book = String(part[..<marker.range.lowerBound])
        for mark in ["(Ed.),", "(Eds.),", "(Haz.),", "(Der.),", "(Ed.)", "(Eds.)", "(Haz.)", "(Der.)"] {
            guard let range = book.range(of: mark) else { continue }
            fields.editors = AuthorList.read(String(book[..<range.lowerBound])).authors
            book = book[range.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
            break
        }
        fields.container = cleanTitle(book, into: &fields)
        fields.titleQuoted = true
        if let pages = part[marker.range.upperBound...].firstMatch(of: Self.bookPages) { fields.pageRange = String(pages.1) }
        let publisher = parts.dropFirst(index + 1).joined(separator: ". ")
        if !publisher.isEmpty { readPublisher(publisher, into: &fields) }
        return true
    }

    /// The sentences of `text`, where the editors before `içinde` (`Title. J. Bajorath (Ed.), Book
    /// içinde`) stay one part with their book: their initials end no sentence.
    static func içindeParts(_ text: String) -> [String] {
        let parts = sentences(text)
        guard let mark = text.firstMatch(of: Self.editorMark) else { return parts }
        for stop in text[..<mark.range.lowerBound].ranges(of: ". ") {
            let names = text[stop.upperBound..<mark.range.lowerBound].trimmingCharacters(in: .whitespaces)
            guard !names.isEmpty, SentenceEntry.names(names) != nil || SentenceEntry.names(names.replacingOccurrences(of: " ve ", with: " and ")) != nil
            else { continue }
            let after = text[stop.upperBound...]
            guard let marker = after.firstMatch(of: Self.içinde) else { return parts }
            // The part ends after its pages' bracket (`içinde (ss. 3-9).`).
            var from = marker.range.upperBound
            if after[from...].hasPrefix(" ("), let close = after[from...].firstIndex(of: ")") { from = close }
            let end = after[from...].firstRange(of: ". ")?.lowerBound ?? after.endIndex
            return sentences(String(text[..<stop.lowerBound])) + [String(after[..<end])] + sentences(String(after[end...]))
        }
        return parts
    }

    nonisolated(unsafe) static let domain = /^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$/
    nonisolated(unsafe) static let bookPages = /(?:ss?|pp?)\. ?(\d+(?:\s?[–—-]\s?\d+)?)/
    nonisolated(unsafe) static let editorMark = /\((?:Ed|Eds|Haz|Der)\.\)/
    nonisolated(unsafe) static let içinde = #/ içinde(?= \(|[.,]|$)/#

    /// Where the part naming the book of a chapter begins: ` In: `, ` İçinde `, ` В: `, or ` In `
    /// followed by editors and their mark (`In M. Lee (Ed.),`). The index is that of `In`.
    static func chapterStart(in text: String) -> String.Index? {
        for marker in [". In: ", ". İçinde: ", ". İçinde ", ". içinde ", ". В: ", ". В кн.: ", ". In ", " In: "] {
            var from = text.startIndex
            while let range = text[from...].firstRange(of: marker) {
                let start = text.index(range.lowerBound, offsetBy: marker.hasPrefix(".") ? 2 : 1)
                let after = text[range.upperBound...]
                let editors = ["(Ed", "(ed", "(Eds", "(eds", ", editors", ", eds", "(Hrsg"]
                if marker != ". In " || editors.contains(where: { after.prefix(300).contains($0) }) {
                    return start
                }
                from = range.upperBound
            }
        }
        return nil
    }

    /// What follows an unquoted title that is not a journal's: `Place: Publisher`, a container
    /// (`NCBI Gene Expression Omnibus`, `bioRxiv`), an edition, pages. A lone part is the
    /// publisher where `publisherAfterTitle` (APA, Harvard), else the container (eLife's data,
    /// software and preprints).
    static func readSource(_ parts: [String], publisherAfterTitle: Bool, into fields: inout ReferenceParser.Fields) {
        var rest = parts.filter { !$0.isEmpty }
        if let first = rest.first, let journal = JournalDetails.parse(rest.joined(separator: ". ")) ?? JournalDetails.parse(first) {
            JournalDetails.take(journal, into: &fields)
            return
        }
        rest.removeAll { isEdition($0) || $0.lowercased().hasPrefix("version ") || $0.lowercased().hasPrefix("vol. ") }
        if let place = rest.firstIndex(where: isPlaceAndPublisher) {
            let part = rest[place]
            let colon = part.firstIndex(of: ":")!
            fields.place = part[..<colon].trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
            var publisher = part[part.index(after: colon)...].trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
            if let pages = pagesAtEnd(&publisher) { fields.pageRange = pages }
            fields.publisher = publisher
            if place > 0, fields.container == nil { fields.container = rest[0] }
            return
        }
        guard let first = rest.first else { return }
        // `Journal, 12` / `Publisher` / `bioRxiv`: one part, read by its shape.
        let segments = ReferenceParser.segments(first)
        if segments.count >= 2, let (volume, issue) = Locator.volumeIssue(segments[1]) {
            fields.container = segments[0]
            fields.volume = volume
            fields.issue = issue
            fields.titleQuoted = true
            return
        }
        if publisherAfterTitle || Self.publisherWords.contains(where: { first.lowercased().contains($0) }) {
            fields.publisher = first
        } else {
            fields.container = first
        }
    }

    /// Words that make a part after a title a publisher rather than a container.
    static let publisherWords = ["press", "publisher", "publishing", "verlag", "yayın", "издательство", "nəşriyyat", "kitabevi"]

    /// `In: Otte D, Endler JA, editors. Speciation. Sunderland, MA: Sinauer. p. 1–2.` or
    /// `In E. Editor & F. Editor (Eds.), Book title (2nd ed., pp. 1–20). Publisher.`
    static func readChapter(_ part: String, into fields: inout ReferenceParser.Fields) {
        var text = part.trimmingCharacters(in: CharacterSet(charactersIn: " ."))
        // `… Sinauer Associates. p. 1–2`: the pages at the end.
        if let match = text.firstMatch(of: Self.chapterPages) {
            fields.pageRange = String(match.1)
            text = String(text[..<match.range.lowerBound])
        }
        for prefix in ["In: ", "In ", "İçinde: ", "İçinde ", "içinde ", "В: ", "В кн.: "] where text.hasPrefix(prefix) {
            text.removeFirst(prefix.count)
            break
        }
        // The editors end at their mark.
        let marks = ["(Ed.),", "(Eds.),", "(Ed.)", "(Eds.)", "(ed.),", "(eds.),", "(ed.)", "(eds.)", "(Haz.),", "(Haz.)",
                     "(haz.)", "(Der.),", "(Der.)", "(der.)", ", editors.", ", editor.", ", eds.", ", ed.", " (Hrsg.)", "(Ред.)"]
        if let mark = marks.compactMap({ text.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) {
            fields.editors = AuthorList.read(String(text[..<mark.lowerBound])).authors
            text = String(text[mark.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: " .,"))
        }
        fields.titleQuoted = true
        // APA: `Book (pp. 1–20). Publisher.`
        for open in ["(pp.", "(ss.", "(s.", "(p.", "(с."] {
            guard let pages = text.range(of: open),
                  let close = text[pages.upperBound...].firstIndex(of: ")") else { continue }
            fields.container = cleanTitle(String(text[..<pages.lowerBound]), into: &fields)
            fields.pageRange = text[pages.upperBound..<close].trimmingCharacters(in: .whitespaces)
            readPublisher(String(text[text.index(after: close)...]).trimmingCharacters(in: CharacterSet(charactersIn: " .,")), into: &fields)
            return
        }
        var rest = sentences(text)
        guard !rest.isEmpty else { return }
        fields.container = cleanTitle(rest.removeFirst(), into: &fields)
        for part in rest {
            if let pages = Locator.pages(in: part) {
                fields.pageRange = pages
            } else if isPlaceAndPublisher(part) || fields.publisher == nil, !isEdition(part) {
                readPublisher(part, into: &fields)
            }
        }
    }

    /// `Sunderland, MA: Sinauer Associates` → place and publisher; `Sinauer` → publisher.
    static func readPublisher(_ text: String, into fields: inout ReferenceParser.Fields) {
        guard !text.isEmpty else { return }
        if let colon = text.firstIndex(of: ":"), isPlaceAndPublisher(text) {
            fields.place = text[..<colon].trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
            fields.publisher = text[text.index(after: colon)...].trimmingCharacters(in: CharacterSet(charactersIn: " ."))
        } else {
            fields.publisher = text
        }
    }

    /// DOIs, URLs and access notes come out first, wherever they stand.
    static func takeIdentifiers(_ text: inout String, into fields: inout ReferenceParser.Fields) {
        for marker in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi: ", "doi:", "DOI: ", "DOI:", "DOI "] {
            guard let range = text.range(of: marker) else { continue }
            var end = range.upperBound
            while end < text.endIndex, !text[end].isWhitespace { end = text.index(after: end) }
            var doi = String(text[range.upperBound..<end])
            while let last = doi.last, ".,;".contains(last) { doi.removeLast() }
            if !doi.isEmpty { fields.doi = doi }
            text.replaceSubrange(range.lowerBound..<end, with: "")
            break
        }
        if let found = BrokenURL.find(in: text) {
            fields.url = found.url
            text.replaceSubrange(found.range, with: "")
        }
        fields.accessed = ReferenceParser.takeAccessDate(&text)
        // APA 6 in Turkish writes the URL first: `https://… adresinden erişildi`.
        for marker in ["adresinden erişildi", "adresinden erişilmiştir", "Retrieved from", "Erişim adresi:", "Erişim adresi", "Available at:", "Available at", "Available from:",
                       "(Accessed:", "Accessed:", "URL:"] {
            text = text.replacingOccurrences(of: marker, with: "")
        }
        // Brackets left unbalanced by what was taken out go; `(Doctoral thesis)` stays.
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: " .,;:"))
        while text.hasSuffix("(") || text.hasSuffix(")") && text.filter({ $0 == ")" }).count > text.filter({ $0 == "(" }).count {
            text.removeLast()
            text = text.trimmingCharacters(in: CharacterSet(charactersIn: " .,;:"))
        }
        while text.hasPrefix("("), text.filter({ $0 == "(" }).count > text.filter({ $0 == ")" }).count {
            text.removeFirst()
            text = text.trimmingCharacters(in: CharacterSet(charactersIn: " .,;:"))
        }
    }

    /// The text cut into sentences at `. `, `? `, `! ` before a capital letter, a digit or a quote.
    static func sentences(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var index = text.startIndex
        var depth = 0
        while index < text.endIndex {
            let character = text[index]
            if character == "(" || character == "[" { depth += 1 }
            if character == ")" || character == "]" { depth = max(0, depth - 1) }
            let next = text.index(after: index)
            // An ellipsis (`диссертация ... кандидата наук`) ends no sentence.
            if depth == 0, ".?!".contains(character), next < text.endIndex, text[next] == " ", !(character == "." && current.hasSuffix(".")) {
                let after = text.index(after: next)
                if after < text.endIndex, text[after].isUppercase || text[after].isNumber || "“\"«‘".contains(text[after])
                    || character == "." && text[after].isLowercase && !endsAbbreviation(current) {
                    if character != "." { current.append(character) }
                    parts.append(current.trimmingCharacters(in: .whitespaces))
                    current = ""
                    index = after
                    continue
                }
            }
            current.append(character)
            index = next
        }
        let last = current.trimmingCharacters(in: CharacterSet(charactersIn: " ."))
        if !last.isEmpty { parts.append(last) }
        return parts.filter { !$0.isEmpty }
    }

    /// Where a title ends: the first `. `, `? ` or `! ` followed by a capital letter or a digit, or
    /// the end (the question or exclamation mark stays with the title).
    static func titleEnd(_ text: String) -> String.Index {
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "." || character == "?" || character == "!" {
                let after = text.index(after: index)
                if after == text.endIndex { return index }
                let ellipsis = character == "." && index > text.startIndex && text[text.index(before: index)] == "."
                if text[after] == " ", !ellipsis {
                    let next = text.index(after: after)
                    if next < text.endIndex, text[next].isUppercase || text[next].isNumber {
                        return character == "." ? index : after
                    }
                }
            }
            index = text.index(after: index)
        }
        return text.endIndex
    }

    /// Abbreviations that a lower-case word may follow inside a title (`E. coli`, `gen. nov.`, `sp. nov.`).
    static let abbreviations: Set<String> = ["gen", "nov", "sp", "spp", "subsp", "var", "sv", "cf", "vs", "ca", "approx", "e.g",
                                             "i.e", "al", "etc", "no", "vol", "st", "dr", "mr", "mrs", "prof", "fig", "comb", "emend",
                                             "f", "ssp", "pv", "bv", "ser", "str"]

    /// Whether `text` ends with an abbreviation or an initial, so a full stop after it ends no sentence.
    static func endsAbbreviation(_ text: String) -> Bool {
        let word = text.split(whereSeparator: { $0 == " " || $0 == "(" }).last.map(String.init) ?? ""
        if word.count <= 1 { return true }
        return abbreviations.contains(word.lowercased())
    }

    /// `J`, `Biol`, `Natl`: a piece of an abbreviated journal name.
    static func isAbbreviation(_ part: Substring) -> Bool {
        !part.contains(" ") && (1...5).contains(part.count) && part.first?.isUppercase == true && part.allSatisfy(\.isLetter)
    }

    static func isAbbreviation(_ part: String) -> Bool { isAbbreviation(Substring(part)) }

    /// `2 ed`, `2nd ed`, `3rd edn`, `2. bs`, `Second edition`.
    static func isEdition(_ part: String) -> Bool {
        let lower = part.lowercased()
        return lower.hasSuffix(" ed") || lower.hasSuffix(" edn") || lower.hasSuffix(" edition") || lower.hasSuffix(" bs")
            || lower.hasSuffix(" baskı") || lower.hasSuffix(" изд")
    }

    /// `Cambridge: Cambridge University Press`, `Sunderland, MA: Sinauer Associates`, `Ankara: Platin`.
    static func isPlaceAndPublisher(_ part: String) -> Bool {
        guard let colon = part.firstIndex(of: ":") else { return false }
        let place = part[..<colon]
        let publisher = part[part.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard !publisher.isEmpty, place.split(separator: " ").count <= 5, !place.contains(where: \.isNumber) else { return false }
        return place.first?.isUppercase == true
    }

    /// `Publisher, pp. 3–9` / `Publisher. p. 1–2`: pages at the end of a publisher part, taken out.
    static func pagesAtEnd(_ text: inout String) -> String? {
        var segments = ReferenceParser.segments(text)
        guard segments.count >= 2, let pages = Locator.pages(in: segments.last!) else { return nil }
        segments.removeLast()
        text = segments.joined(separator: ", ")
        return pages
    }

    /// A title without an edition or translator note in brackets (`Title (2nd ed.)`, `(Çev. A. Yılmaz)`).
    static func cleanTitle(_ raw: String, into fields: inout ReferenceParser.Fields) -> String {
        var title = raw.trimmingCharacters(in: CharacterSet(charactersIn: " .,"))
        for open in [" (Çev.", " (çev.", " (Trans.", " (trans.", " (translated by", " (2", " (3", " (4", " (5", " (Rev.", " (Ed.", " (Vol."] {
            if let range = title.firstRange(of: open), title.hasSuffix(")") {
                title = String(title[..<range.lowerBound])
                break
            }
        }
        // `Title (12-е изд., испр.)`, `Title (10th ed.)`, `Title (H. J. Silverman, Trans.)`: an edition or a
        // translator in the bracket closing the title.
        if let bracket = title.firstMatch(of: Self.closingNote) { title = String(title[..<bracket.range.lowerBound]) }
        // APA's description after a title: `[Doctoral dissertation, University]`, `[Data set]`; a
        // report's number: `(WHO/CDS/CSR/GAR/2003.11)`, `(No. 12)`.
        if let open = openingBracket(ofLastIn: title), open > title.startIndex {
            let inside = title[title.index(after: open)...].dropLast().lowercased()
            let descriptions = ["dissertation", "thesis", "tez", "doctorat", "диссертация", "data set", "computer software", "report",
                                "rapor", "master", "yüksek lisans", "doktora"]
            // A report number of letters and slashes (`WHO/CDS/CSR/GAR/2003.11`, `No: WHO/…`).
            let reportNumber = inside.contains("/") && inside.split(separator: " ").count <= 2 && inside.contains(where: \.isLetter)
            if descriptions.contains(where: inside.contains) || reportNumber, title[..<open].last == " " {
                title = String(title[..<open]).trimmingCharacters(in: CharacterSet(charactersIn: " .,"))
            }
        }
        return title
    }
}

/// The details of a journal article after its title, in the author-date styles:
/// `Journal 12:345–356` (eLife), `Journal 12(3):e1002117`, `Journal, 12(3), 45–67` (APA),
/// `Journal, 12(3), pp. 45–67` (Harvard), `Journal 12 (3): 45–67` (Chicago), `Journal 12, no. 3: 45–67`.
enum JournalDetails {
    struct Details {
        var container: String
        var volume: String?
        var issue: String?
        var pages: String?
    }

    /// Takes `details` as the entry's journal, volume, issue and pages, and its title as an
    /// article's (a part's, as a quoted title is), not a book's.
    static func take(_ details: Details, into fields: inout ReferenceParser.Fields) {
        fields.container = details.container
        fields.volume = details.volume
        fields.issue = details.issue
        fields.pageRange = details.pages
        fields.titleQuoted = true
    }

    static let pages = #"(?:(?:pp?|ss?)\.\s?)?([A-Za-z]{0,3}\d+[A-Za-z]?(?:\s?[–—-]\s?[A-Za-z]{0,3}\d+[A-Za-z]?)?)"#

    static func parse(_ text: String) -> Details? {
        let trimmed = text.trimmingCharacters(in: CharacterSet(charactersIn: " .,"))
        // eLife, Vancouver without the year: `Journal 12:345–356`, `Journal 12(3):45`.
        if let match = trimmed.wholeMatch(of: Self.colonPages) {
            return Details(container: clean(match.1), volume: String(match.2), issue: match.3.map(String.init), pages: String(match.4))
        }
        // Chicago: `Journal 12, no. 3: 45–67`, `Journal 12, no. 3 (2020): 45–67`.
        if let match = trimmed.wholeMatch(of: Self.chicago) {
            return Details(container: clean(match.1), volume: String(match.2), issue: String(match.3), pages: match.4.map(String.init))
        }
        // APA, Harvard: `Journal, 12(3), 45–67`, `Journal, 12, pp. 45–67`, `Journal, 12(3)`, `Journal, 12(3), Article e123`.
        if let match = trimmed.wholeMatch(of: Self.commaVolume) {
            return Details(container: clean(match.1), volume: String(match.2), issue: match.3.map(String.init), pages: match.4.map(String.init))
        }
        // `Journal 12 (3)`, `Journal 12` after a volume-like word is too weak alone; `Journal in press`.
        if let match = trimmed.wholeMatch(of: Self.inPress) {
            return Details(container: clean(match.1), volume: nil, issue: nil, pages: nil)
        }
        return nil
    }

    static func clean(_ text: Substring) -> String {
        String(text).trimmingCharacters(in: CharacterSet(charactersIn: " .,"))
    }
}

// The patterns, made once (a regex literal is parsed and compiled again each time it is evaluated).
// `Regex` is not `Sendable`, but matching only reads it, and its compiled program is stored atomically.
extension AuthorDateEntry {
    nonisolated(unsafe) static let chapterPages = /[.,] (?:pp?|ss?|с)\. ?(\d+(?:\s?[–—-]\s?\d+)?)$/
}

extension JournalDetails {
    nonisolated(unsafe) static let colonPages = /(.+?),? (\d+)\s?(?:\(([^)]+)\))?\s?:\s?((?:[A-Za-z]{0,3}\d+[A-Za-z]?)(?:\s?[–—-]\s?[A-Za-z]{0,3}\d+[A-Za-z]?)?)/
    nonisolated(unsafe) static let chicago = /(.+?) (\d+), no\. (\S+?)(?: \([^)]*\))?(?::\s?([\w–—-]+))?/
    nonisolated(unsafe) static let commaVolume = /(.+?), (\d+)\s?(?:\(([^)]+)\))?(?:, (?:(?:pp?|ss?|Article)\.?\s?)?([A-Za-z]{0,3}\d+[A-Za-z]?(?:\s?[–—-]\s?[A-Za-z]{0,3}\d+[A-Za-z]?)?))?/
    nonisolated(unsafe) static let inPress = /(.+?) (?:[Ii]n press|[Bb]askıda)/
}
