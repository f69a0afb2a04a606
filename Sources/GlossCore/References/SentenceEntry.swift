import Foundation

/// Reference-list entries whose elements are sentences, as BibTeX's plain and alpha styles and many
/// lists typed by hand write them: the names closed by a full stop, the title, then where the work
/// appeared with the year last.
/// - `A. Cau, R. Kuiper, and W.-P. de Roever. Formalising a strategy. In C. B. Jones, editor,
///   Proc. Workshop, pages 1–20, 1992.`
/// - `Flajolet, P., and Panario, D. Random polynomials. Journal of Algorithms 12(3), 1996.`
/// - `David R. Cheriton and Philip Machanick. Cache behaviour. PhD thesis, Stanford University, May 1994.`
///
/// The other readers go first; this one takes what they leave before the footnote reader does.
enum SentenceEntry {
    static func parse(_ text: String) -> ParsedReference? {
        guard let (names, editors, rest) = leadingNames(text) else { return nil }
        var fields = ReferenceParser.Fields()
        if editors { fields.editors = names } else { fields.authors = names }
        var body = rest
        EntryTail.takeLinks(&body, into: &fields)
        let title: String
        var details: String
        if let quoted = QuotedTitle.find(in: body), quoted.range.lowerBound == body.startIndex {
            title = quoted.title
            details = String(body[quoted.range.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: " .,;:"))
        } else {
            (title, details) = EntryTail.title(body)
        }
        guard !title.isEmpty, !details.isEmpty, let (year, suffix, yearRange) = closingYear(in: details) else { return nil }
        fields.title = title
        fields.year = year
        fields.yearSuffix = suffix
        // What follows the date (a reprint, a note) is not where the work appeared.
        details = String(details[..<yearRange.lowerBound]).trimmingCharacters(in: CharacterSet(charactersIn: " .,;:("))
        details = details.replacing(Self.trailingMonth, with: "")
        readDetails(details, into: &fields)
        var reference = fields.reference()
        reference.locator = nil
        return reference
    }

    // MARK: - Names

    /// The names up to the full stop that closes them, whether they are editors, and the text after
    /// that full stop (a title: a capital letter, a digit or a quotation mark opens it).
    static func leadingNames(_ text: String) -> ([CSLName], Bool, String)? {
        for stop in text.ranges(of: ". ") {
            // A name list is not long; beyond that the full stops are the title's.
            guard text.distance(from: text.startIndex, to: stop.lowerBound) <= 400 else { return nil }
            let rest = String(text[stop.upperBound...])
            guard let first = rest.first, first.isUppercase || first.isNumber || "“\"«‘„".contains(first),
                  // `Clark, K. L., Title`: the stop after `K` is inside the initials.
                  rest.firstMatch(of: Self.initials) == nil else { continue }
            var block = String(text[..<stop.lowerBound])
            var editors = false
            for mark in [", editors", ", editor", ", eds", ", ed", " (eds.)", " (ed.)", " (Eds.)", " (Ed.)"] where block.hasSuffix(mark) {
                block.removeLast(mark.count)
                editors = true
                break
            }
            // The full stop may close initials (`Panario, D.`).
            if let names = names(block) ?? names(block + ".") { return (names, editors, rest) }
        }
        return nil
    }

