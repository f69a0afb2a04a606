import Foundation

/// Reads one footnote or reference-list entry into bibliographic records.
///
/// Footnote style (`Bilal N. Şimşir, Azerbaycan, …, Bilgi Yayınevi, Ankara, 2011, s. 33-35.`),
/// quoted titles (`“…”`, `"…"`, `‘…’`, `«…»`), chapters with editors (`(ed.)`), journals with
/// `volume:issue`, web pages with URLs broken over lines and access dates, ibid and short forms,
/// commentary with `bkz.`, several references separated by `;`, and author-date list entries
/// (`Smith, J. (2020). Title. Journal, 3(2), 45-67.`).
public enum ReferenceParser {
    /// Parses an entry. `text` may hold line breaks; whitespace is collapsed first.
    public static func parse(_ text: String) -> ParsedEntry {
        parse(text, takingNumber: true)
    }

    /// Parses an entry; a leading number is its footnote or list number only when `takingNumber`
    /// (a list entry's number was taken by the segmenter, and `1000 Genomes Project Consortium` is a name).
    /// `readersFailedOn`: a text on which the author-date, styled and GOST readers are known to find
    /// nothing (a list entry they were tried on), so that they are not tried on it again.
    static func parse(_ text: String, takingNumber: Bool, readersFailedOn failed: String? = nil) -> ParsedEntry {
        var body = collapse(text)
        let number = takingNumber ? takeLeadingNumber(&body) : nil
        if !isSame(body, failed), let styled = styledEntry(body) { return ParsedEntry(number: number, references: [styled], isCommentary: false) }
        var isCommentary = false
        var references: [ParsedReference] = []
        for piece in splitReferences(body) {
            var text = piece
            // `Ayrıntılı bilgi için bkz.; Atamali Shahbazov, …`: comment, marker, reference.
            if let (before, after) = splitAtSeeMarker(piece) {
                if before.split(separator: " ").count > 3 { isCommentary = true }
                text = after
            }
            guard !text.isEmpty, let reference = parseReference(text, readersFailedOn: failed) else { continue }
            if looksLikeProse(reference, text) {
                isCommentary = true
            } else {
                references.append(reference)
            }
        }
        return ParsedEntry(number: number, references: references, isCommentary: isCommentary)
    }

    /// Parses one reference-list entry (its number already taken off): the author-date reader
    /// first, on the whole entry (a title may hold `;` or `see`), then the footnote reader.
    public static func parseListEntry(_ text: String) -> BibRecord? {
        let body = collapse(text)
        guard var record = readListEntry(body) else { return nil }
        if record.issued == nil, body.firstMatch(of: noDate) == nil { record.issued = closingYear(of: body, without: record.title) }
        return record
    }

    nonisolated(unsafe) static let leadingEditorMark = /,? ?(?:editors?|eds?\.|ред\.) ?(?=\p{Lu})/

