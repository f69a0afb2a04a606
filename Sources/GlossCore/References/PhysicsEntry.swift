import Foundation

/// Reference-list entries in the compact physics and astronomy styles, where an article has no
/// title and volume, page and year must still come out right:
/// - American Physical Society: `A. Einstein, B. Podolsky, and N. Rosen, Phys. Rev. 47, 777 (1935).`,
///   with a title `G. Vidal and R. F. Werner, Computable measure of entanglement, Phys. Rev. A 65,
///   032314 (2002).`, books `A. Smith, The Wealth of Nations (Collier, 1902).`;
/// - the astronomy journals (ApJ, AJ, MNRAS, A&A): `Riess, A. G., Filippenko, A. V., Challis, P.,
///   et al. 1998, AJ, 116, 1009`, books `Smith, A. 1902, The Wealth of Nations (Collier)`.
enum PhysicsEntry {
    static func parse(_ text: String) -> ParsedReference? {
        astronomy(text) ?? physicalReview(text)
    }

    // MARK: - APS

    static func physicalReview(_ text: String) -> ParsedReference? {
        // A quoted title after the names is IEEE's, read elsewhere.
        guard let authors = LeadingAuthors.initialsFirst(text), authors.rest.hasPrefix(", "),
              authors.rest.dropFirst(2).first.map({ !"“\"‘«".contains($0) }) ?? false else { return nil }
        var fields = ReferenceParser.Fields()
        var rest = String(authors.rest.dropFirst(2))
        // `К. Г. Боголицын, editor, Title (…)`: an edited book.
        if let mark = rest.firstMatch(of: Self.editorMark) {
            fields.editors = authors.names
            rest.removeSubrange(mark.range)
        } else {
            fields.authors = authors.names
        }
        EntryTail.takeLinks(&rest, into: &fields)
        // `[Title, ]Journal Volume[, Page] (Year)`.
        if let match = rest.wholeMatch(of: Self.journal) {
            fields.title = match.1.map { String($0) }
            fields.container = String(match.2)
            fields.volume = String(match.3)
            fields.pageRange = match.4.map(String.init)
            fields.year = CSLDate(year: Int(match.5) ?? 0)
            fields.titleQuoted = true
        } else if let match = rest.wholeMatch(of: Self.thesis) {
            // Theses: `Title, PhD thesis, University, Year`, `Title, These de doctorat, Université …, 2016`.
            fields.title = String(match.1)
            fields.genre = String(match.2)
            fields.publisher = match.3.map(String.init)
            fields.year = CSLDate(year: Int(match.4) ?? 0)
        } else if let match = rest.wholeMatch(of: Self.report) {
            // Reports: `Title, No. WHO/CDS/2003.11, Publisher, Year`.
            fields.title = String(match.1)
            fields.publisher = match.2.map(String.init)
            fields.year = CSLDate(year: Int(match.3) ?? 0)
        } else if let match = rest.wholeMatch(of: Self.book) {
            // Books and chapters: `Title (Publisher, Place, Year)`, `Title, in Book, edited by … (…), pp. 1–20`.
            fields.title = EntryTail.droppingEdition(String(match.1))
            if let book = match.2 {
                fields.container = String(book)
                fields.titleQuoted = true
            }
            if let editors = match.3 {
                fields.editors = PersonNames.split(String(editors)).compactMap(LeadingAuthors.initialsThenFamily)
            }
            fields.year = CSLDate(year: Int(match.5) ?? 0)
            // `Title, Container (2002)`: a bracket with a year alone follows a journal or site without a
            // volume, not a book (a book's bracket names its publisher).
            if match.2 == nil, match.4 == nil, let title = fields.title, let comma = title.range(of: ", ", options: .backwards),
               title[comma.upperBound...].first?.isUppercase == true {
                fields.title = String(title[..<comma.lowerBound])
                fields.container = String(title[comma.upperBound...])
                fields.titleQuoted = true
            }
            let publisher = (match.4 ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if let first = publisher.first { fields.publisher = first }
            if publisher.count > 1 { fields.place = publisher.dropFirst().joined(separator: ", ") }
            fields.pageRange = match.6.map(String.init)
        } else if authors.names.contains(where: { $0.family != nil }), let match = rest.wholeMatch(of: Self.titleYear),
                  match.1.firstMatch(of: Self.sentenceBreak) == nil {
            // A work with neither container nor publisher: `Title, 1980.` (one element without a sentence's
            // end, so neither a footnote's `Title, Place, 2010` nor IEEE's `Title. Publisher, 2010` is one)
            fields.title = String(match.1)
            fields.year = CSLDate(year: Int(match.2) ?? 0)
        } else if fields.url != nil, !rest.isEmpty, !rest.contains("("), EntryTail.year(in: rest) == nil,
                  rest.firstMatch(of: Self.sentenceInside) == nil {
            // A web page: `A. Name, Title, with Commas, URL.` The title runs to the address.
            fields.title = rest
        } else {
            // The rest: the general reader's (so are footnotes that start `A. Name, Title, …`).
            return nil
        }
        var reference = fields.reference()
        reference.locator = nil
        return reference
    }

    // MARK: - Astronomy

    static func astronomy(_ text: String) -> ParsedReference? {
        guard let match = text.firstMatch(of: Self.astronomyEntry) else { return nil }
        guard let names = familyCommaInitials(String(match.1)) else { return nil }
        var fields = ReferenceParser.Fields()
        fields.authors = names
        fields.year = CSLDate(year: Int(match.2) ?? 0)
        fields.yearSuffix = match.3.isEmpty ? nil : String(match.3)
        var rest = String(match.4)
        EntryTail.takeLinks(&rest, into: &fields)
        if let journal = rest.wholeMatch(of: Self.astronomyJournal) {
            // `ApJ, 807, 150`: no title.
            fields.container = String(journal.1)
            fields.volume = String(journal.2)
            fields.pageRange = journal.3.map(String.init)
            fields.titleQuoted = true
        } else if rest.hasPrefix("in ") {
            // `in Book, ed. T. Kostouli (Boston, MA: Springer US), 69`: the chapter's own title is not printed.
            let book = rest.dropFirst(3)
            let end = book.firstRange(of: ", ed.")?.lowerBound ?? book.firstRange(of: " (")?.lowerBound ?? book.endIndex
            fields.container = String(book[..<end])
            fields.titleQuoted = true
        } else {
            // `Title (with brackets) (Publisher)`: the publisher is the last bracket.
            let last = AuthorDateEntry.openingBracket(ofLastIn: rest).flatMap { $0 > rest.startIndex && rest[rest.index(before: $0)] == " " ? rest.index(before: $0) : nil }
            let end = last ?? rest.firstRange(of: " (")?.lowerBound ?? rest.firstRange(of: ", ")?.lowerBound ?? rest.endIndex
            fields.title = rest[..<end].trimmingCharacters(in: CharacterSet(charactersIn: " .,"))
            if let open = rest[end...].firstIndex(of: "("), let close = rest[open...].firstIndex(of: ")") {
                AuthorDateEntry.readPublisher(String(rest[rest.index(after: open)..<close]), into: &fields)
            }
        }
        var reference = fields.reference()
        reference.locator = nil
        return reference
    }

    /// `Vidal, G., & Werner, R. F.`, `1000 Genomes Project Consortium, Abecasis, G. R., Altshuler, D.,
    /// et al.` → names; nil unless every family name has its initials.
    static func familyCommaInitials(_ text: String) -> [CSLName]? {
        var pieces = text.components(separatedBy: ", ")[...]
        var names: [CSLName] = []
        while var family = pieces.popFirst() {
            for conjunction in ["& ", "and "] where family.hasPrefix(conjunction) { family.removeFirst(conjunction.count) }
            if LeadingAuthors.etAlWords.contains(family.lowercased()) { continue }
            if let initials = pieces.first, initials.split(separator: " ").allSatisfy({ LeadingAuthors.isDottedInitials(String($0)) }),
               family.split(separator: " ").allSatisfy({ LeadingAuthors.isFamilyWord(String($0)) }) {
                names.append(CSLName(family: family, given: initials))
                pieces = pieces.dropFirst()
            } else if names.isEmpty, LeadingAuthors.isCorporate(family) {
                names.append(CSLName(literal: family.trimmingCharacters(in: CharacterSet(charactersIn: "."))))
            } else {
                return nil
            }
        }
        // `World Health Organization. 2003, Title`: an institution alone, before the year.
        return names.contains(where: { $0.family != nil }) || names.count == 1 ? names : nil
    }
}

// The patterns, made once (a regex literal is parsed and compiled again each time it is evaluated).
// `Regex` is not `Sendable`, but matching only reads it, and its compiled program is stored atomically.
extension PhysicsEntry {
    nonisolated(unsafe) static let editorMark = #/^(?:editors?|eds?\.), /#
    nonisolated(unsafe) static let journal = /(?:(.+), )?([^,]+?) ([A-Z]?\d+[A-Z]?)(?:, ([A-Za-z]?\d+[\w.-]*))?,? \((\d{4})\)(?:, .*)?/
    nonisolated(unsafe) static let thesis = /(.+?), ([^,]*(?:[Tt]hes[ie]s|[Tt]hèse|[Dd]issertation|[Dd]octorat|[Дд]иссертация|[Tt]ezi)[^,]*), (?:(.+), )?(\d{4})\.?/
    nonisolated(unsafe) static let report = /(.+?), (?:Report )?No\. [^,]+, (?:(.+), )?(\d{4})\.?/
    nonisolated(unsafe) static let book = /(.+?)(?:, in (.+?)(?:, edited by (.+?))?)? \((?:([^()]*?),? )?(\d{4})\)(?:, pp?\. ([\w–-]+))?/
    nonisolated(unsafe) static let titleYear = /([^,]+), (\d{4})\.?/
    nonisolated(unsafe) static let sentenceBreak = /[^.]\. \p{Lu}/
    nonisolated(unsafe) static let astronomyEntry = /^(.+?(?:\.|al\.)) (\d{4})([a-z]?), (.+)$/
    nonisolated(unsafe) static let astronomyJournal = /([^,]+), ([A-Z]?\d+[A-Z]?)(?:, ([A-Za-z]?\d+[\w.-]*))?/

    nonisolated(unsafe) static let sentenceInside = /[^.]\. \p{Lu}/
}
