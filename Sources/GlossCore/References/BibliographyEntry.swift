import Foundation

/// Reference-list entries of the humanities styles, MLA and Chicago notes-bibliography: the first
/// author inverted, the others in reading order, elements closed by periods, the title of a part in
/// quotation marks with its period inside:
/// - MLA: `Schaaf, Christian P., and Huda Y. Zoghbi. “Solving the Autism Puzzle.” Neuron, vol. 70,
///   no. 5, June 2011, pp. 806–08.`;
/// - Chicago: `Lakonishok, Josef, and Seymour Smidt. “Volume for Winners and Losers.” The Journal of
///   Finance 41, no. 4 (1986): 951–74.`;
/// - books in both: `Smith, Adam. The Wealth of Nations. Collier, 1902.`
enum BibliographyEntry {
    static func parse(_ text: String) -> ParsedReference? {
        // GOST's `Title // Journal` is read by its own reader.
        guard !text.contains(" // "), let (names, editors, rest) = leadingNames(text) else { return nil }
        var fields = ReferenceParser.Fields()
        if editors { fields.editors = names } else { fields.authors = names }
        var body = rest
        EntryTail.takeLinks(&body, into: &fields)
        if let quoted = QuotedTitle.find(in: body), quoted.range.lowerBound == body.startIndex {
            fields.title = quoted.title
            readDetails(String(body[quoted.range.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: " .,")), into: &fields)
        } else {
            let (title, after) = EntryTail.title(body)
            // A book: `Title. Publisher, Year.` (MLA, Chicago), the year last; a thesis: `Title. 1979.
            // University of Leeds, Thesis.` (MLA).
            guard !title.isEmpty, after.firstMatch(of: Self.yearAtEnd) != nil || after.firstMatch(of: Self.yearFirst) != nil else { return nil }
            fields.title = title
            EntryTail.takeType(&fields)
            EntryTail.readPublisher(after, into: &fields)
        }
        guard fields.year != nil else { return nil }
        var reference = fields.reference()
        reference.locator = nil
        return reference
    }

    /// `Allal, Linda, et al.`, `Schaaf, Christian P., and Huda Y. Zoghbi`, `1000 Genomes Project
    /// Consortium, Gonçalo R. Abecasis, …` up to the period before the title; nil when the text does
    /// not start so (APA's `Smith, J. (2020).` and Chicago author-date's `Smith, John. 2020.` do not).
    /// `Боголицын, Константин Григорьевич, editor.` and Chicago's `…, ed.` mark editors.
    static func leadingNames(_ text: String) -> ([CSLName], Bool, String)? {
        for stop in text.ranges(of: ". ") {
            let rest = text[stop.upperBound...]
            guard let first = rest.first, first == "“" || first == "\"" || first.isUppercase || first.isNumber,
                  rest.prefixMatch(of: Self.initialOrYear) == nil else { continue }
            var block = String(text[..<stop.lowerBound])
            var editors = false
            for mark in [", editors", ", editor", ", eds", ", ed"] where block.hasSuffix(mark) {
                block.removeLast(mark.count)
                editors = true
                break
            }
            switch names(block) {
            case .names(let names): return (names, editors, String(rest))
            case .notYet: continue
            case .never: return nil
            }
        }
        return nil
    }

    /// What the names block before a full stop reads as.
    enum NamesBlock: Equatable {
        case names([CSLName])
        /// Not names, but a longer block (up to a later full stop) may be.
        case notYet
        /// Not names, and no longer block starting the same way can be: its pieces before the last
        /// one, or a head of more than eight words, stay as they are. (Without this, a long text
        /// with many full stops was read again from its start at each of them.)
        case never
    }

    static func names(_ block: String) -> NamesBlock {
        var pieces = block.components(separatedBy: ", ")[...]
        guard let head = pieces.popFirst() else { return .notYet }
        // `World Health Organization. Title. …`, `1000 Genomes Project Consortium, et al.`: an institution alone.
        if pieces.allSatisfy({ LeadingAuthors.etAlWords.contains($0.lowercased()) }), LeadingAuthors.isCorporate(head) {
            return .names([CSLName(literal: head)])
        }
        var names: [CSLName] = []
        let headWords = head.split(separator: " ").map(String.init)
        if (1...3).contains(headWords.count), headWords.allSatisfy(LeadingAuthors.isFamilyWord),
           let given = pieces.first, isGivenNames(given) {
            names.append(CSLName(family: head, given: given.trimmingCharacters(in: CharacterSet(charactersIn: "."))))
            pieces = pieces.dropFirst()
        } else if LeadingAuthors.isCorporate(head) {
            names.append(CSLName(literal: head))
        } else {
            // An institution has two to eight words; the head and the piece after it are read alone.
            return headWords.count > 8 || pieces.count >= 2 ? .never : .notYet
        }
        for (index, var piece) in zip(pieces.indices, pieces) {
            if LeadingAuthors.etAlWords.contains(piece.lowercased()) { continue }
            if piece.hasPrefix("and ") { piece.removeFirst(4) }
            guard let name = givenFirst(piece) else { return index < pieces.endIndex - 1 ? .never : .notYet }
            names.append(name)
        }
        // A corporate name alone could be a title's first words.
        return names.contains(where: { $0.family != nil }) ? .names(names) : .notYet
    }