    /// `n.d.`, `t.y.`, `s.a.`, `б. г.`, `date inconnue`: an entry that says it has no date.
    nonisolated(unsafe) static let noDate = /(?i)\b(?:n\. ?d\.|t\. ?y\.|s\. ?a\.|b\. ?t\.|no date|date inconnue|sans date|o\. ?j\.|б\. ?г\.)(?=$|[\s.,;:)\]])/

    static func readListEntry(_ body: String) -> BibRecord? {
        // `, editorБоголицын КГ. Title…` (a processor's slip): the editor mark before the names.
        if let mark = body.prefixMatch(of: Self.leadingEditorMark), var record = readListEntry(String(body[mark.range.upperBound...])) {
            if record.editor == nil, let authors = record.author {
                record.editor = authors
                record.author = nil
            }
            return record
        }
        if let authorDate = AuthorDateEntry.parse(body) { return authorDate.record }
        // A list entry is one work: GOST's `М.; Л.: Academia, 1936` holds a `;` that separates no references.
        let styled = styledEntry(body) != nil
        if !styled, let gost = GOSTEntry.parse(body) { return gost.record }
        if !styled, let sentences = SentenceEntry.parse(body) { return sentences.record }
        // A list entry is a reference even where a footnote so written would be a comment. Unless the entry
        // is styled, the readers above found nothing in it: they are not tried on it again.
        let failed = styled ? nil : body
        return parse(body, takingNumber: false, readersFailedOn: failed).references.first?.record
            ?? parseReference(body, readersFailedOn: failed)?.record
    }

    /// The year a list entry the readers found none in closes an element with (`(New York: Norton,
    /// 1995), 181–97`, `Proceedings (1974) pp. 513–520`), its title, links and access date aside.
    static func closingYear(of text: String, without title: String?) -> CSLDate? {
        var rest = text
        var fields = Fields()
        EntryTail.takeLinks(&rest, into: &fields)
        if let title, title.count >= 4, let range = rest.range(of: title) { rest.replaceSubrange(range, with: "") }
        return SentenceEntry.closingYear(in: rest)?.0
    }

    /// Whether `text` is `failed`, byte for byte (`==` would also take a canonically equivalent text).
    static func isSame(_ text: String, _ failed: String?) -> Bool {
        failed.map { text.utf8.elementsEqual($0.utf8) } ?? false
    }

    /// Parses a single reference (no leading number, no `;`-separated list).
    public static func parseReference(_ raw: String) -> ParsedReference? {
        parseReference(raw, readersFailedOn: nil)
    }

    static func parseReference(_ raw: String, readersFailedOn failed: String?) -> ParsedReference? {
        var text = collapse(raw)
        stripSeePrefix(&text)
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: " ,;"))
        guard !text.isEmpty else { return nil }
        if let ibid = ibid(text) { return ibid }
        if !isSame(text, failed) {
            if let styled = styledEntry(text) { return styled }
            if let authorDate = AuthorDateEntry.parse(text) { return authorDate }
            if let gost = GOSTEntry.parse(text) { return gost }
        }

        var fields = Fields()
        if let found = BrokenURL.find(in: text) {
            fields.url = found.url
            text.replaceSubrange(found.range, with: ",")
        }
        fields.accessed = takeAccessDate(&text)
        takePublicationBracket(&text, into: &fields)

        var before = text
        var segmentsAfterTitle: [String] = []
        if let quoted = QuotedTitle.find(in: text) {
            fields.title = quoted.title
            fields.titleQuoted = true
            before = String(text[..<quoted.range.lowerBound])
            segmentsAfterTitle = segments(String(text[quoted.range.upperBound...]))
        }
        var leading = segments(before)
        pullSpecial(&leading, into: &fields)
        pullSpecial(&segmentsAfterTitle, into: &fields)

        if fields.titleQuoted {
            if !leading.isEmpty { assignNames(leading.joined(separator: ", "), to: &fields) }
            if ReferenceType.isLegal(title: fields.title, url: fields.url) {
                // Gazette numbers and decision numbers (`27133, Karar Sayısı, 2009/14585`) are no container.
                fields.note = segmentsAfterTitle.isEmpty ? nil : segmentsAfterTitle.joined(separator: ", ")
            } else {
                readDetails(segmentsAfterTitle, into: &fields)
            }
        } else {
            var authorCount = leadingAuthorSegments(leading)
            if let (count, names) = initialledNames(leading), count > authorCount {
                authorCount = count
                fields.authors = names
            } else if authorCount > 0 {
                assignNames(leading[..<authorCount].joined(separator: ", "), to: &fields)
            }
            readUnquoted(Array(leading[authorCount...]), into: &fields)
        }
        return fields.reference()
    }

    // MARK: - Entry level

    /// An entry in one of the styles with a reader of its own (Vancouver/NLM, physics, astronomy, IEEE,
    /// MLA and Chicago bibliography), read whole: its `;` (`2011;70(5):806–8`) separates no references.
    static func styledEntry(_ text: String) -> ParsedReference? {
        let text = collapse(text).trimmingCharacters(in: CharacterSet(charactersIn: " ,;"))
        guard !text.isEmpty else { return nil }
        return VancouverEntry.parse(text) ?? PhysicsEntry.parse(text) ?? IEEEEntry.parse(text) ?? BibliographyEntry.parse(text)
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// `9 Bilal …`, `[3] Smith …`, `12. Smith …` → the number, removed from `text`.
    static func takeLeadingNumber(_ text: inout String) -> Int? {
        var digits = ""
        var index = text.startIndex
        let bracketed = text.first == "["
        if bracketed { index = text.index(after: index) }
        while index < text.endIndex, text[index].isASCII, text[index].isNumber, digits.count < 4 {
            digits.append(text[index]); index = text.index(after: index)
        }
        guard !digits.isEmpty, let value = Int(digits) else { return nil }
        if bracketed {
            guard index < text.endIndex, text[index] == "]" else { return nil }
            index = text.index(after: index)
        } else if index < text.endIndex, text[index] == "." || text[index] == ")" {
            index = text.index(after: index)
        }
        // A year or a range (`2018-2022 yılları …`) is not a footnote number.
        guard index == text.endIndex || text[index] == " " else { return nil }
        text = String(text[index...]).trimmingCharacters(in: .whitespaces)
        return value
    }

    static let seeMarkers = ["bkz.", "bkz:", "bkz ", "bakınız", "bax:", "bax.", "see:", "see also", "see ", "см.", "cf."]
    /// Markers that are ordinary words too (`What we see`): only at the start or after a sentence.
    static let sentenceOnlyMarkers: Set<String> = ["see ", "see also", "see:", "cf.", "bax.", "bax:"]

    /// Splits `Ayrıntılı bilgi için bkz.; Atamali Shahbazov, …` at the marker.
    static func splitAtSeeMarker(_ text: String) -> (String, String)? {
        var best: Range<String.Index>?
        for marker in seeMarkers {
            guard let range = text.range(of: marker, options: [.caseInsensitive, .diacriticInsensitive]) else { continue }
            // Only at a word start.
            if range.lowerBound > text.startIndex, text[text.index(before: range.lowerBound)].isLetter { continue }
            if sentenceOnlyMarkers.contains(marker), range.lowerBound > text.startIndex {
                let before = text[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
                guard let last = before.last, ".;:(".contains(last) else { continue }
            }
            if best == nil || range.lowerBound < best!.lowerBound { best = range }
        }
        guard let best else { return nil }
        let after = String(text[best.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: " ;:,."))
        return (String(text[..<best.lowerBound]), after)
    }

    static func stripSeePrefix(_ text: inout String) {
        if let (before, after) = splitAtSeeMarker(text), before.trimmingCharacters(in: .whitespaces).isEmpty, !after.isEmpty {
            text = after
        }
    }

    /// Splits on `;` outside quotes and parentheses.
    static func splitReferences(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == QuotedTitle.closing(open) { quote = nil }
            } else if character == "“" || character == "«" {
                quote = character
            } else if character == "(" {
                depth += 1
            } else if character == ")" {
                depth = max(0, depth - 1)
            } else if character == ";", depth == 0 {
                pieces.append(current); current = ""; continue
            }
            current.append(character)
        }
        pieces.append(current)
        return pieces.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Text with nothing of a reference (no author, date, URL, page, quoted title or publisher),
    /// or a long sentence without date, URL or page, is a comment.
    static func looksLikeProse(_ reference: ParsedReference, _ text: String) -> Bool {
        guard reference.form == .full else { return false }
        let record = reference.record
        guard record.url == nil, record.issued == nil, reference.locator == nil, record.page == nil else { return false }
        if record.author == nil, record.editor == nil, record.publisher == nil, record.containerTitle == nil,
           !text.contains(where: { "“\"«‘".contains($0) }) {
            return true
        }
        return text.split(separator: " ").count > 14 && !text.contains(where: { "“\"«".contains($0) })
    }

    // MARK: - Ibid

    static let ibidWords = ["a.g.e.", "a.g.e", "a.g.k.", "a.g.k", "a.g.m.", "a.g.m", "age", "agk", "agm", "aynı eser", "aynı yer",
                            "aynı makale", "ibid.", "ibidem", "ibid", "ib.", "op. cit.", "op.cit.", "loc. cit.", "там же",
                            "yenə orada", "həmin əsər", "göst. əsər", "göstərilən əsər", "указ. соч."]

    /// `Age, s. 59-61.`, `Agk.`, `Ibid., p. 4` → an ibid reference with its locator.
    static func ibid(_ text: String) -> ParsedReference? {
        guard let rest = dropIbidWord(text) else { return nil }
        let record = BibRecord(id: "", type: "document")
        let pieces = segments(rest.trimmingCharacters(in: CharacterSet(charactersIn: " .,;")))
        var locator: String?
        for piece in pieces {
            if let pages = Locator.pages(in: piece) { locator = pages } else { return nil }
        }
        return ParsedReference(form: .ibid, record: record, locator: locator)
    }

    /// The text after a leading ibid word, or nil when it does not start with one.
    static func dropIbidWord(_ text: String) -> String? {
        for word in ibidWords {
            guard let range = text.range(of: word, options: [.caseInsensitive, .anchored]) else { continue }
            let rest = text[range.upperBound...]
            if let next = rest.first, next.isLetter { continue }
            return String(rest)
        }
        return nil
    }

    // MARK: - Fields

    struct Fields {
        var authors: [CSLName] = []
        var editors: [CSLName] = []
        var title: String?
        var titleQuoted = false
        var container: String?
        var volume: String?
        var issue: String?
        var year: CSLDate?
        var yearSuffix: String?
        var locator: String?
        /// The pages the work occupies (an article's range in a reference list).
        var pageRange: String?
        var publisher: String?
        var place: String?
        var url: String?
        var doi: String?
        var accessed: CSLDate?
        var genre: String?
        var note: String?
        var shortForm = false

        func reference() -> ParsedReference {
            var record = BibRecord(id: "", type: ReferenceType.decide(self))
            record.author = authors.isEmpty ? nil : authors
            record.editor = editors.isEmpty ? nil : editors
            record.title = title
            record.containerTitle = container
            record.volume = volume
            record.issue = issue
            // A page whose entry prints no date is dated by its address (`…/2016/1/7/…`), never by its access date.
            record.issued = year ?? url.flatMap(DateInURL.date(in:))
            record.page = pageRange
            record.yearSuffix = yearSuffix
            record.accessed = accessed
            record.publisher = publisher
            record.publisherPlace = place
            record.url = url
            record.doi = doi
            if doi == nil, let url, let range = url.range(of: "doi.org/") { record.doi = String(url[range.upperBound...]) }
            record.genre = genre
            record.note = note
            record.id = CitationKeyGenerator.baseKey(for: record)
            return ParsedReference(form: shortForm ? .shortForm : .full, record: record, locator: locator)
        }
    }

    /// Splits on `,` outside parentheses and quotes; trims, drops empties and a final period.
    static func segments(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            if character == "(" { depth += 1 }
            if character == ")" { depth = max(0, depth - 1) }
            if character == ",", depth == 0 {
                pieces.append(current); current = ""; continue
            }
            current.append(character)
        }
        pieces.append(current)
        var result = pieces.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " ;:")) }
            .map { $0.hasPrefix(". ") ? String($0.dropFirst(2)) : $0 }
            .filter { !$0.isEmpty && $0 != "." }
        if var last = result.popLast() {
            let lastWord = last.split(separator: " ").last.map(String.init) ?? last
            if last.hasSuffix("."), !PersonNames.isInitials(lastWord), !last.hasSuffix("vb."), !last.hasSuffix("vd.") {
                last.removeLast()
                last = last.trimmingCharacters(in: .whitespaces)
            }
            if !last.isEmpty { result.append(last) }
        }
        return result
    }

    /// Takes pages, dates, volume numbers and thesis markers out of `segments` into `fields`.
    static func pullSpecial(_ segments: inout [String], into fields: inout Fields) {
        var kept: [String] = []
        for segment in segments {
            if let pages = Locator.pages(in: segment) {
                fields.locator = pages
            } else if let (date, suffix) = ReferenceDates.publication(segment) {
                fields.year = date
                fields.yearSuffix = suffix
            } else if ReferenceType.isThesisMarker(segment) {
                fields.genre = segment
            } else if let issue = Locator.issue(segment), !kept.isEmpty {
                fields.issue = issue
            } else if let (volume, issue) = Locator.volumeIssue(segment), fields.titleQuoted || fields.title == nil, !kept.isEmpty {
                fields.volume = volume
                fields.issue = issue
            } else {
                kept.append(segment)
            }
        }
        segments = kept
    }

    /// Puts a name list into authors, or editors when it is marked `(ed.)`.
    static func assignNames(_ text: String, to fields: inout Fields) {
        let (names, isEditor) = EditorMark.strip(text)
        let parsed = PersonNames.split(names).map { PersonNames.name($0) }
        if isEditor { fields.editors = parsed } else { fields.authors = parsed }
    }

    /// How many leading segments are author names: the first, or a run of name-like segments
    /// ending in one that joins the last names with `ve`/`and` (`A, B and C`).
    static func leadingAuthorSegments(_ segments: [String]) -> Int {
        guard let first = segments.first, PersonNames.looksLikeNames(EditorMark.strip(first).0) else { return 0 }
        // Bibliography order, `Şimşir, Bilal N., Azerbaycan, …`: a family name, then given names.
        if segments.count >= 3, !first.contains(" "), PersonNames.looksLikeGivenNames(segments[1]) { return 2 }
        if hasConjunction(first) || EditorMark.strip(first).1 { return 1 }
        var index = 1
        while index < segments.count - 1, PersonNames.looksLikeNames(segments[index]) {
            if hasConjunction(segments[index]) || EditorMark.strip(segments[index]).1 {
                // `Cornell, Small Nations and Great Powers, Curzon Press`: a run followed by the
                // publisher was a title, not more authors.
                let next = segments[index + 1].lowercased()
                if Places.publisherWords.contains(where: { next.contains($0) }) || Places.isKnown(next) { return 1 }
                return index + 1
            }
            index += 1
        }
        return 1
    }

    /// `R. Lipsett, C. Schaefer, C. Ussery, Title, …`, `Hill, P. M. and Lloyd, J. W., Title, …`: the
    /// longest run of leading segments that is a list of names, each with its initials, and the names;
    /// nil when there is none of two segments or more. Names of full words are not taken (`Svante E.
    /// Cornell, Small Nations and Great Powers, Curzon Press` has one author).
    static func initialledNames(_ segments: [String]) -> (Int, [CSLName])? {
        guard segments.count >= 3 else { return nil }
        for count in stride(from: min(segments.count - 1, 24), through: 2, by: -1) {
            let block = segments[..<count].joined(separator: ", ")
            guard let names = SentenceEntry.names(block) else { continue }
            let initialled = names.allSatisfy { name in
                (name.given ?? "").split(separator: " ").contains { AuthorList.isInitials(String($0)) || SentenceEntry.isInitialsWord(String($0)) }
            }
            if initialled { return (count, names) }
        }
        return nil
    }

    static func hasConjunction(_ text: String) -> Bool {
        text.split(separator: " ").contains { PersonNames.conjunctions.contains($0.lowercased()) }
    }

    /// After a quoted title: editors and book of a chapter, or journal and volume, or container,
    /// publisher and place.
    static func readDetails(_ segments: [String], into fields: inout Fields) {
        var rest = segments
        if let editorIndex = rest.firstIndex(where: { EditorMark.strip($0).1 }) {
            var names = rest[...editorIndex].joined(separator: ", ")
            for prefix in ["In: ", "In ", "içinde: ", "içinde ", "в: ", "В: "] where names.hasPrefix(prefix) {
                names.removeFirst(prefix.count)
            }
            let (stripped, _) = EditorMark.strip(names)
            fields.editors = PersonNames.split(stripped).map { PersonNames.name($0) }
            rest.removeSubrange(...editorIndex)
            // The book title may hold commas: publisher and place are read from the end.
            if rest.count >= 3, Places.looksLikePlace(rest[rest.count - 1]) { fields.place = rest.removeLast() }
            if rest.count >= 2 { fields.publisher = rest.removeLast() }
            if !rest.isEmpty { fields.container = rest.joined(separator: ", ") }
            return
        }
        if let journal = ChicagoJournal.parse(rest.joined(separator: ", ")) {
            fields.container = journal.container
            fields.volume = journal.volume
            fields.issue = journal.issue
            if fields.year == nil { fields.year = journal.year }
            fields.pageRange = journal.pages
            return
        }
        if fields.shortFormCandidate, rest.isEmpty { fields.shortForm = true; return }
        guard !rest.isEmpty else { return }
        if fields.volume != nil || fields.issue != nil {
            fields.container = rest.removeLast()
            if !rest.isEmpty { fields.publisher = rest.joined(separator: ", ") }
            return
        }
        fields.container = rest.removeFirst()
        readPublisher(rest, into: &fields)
    }

    /// An unquoted title, then publisher and place; or a short form (`Yüce, The Caucasus`).
    /// `Title (New York: Norton, 1995), 181–97`, `Title (Cornell University Press, 2006)` (Chicago notes):
    /// place, publisher and year in the bracket after a title come out of `text` into `fields`.
    static func takePublicationBracket(_ text: inout String, into fields: inout Fields) {
        guard let bracket = text.firstMatch(of: publicationBracket), fields.year == nil else { return }
        fields.year = CSLDate(year: Int(bracket.output.3) ?? 0)
        if let place = bracket.output.1 { fields.place = String(place) }
        fields.publisher = String(bracket.output.2)
        let offset = text.distance(from: text.startIndex, to: bracket.range.lowerBound)
        text.replaceSubrange(bracket.range, with: ",")
        // The pages after it: `…, 1995), 181–97`.
        if let pages = text[text.index(text.startIndex, offsetBy: offset)...].firstMatch(of: Self.pagesAfterBracket) {
            fields.locator = String(pages.output.1)
            text.removeSubrange(pages.range)
        }
    }

    nonisolated(unsafe) static let pagesAfterBracket = /^,+ ?(\d+(?:[–-]\d+)?)\.?$/
    nonisolated(unsafe) static let accessedOn = /(\d{1,2}[ .]\p{L}+\.? \d{4}|\d{1,2}\.\d{1,2}\.\d{4}) tarihinde\s*/
    nonisolated(unsafe) static let retrievedFrom = /,? from(?= )/

    nonisolated(unsafe) static let bookPeople = /(?i)^(?:trans\.|transl\.|ed\.|eds\.|edited by|translated by|çev\.|haz\.|пер\.|под ред\.)|\((?:trans|ed|eds|çev|haz)\.?\)$/

    nonisolated(unsafe) static let publicationBracket = #/ \((?:([^():,]+(?:, [A-Z]{2})?): )?([^()\d][^()]*?),? (\d{4})[a-z]?\)/#

    static func readUnquoted(_ segments: [String], into fields: inout Fields) {
        var rest = segments
        // The publisher came from a bracket: what is left is the title (and a book it is part of).
        if fields.publisher != nil, !rest.isEmpty {
            // `trans. James Murphy`, `Peter Collier (trans.)`, `Y.-G. Le Dantec (ed.)`: the people of the book.
            let work = rest.filter { $0.firstMatch(of: Self.bookPeople) == nil }
            fields.title = (work.isEmpty ? rest : work).joined(separator: ", ")
            return
        }
        if fields.shortFormCandidate, rest.count <= 1 {
            fields.shortForm = true
            if let title = rest.first, dropIbidWord(title) == nil { fields.title = title }
            return
        }
        guard !rest.isEmpty else { return }
        if rest.count == 1 {
            fields.title = rest[0]
            return
        }
        // From the end: place, then publisher; the title is what is left.
        if rest.count >= 3 || Places.isKnown(rest[rest.count - 1]), Places.looksLikePlace(rest[rest.count - 1]) {
            fields.place = rest.removeLast()
        }
        if rest.count >= 2 { fields.publisher = rest.removeLast() }
        fields.title = rest.joined(separator: ", ")
        splitPlaceAndPublisher(&fields)
    }

    static func readPublisher(_ segments: [String], into fields: inout Fields) {
        var rest = segments
        guard !rest.isEmpty else { return }
        if rest.count >= 2, Places.looksLikePlace(rest[rest.count - 1]) { fields.place = rest.removeLast() }
        if !rest.isEmpty { fields.publisher = rest.joined(separator: ", ") }
        splitPlaceAndPublisher(&fields)
    }

    /// `Bakı: Şərq-Qərb`, `Ankara: Bilgi Yayınevi` in the publisher slot → place and publisher.
    static func splitPlaceAndPublisher(_ fields: inout Fields) {
        guard fields.place == nil, let publisher = fields.publisher, let colon = publisher.firstIndex(of: ":") else { return }
        let place = publisher[..<colon].trimmingCharacters(in: .whitespaces)
        let name = publisher[publisher.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, Places.looksLikePlace(place), place.split(separator: " ").count <= 3 else { return }
        fields.place = place
        fields.publisher = name
    }

    /// Takes the access date out of `text`, with its marker: `Erişim tarihi: 21.07.2023`, `(Accessed:
    /// August 13, 2023)`, `Retrieved August 13, 2023, from`, `Accessed: Aug. 13, 2023`, `Accessed 13 Aug.
    /// 2023`, `[cited 2023 Aug 13]`, `(дата обращения: 13.08.2023)`, and Turkish APA's `13 Ağustos 2023
    /// tarihinde … adresinden erişildi`. The date a page was read is never its year.
    static func takeAccessDate(_ text: inout String) -> CSLDate? {
        if let match = text.firstMatch(of: Self.accessedOn),
           let date = ReferenceDates.parse(String(match.1)) {
            text.replaceSubrange(match.range, with: "")
            return date
        }
        for marker in ReferenceDates.accessMarkers {
            var from = text.startIndex
            while from < text.endIndex,
                  let range = text.range(of: marker, options: [.caseInsensitive, .diacriticInsensitive], range: from..<text.endIndex) {
                from = range.upperBound
                if range.lowerBound > text.startIndex, text[text.index(before: range.lowerBound)].isLetter { continue }
                var start = range.upperBound
                while start < text.endIndex, " :.".contains(text[start]) { start = text.index(after: start) }
                guard let dateEnd = dateEnd(in: text, from: start), let date = ReferenceDates.parse(String(text[start..<dateEnd])) else { continue }
                var removeStart = range.lowerBound
                var removeEnd = dateEnd
                if removeStart > text.startIndex, "([".contains(text[text.index(before: removeStart)]) { removeStart = text.index(before: removeStart) }
                if removeEnd < text.endIndex, ")]".contains(text[removeEnd]) { removeEnd = text.index(after: removeEnd) }
                // APA's `Retrieved August 13, 2023, from https://…`.
                if let from = text[removeEnd...].prefixMatch(of: Self.retrievedFrom) { removeEnd = from.range.upperBound }
                text.replaceSubrange(removeStart..<removeEnd, with: ",")
                return date
            }
        }
        return nil
    }

    /// The end of the longest run of up to four words from `start` that reads as a date (`August 13,
    /// 2023`, `13 Aug. 2023`, `2023 Aug 13`, `13.08.2023`), not past a closing bracket or `;`.
    static func dateEnd(in text: String, from start: String.Index) -> String.Index? {
        var ends: [String.Index] = []
        var cursor = start
        while ends.count < 4, cursor < text.endIndex {
            var end = cursor
            while end < text.endIndex, !text[end].isWhitespace, !")];".contains(text[end]) { end = text.index(after: end) }
            guard end > cursor else { break }
            ends.append(end)
            if end < text.endIndex, ")];".contains(text[end]) { break }
            cursor = end
            while cursor < text.endIndex, text[cursor] == " " { cursor = text.index(after: cursor) }
        }
        for end in ends.reversed() {
            var trimmed = end
            while trimmed > start, ".,".contains(text[text.index(before: trimmed)]) { trimmed = text.index(before: trimmed) }
            if ReferenceDates.parse(String(text[start..<end])) != nil { return trimmed < end && text[trimmed] == "," ? trimmed : end }
        }
        return nil
    }
}