    /// `A. Cau, R. Kuiper, and W.-P. de Roever`, `Marc Shapiro and Susan Horwitz` (reading order),
    /// `Flajolet, P., Gourdon, X., and Panario, D.` (each family name and its initials), `Bahn, Paul G.,
    /// and John Flenley` (the first inverted); nil for anything else. A single name of full words
    /// (`Robot Vision`) could be a title and is not taken.
    static func names(_ block: String) -> [CSLName]? {
        let commaPieces = block.components(separatedBy: ", ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        // Each piece, and whether a comma (not `and`) put it after the one before.
        let marked = commaPieces.flatMap { piece in
            piece.components(separatedBy: " and ").flatMap { $0.components(separatedBy: " & ") }.enumerated().map { ($1, $0 == 0) }
        }.map { piece, afterComma -> (String, Bool) in
            var piece = piece.trimmingCharacters(in: .whitespaces)
            for conjunction in ["and ", "& "] where piece.hasPrefix(conjunction) { piece.removeFirst(conjunction.count) }
            return (piece, afterComma)
        }.filter { !$0.0.isEmpty && !isEtAl($0.0) }
        let pieces = marked.map(\.0)
        guard !pieces.isEmpty, pieces.count <= 60 else { return nil }
        if let inverted = familiesThenInitials(marked) { return inverted }
        var names: [CSLName] = []
        var readingPieces = pieces[...]
        // `Bahn, Paul G., and John Flenley`: the first name inverted (a family name of one word, or
        // given names that are initials: `Marc Shapiro, Susan Horwitz` are two names in reading order).
        if commaPieces.count >= 2, isFamily(commaPieces[0]), isGiven(commaPieces[1]),
           commaPieces[0].split(separator: " ").count == 1 || commaPieces[1].split(separator: " ").allSatisfy({ isInitialsWord(String($0)) }) {
            names.append(CSLName(family: commaPieces[0], given: commaPieces[1]))
            readingPieces = pieces.dropFirst(2)
        }
        var initials = !names.isEmpty
        for piece in readingPieces {
            guard let (name, hasInitials) = readingOrder(piece) else { return nil }
            initials = initials || hasInitials
            names.append(name)
        }
        // One name of full words alone (`Robot Vision`) may be a title.
        guard names.count >= 2 || initials else { return nil }
        return names
    }

    static func isEtAl(_ piece: String) -> Bool {
        LeadingAuthors.etAlWords.contains(piece.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".")))
            || LeadingAuthors.etAlWords.contains(piece.lowercased())
    }

    /// `Flajolet, P., Gourdon, X.`: family names each followed by initials.
    /// `pieces` are marked with whether a comma went before them: the initials follow their family
    /// name after a comma (`Howard Turtle and W.` is no such pair).
    static func familiesThenInitials(_ pieces: [(String, Bool)]) -> [CSLName]? {
        guard pieces.count >= 2, pieces.count.isMultiple(of: 2) else { return nil }
        var names: [CSLName] = []
        for pair in stride(from: 0, to: pieces.count, by: 2) {
            let (family, (initials, afterComma)) = (pieces[pair].0, pieces[pair + 1])
            guard afterComma, isFamily(family), AuthorList.isInitials(initials) else { return nil }
            names.append(CSLName(family: family, given: initials))
        }
        return names
    }

    /// `A. Cau`, `W.-P. de Roever`, `David R. Cheriton`, `Marc Shapiro` → the name, and whether it has
    /// initials; nil when the piece is no name in reading order.
    static func readingOrder(_ piece: String) -> (CSLName, Bool)? {
        var words = piece.split(separator: " ").map(String.init)
        var suffix: String?
        if let last = words.last, words.count >= 3, AuthorList.generational.contains(last.lowercased()) {
            suffix = last
            words.removeLast()
        }
        guard (2...5).contains(words.count), let last = words.last, LeadingAuthors.isFamilyWord(last),
              !PersonNames.particles.contains(last.lowercased()) else { return nil }
        var familyStart = words.count - 1
        while familyStart > 1, PersonNames.particles.contains(words[familyStart - 1].lowercased()) { familyStart -= 1 }
        let given = words[..<familyStart]
        guard given.allSatisfy({ isInitialsWord($0) || isNameWord($0) }), !words.contains(where: { titleWords.contains($0) }) else { return nil }
        var name = CSLName(family: words[familyStart...].joined(separator: " "), given: given.joined(separator: " "))
        name.suffix = suffix
        return (name, given.contains(where: isInitialsWord))
    }

    /// Capitalised words that open titles, never names: `The Dead and Their Gifts` is no pair of people.
    static let titleWords: Set<String> = ["The", "A", "An", "On", "Of", "In", "For", "To", "From", "With", "Toward", "Towards", "Why",
                                          "How", "What", "When", "Their", "His", "Her", "Our", "New", "Die", "Das", "Ein", "Eine",
                                          "Les", "Un", "Une", "Il", "Gli", "Los", "Las", "Bir", "Bu", "Yeni"]

    /// `A.`, `W.-P.`, `R.Q.`, `B.-H.`: initials with their dots.
    static func isInitialsWord(_ word: String) -> Bool {
        PersonNames.isInitials(word) || LeadingAuthors.isDottedInitials(word)
    }

    /// `David`, `Jean-Pierre`: a capitalised word of letters.
    static func isNameWord(_ word: String) -> Bool {
        guard let first = word.first, first.isUppercase, word.count >= 2 else { return false }
        return word.allSatisfy { $0.isLetter || "'’-".contains($0) } && word.dropFirst().contains(where: \.isLowercase)
    }

    static func isFamily(_ piece: String) -> Bool {
        let words = piece.split(separator: " ").map(String.init)
        guard (1...3).contains(words.count), let last = words.last, LeadingAuthors.isFamilyWord(last) else { return false }
        return words.allSatisfy { LeadingAuthors.isFamilyWord($0) } && !AuthorList.isInitials(piece)
    }

    /// `Paul G.`, `P.`, `Mary Ann`: given names after an inverted family name.
    static func isGiven(_ piece: String) -> Bool {
        let words = piece.split(separator: " ").map(String.init)
        return (1...3).contains(words.count) && words.allSatisfy { isInitialsWord($0) || isNameWord($0) }
    }

    // MARK: - Details

    /// The last year (1500–2099, a letter suffix allowed) that closes an element: followed by the end,
    /// a full stop, a comma, a colon or a closing bracket, not inside a number, a range or a report
    /// number; and its range in `text`. A note after the date (`Reprinted in … 1990`) is not searched.
    static func closingYear(in text: String) -> (CSLDate, String?, Range<String.Index>)? {
        var searched = Substring(text)
        if let note = text.firstMatch(of: Self.laterNote),
           note.range.lowerBound > text.startIndex {
            searched = text[..<note.range.lowerBound]
        }
        let closing = searched.matches(of: Self.closingYearPattern).filter { match in
            // Not the end of a number, a word, a path or a range (`4-1995`, `TR1995`, `1761–1800`).
            guard match.range.lowerBound > searched.startIndex else { return true }
            let before = searched[searched.index(before: match.range.lowerBound)]
            // `2003 [1910]`: a first edition's year in square brackets is not this one's.
            return !(before.isNumber || before.isLetter || "/.–-[".contains(before))
        }
        guard let match = closing.last, let year = Int(match.output.1) else { return nil }
        return (CSLDate(year: year), match.output.2.map(String.init), match.range)
    }

    /// Where the work appeared: `In Editors, editors, Book, pages 1–20, Publisher, Place`, a journal
    /// (`Journal, 12(3), 45–67`, `Journal 36, 3 (1988), 454–469`), a thesis or report (`PhD thesis,
    /// University`, `Technical Report TR-12, Institution`), or a publisher (`MIT Press, Cambridge, MA`).
    static func readDetails(_ text: String, into fields: inout ReferenceParser.Fields) {
        guard !text.isEmpty else { return }
        if let open = text.firstMatch(of: Self.inMark) {
            readBook(String(text[open.range.upperBound...]), into: &fields)
            return
        }
        if let journal = JournalDetails.parse(text.replacing(Self.bracketWithYear, with: "")) {
            JournalDetails.take(journal, into: &fields)
            return
        }
        var segments = text.components(separatedBy: ", ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " ."))
        }.filter { !$0.isEmpty }
        guard let first = segments.first else { return }
        let lower = first.lowercased()
        if ReferenceType.isThesisMarker(first) {
            fields.genre = first
            segments.removeFirst()
        } else if lower.contains("report") || lower.hasPrefix("manuscript") || lower.hasPrefix("preprint") || lower.hasPrefix("unpublished") {
            fields.note = first
            segments.removeFirst()
        }
        guard let publisher = segments.first else { return }
        fields.publisher = publisher
        if segments.count >= 2, Places.looksLikePlace(segments[1]) { fields.place = segments.dropFirst().joined(separator: ", ") }
    }

    /// After `In`: the editors (`C. B. Jones, editor,`), the book or proceedings, its pages, publisher and place.
    static func readBook(_ text: String, into fields: inout ReferenceParser.Fields) {
        var rest = text
        if let mark = rest.firstMatch(of: Self.editorsMark) {
            let block = String(mark.output.1)
            if let editors = names(block) ?? names(block + ".") {
                fields.editors = editors
                rest = String(rest[mark.range.upperBound...])
            }
        }
        fields.titleQuoted = true
        if let pages = rest.firstMatch(of: Self.pages) { fields.pageRange = String(pages.output.1) }
        let end = rest.firstMatch(of: Self.partEnd)?.range.lowerBound ?? rest.endIndex
        let container = rest[..<end].trimmingCharacters(in: CharacterSet(charactersIn: " .,;:"))
        fields.container = container.isEmpty ? nil : container
    }
}