    /// `Christian P.`, `M. H.`, `Ulviyye`, `Charles Edmund Richard`.
    static func isGivenNames(_ text: String) -> Bool {
        let words = text.split(separator: " ").map(String.init)
        return (1...4).contains(words.count) && words.allSatisfy { word in
            LeadingAuthors.isDottedInitials(word) || (word.first?.isUppercase == true && word.dropFirst().allSatisfy { $0.isLetter || $0 == "-" })
                || word.count == 1 && word.first?.isUppercase == true
        }
    }

    /// `Huda Y. Zoghbi`, `Jaime B. Palter`, `O. Tan` → family (the last word, with a particle before it) and given.
    static func givenFirst(_ piece: String) -> CSLName? {
        var words = piece.split(separator: " ").map(String.init)
        guard (2...5).contains(words.count), let last = words.popLast(), LeadingAuthors.isFamilyWord(last) else { return nil }
        var family = [last]
        while let particle = words.last, PersonNames.particles.contains(particle) { family.insert(particle, at: 0); words.removeLast() }
        guard !words.isEmpty, isGivenNames(words.joined(separator: " ")) else { return nil }
        return CSLName(family: family.joined(separator: " "), given: words.joined(separator: " "))
    }

    /// After a quoted title: Chicago's `Journal 41, no. 4 (1986): 951–74` or `In Book, edited by …`,
    /// or MLA's `Journal, vol. 41, no. 4, 1986, pp. 951–74`.
    static func readDetails(_ text: String, into fields: inout ReferenceParser.Fields) {
        fields.titleQuoted = true
        if let journal = text.firstMatch(of: Self.chicagoJournal) {
            fields.container = String(journal.1)
            fields.volume = String(journal.2)
            fields.issue = journal.3.map(String.init)
            fields.year = EntryTail.year(in: String(journal.4))?.0
            fields.pageRange = journal.5.map(String.init)
            return
        }
        var body = text
        for prefix in ["In ", "in "] where body.hasPrefix(prefix) { body.removeFirst(prefix.count) }
        let elements = elements(body)
        var segments = (elements.first ?? "").components(separatedBy: ", ")
        fields.container = segments.removeFirst().trimmingCharacters(in: CharacterSet(charactersIn: " ."))
        // Chicago puts the publisher after the book's element: `… edited by X. Humana Press, 2011.`
        segments += elements.dropFirst().flatMap { $0.components(separatedBy: ", ") }
        for segment in segments {
            if let match = segment.wholeMatch(of: Self.volume) {
                fields.volume = String(match.1)
            } else if let match = segment.wholeMatch(of: Self.number) {
                fields.issue = String(match.1)
            } else if let match = segment.wholeMatch(of: Self.pages) {
                fields.pageRange = String(match.1)
            } else if fields.year == nil, let match = segment.wholeMatch(of: Self.date) {
                fields.year = CSLDate(year: Int(match.1) ?? 0)
            }
        }
        if fields.year == nil { fields.year = EntryTail.year(in: text)?.0 }
    }

    /// Labels and abbreviations whose period ends no element (`vol. 128`, `Jan. 2013`, `Jürgen B. Smith`).
    static let labels: Set<String> = ["vol", "no", "pp", "p", "ed", "eds", "trans", "Jan", "Feb", "Mar", "Apr", "Aug",
                                      "Sept", "Sep", "Oct", "Nov", "Dec"]

    /// `PMLA, vol. 128, no. 1, Jan. 2013` stays one element; `Book, edited by X. Humana Press, 2011` is two.
    static func elements(_ text: String) -> [String] {
        var elements: [String] = []
        var current = ""
        for piece in text.components(separatedBy: ". ") {
            current += current.isEmpty ? piece : ". " + piece
            let last = piece.split(separator: " ").last.map(String.init) ?? piece
            let initial = last.count == 1 && last.first?.isUppercase == true
            if !labels.contains(last), !initial {
                elements.append(current)
                current = ""
            }
        }
        if !current.isEmpty { elements.append(current) }
        return elements
    }
}

// The patterns, made once (a regex literal is parsed and compiled again each time it is evaluated).
// `Regex` is not `Sendable`, but matching only reads it, and its compiled program is stored atomically.
extension BibliographyEntry {
    nonisolated(unsafe) static let yearAtEnd = /\d{4}$/
    nonisolated(unsafe) static let yearFirst = /^\d{4}[.,]/
    nonisolated(unsafe) static let initialOrYear = /^(?:\p{Lu}\.|\d{4}[a-z]?[.,])/
    nonisolated(unsafe) static let chicagoJournal = /^(.+?) (\d+)(?:, no\. ([\w\/]+))? \(([^)]*)\)(?::\s?([\w–-]+))?/
    nonisolated(unsafe) static let volume = /vol\. (\S+)/
    nonisolated(unsafe) static let number = /no\. (\S+)/
    nonisolated(unsafe) static let pages = /pp?\. (\S+)/
    nonisolated(unsafe) static let date = /(?:\d{1,2} )?(?:[A-Z][a-z]+\.? )?(\d{4})/
}