extension ReferenceParser.Fields {
    /// Surnames only, no date, no URL, no publication details: `Yüce, The Caucasus, s. 61.`
    var shortFormCandidate: Bool {
        guard !authors.isEmpty, year == nil, url == nil, volume == nil, genre == nil, editors.isEmpty else { return false }
        return authors.allSatisfy { !PersonNames.display($0).contains(" ") }
    }
}

/// `(ed.)`, `(eds.)`, `(der.)`, `(haz.)`, `(red.)`, `(ред.)` after editor names.
enum EditorMark {
    static let marks = ["(eds.)", "(ed.)", "(eds)", "(ed)", "(der.)", "(haz.)", "(red.)", "(ред.)"]

    /// The names without the mark, and whether there was one.
    static func strip(_ text: String) -> (String, Bool) {
        // Every mark opens with a bracket: without one, the case-folding searches below are spared.
        guard text.utf8.contains(UInt8(ascii: "(")) else { return (text, false) }
        for mark in marks {
            if let range = text.range(of: mark, options: .caseInsensitive) {
                var rest = text
                rest.removeSubrange(range)
                return (rest.trimmingCharacters(in: CharacterSet(charactersIn: " ,")), true)
            }
        }
        return (text, false)
    }
}

/// A title in quotation marks.
enum QuotedTitle {
    static func closing(_ open: Character) -> Character {
        switch open {
        case "“": return "”"
        case "«": return "»"
        case "‘": return "’"
        case "„": return "“"
        default: return open
        }
    }