// The patterns, made once (a regex literal is parsed and compiled again each time it is evaluated).
// `Regex` is not `Sendable`, but matching only reads it, and its compiled program is stored atomically.
extension SentenceEntry {
    nonisolated(unsafe) static let trailingMonth = /,? (?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?:[–\/-][A-Z][a-z]+\.?)?(?: \d{1,2}(?:[–-]\d{1,2})?,?)?)$/
    nonisolated(unsafe) static let bracketWithYear = #/ \((?:[^()]*\d{4}[^()]*)?\)/#
    nonisolated(unsafe) static let initials = /^\p{Lu}{1,2}\.(?:[\s,-]|$)/
    nonisolated(unsafe) static let laterNote = /(?:^|[.,;] )(?:Reprinted|Repr\.|Also (?:in|appeared|available)|Submitted|Originally|Revised version|Extended version)\b/
    nonisolated(unsafe) static let closingYearPattern = /(1[5-9]\d\d|20\d\d)([a-z])?(?=$|[.,;:)\]](?:\s|$|[.,;:)\]])| \[\d{4}\])/
    nonisolated(unsafe) static let inMark = #/^(?:In|in|Im|Dans|В|İçinde):? /#
    nonisolated(unsafe) static let editorsMark = #/^(.+?),? (?:editors?|eds?\.|\((?:[Ee]ds?|[Hh]rsg)\.?\)),? /#
    nonisolated(unsafe) static let pages = /(?:pages|pp?\.) ?(\d+(?:\s?[–—-]+\s?\d+)?)/
    nonisolated(unsafe) static let partEnd = /, (?:pages|pp?\.|vol(?:ume|\.)|no\.|number|chapter|Vol\.)|\. |\(/
}