    /// The title without its quotes and the range of `text` from the opening to the closing quote.
    static func find(in text: String) -> (title: String, range: Range<String.Index>)? {
        guard let open = text.firstIndex(where: { "“\"«‘„".contains($0) }) else { return nil }
        let closer = closing(text[open])
        var index = text.index(after: open)
        var close: String.Index?
        while index < text.endIndex {
            if text[index] == closer {
                let next = text.index(after: index)
                // ’ is also the Turkish apostrophe (`Azerbaycan’ın`): a closing ’ is not followed by a letter.
                if closer == "’", next < text.endIndex, text[next].isLetter {
                    index = next; continue
                }
                close = index
                break
            }
            if closer == "”", text[index] == "\"" { close = index; break }
            index = text.index(after: index)
        }
        guard let close else { return nil }
        let title = String(text[text.index(after: open)..<close]).trimmingCharacters(in: CharacterSet(charactersIn: " ,."))
        guard !title.isEmpty else { return nil }
        return (title, open..<text.index(after: close))
    }
}

/// Chicago-style journal details: `Survival 62, no. 3 (2020): 45–67`.
enum ChicagoJournal {
    struct Details {
        var container: String
        var volume: String
        var issue: String?
        var year: CSLDate?
        var pages: String?
    }

    static func parse(_ text: String) -> Details? {
        guard let match = text.wholeMatch(of: Self.details) else { return nil }
        return Details(container: String(match.1), volume: String(match.2), issue: match.3.map(String.init),
                       year: ReferenceDates.parse(String(match.4)) ?? ReferenceDates.publication(String(match.4))?.0,
                       pages: match.5.map(String.init))
    }
}

// The patterns, made once (a regex literal is parsed and compiled again each time it is evaluated).
// `Regex` is not `Sendable`, but matching only reads it, and its compiled program is stored atomically.
extension ChicagoJournal {
    nonisolated(unsafe) static let details = /^(.+?) (\d+)(?:, no\. (\d+))? \(([^)]*)\)(?:: ?([\d–-]+))?\.?$/
}
