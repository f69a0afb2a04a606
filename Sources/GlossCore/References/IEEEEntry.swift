import Foundation

/// Reference-list entries in the IEEE style: initials before family names, the title of a part in
/// quotation marks with its comma inside, then the labelled details:
/// `C. E. Shannon, “A mathematical theory of communication,” Bell Syst. Tech. J., vol. 27, no. 3,
/// pp. 379–423, Jul. 1948.`, chapters `…,” in Book, J. Bajorath, Ed., Totowa, NJ: Humana Press, 2011,
/// pp. 531–581.`, books `A. Smith, The Wealth of Nations. Collier, 1902.`
enum IEEEEntry {
    static func parse(_ text: String) -> ParsedReference? {
        guard let authors = LeadingAuthors.initialsFirst(text), authors.rest.hasPrefix(", ") else { return nil }
        var fields = ReferenceParser.Fields()
        var rest = String(authors.rest.dropFirst(2))
        if let mark = rest.firstMatch(of: Self.editorMark) {
            fields.editors = authors.names
            rest.removeSubrange(mark.range)
        } else {
            fields.authors = authors.names
        }
        EntryTail.takeLinks(&rest, into: &fields)
        let details: String
        if let quoted = QuotedTitle.find(in: rest), quoted.range.lowerBound == rest.startIndex {
            fields.title = quoted.title
            details = String(rest[quoted.range.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: " ,."))
            // Turkish and Russian footnotes also quote titles after initials; their page (`s. 61`) is a locator.
            guard details.firstMatch(of: Self.turkishPages) == nil,
                  details.hasPrefix("in ") || details.firstMatch(of: Self.detailsMark) != nil
                    // A web page: `“Title,” Site. Accessed: …. [Online]. Available: URL` (its access date taken out).
                    || fields.url != nil && !details.contains(",") else { return nil }
            readDetails(details, into: &fields)
        } else {
            // A book: `Title. Place: Publisher, Year.` The publisher element is the last sentence, so a
            // title may hold a full stop (`Химия. Неорганическая химия`); an edition after it goes.
            guard let stop = rest.matches(of: Self.sentenceStop).last else { return nil }
            let title = EntryTail.droppingEdition(String(rest[..<stop.range.lowerBound]) + (stop.output.1 == "." ? "" : String(stop.output.1)))
            let after = String(rest[stop.range.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: " .,"))
            // A book's title is not quoted, and opens with no lower-case word (`and E. D. Lazowska. "Title"`
            // is a list of names that went on).
            guard !title.isEmpty, !rest.contains(where: { "\"“”`".contains($0) }), title.first?.isLowercase == false,
                  after.wholeMatch(of: Self.placePublisherYear) != nil else { return nil }
            fields.title = title
            EntryTail.readPublisher(after, into: &fields)
        }
        var reference = fields.reference()
        reference.locator = nil
        return reference
    }

    /// After the title: `in Book, …` or the journal, then `vol. 3`, `no. 1`, `pp. 17–25`, the date and
    /// the publisher.
    static func readDetails(_ text: String, into fields: inout ReferenceParser.Fields) {
        var segments = text.components(separatedBy: ", ")
        guard var first = segments.first else { return }
        segments.removeFirst()
        if first.hasPrefix("in ") { first.removeFirst(3) }
        // `Bell Syst. Tech. J.` keeps its last period.
        fields.container = first.trimmingCharacters(in: CharacterSet(charactersIn: " "))
        fields.titleQuoted = true
        var publisher: [String] = []
        for segment in segments {
            if let match = segment.wholeMatch(of: Self.volume) {
                fields.volume = String(match.1)
            } else if let match = segment.wholeMatch(of: Self.number) {
                fields.issue = String(match.1)
            } else if let match = segment.wholeMatch(of: Self.pages) {
                fields.pageRange = String(match.1)
            } else if let match = segment.wholeMatch(of: Self.date) {
                if fields.year == nil {
                    fields.year = CSLDate(year: Int(match.1) ?? 0)
                    fields.yearSuffix = match.2.isEmpty ? nil : String(match.2)
                }
            } else if segment == "Ed." || segment == "Eds." {
                // `J. Bajorath, Ed.`, `C. Veliyev, R. Resullu, and K. Aslanlı, Eds.`: the names before were editors.
                fields.editors = publisher.flatMap { $0.components(separatedBy: " and ") }
                    .map { $0.hasPrefix("and ") ? String($0.dropFirst(4)) : $0 }
                    .compactMap(LeadingAuthors.initialsThenFamily)
                publisher = []
            } else {
                publisher.append(segment)
            }
        }
        if fields.year == nil, let (date, suffix) = EntryTail.year(in: text) {
            fields.year = date
            fields.yearSuffix = suffix
        }
        // `Totowa, NJ: Humana Press`: place and publisher of a book.
        if let colon = publisher.firstIndex(where: { $0.contains(": ") }) {
            EntryTail.readPublisher(publisher[...colon].joined(separator: ", "), into: &fields)
        }
    }
}

// The patterns, made once (a regex literal is parsed and compiled again each time it is evaluated).
// `Regex` is not `Sendable`, but matching only reads it, and its compiled program is stored atomically.
extension IEEEEntry {
    nonisolated(unsafe) static let editorMark = /^Eds?\.,\s*/
    nonisolated(unsafe) static let turkishPages = /(?:^|, )(?:s|ss|с|səh)\. ?\d/
    nonisolated(unsafe) static let detailsMark = /(?:^|, )(?:vol\.|no\.|pp?\.) |\d{4}/
    nonisolated(unsafe) static let sentenceStop = #/([.?!]) (?=[\p{Lu}\d])/#
    nonisolated(unsafe) static let placePublisherYear = /(?:[^.,]+(?:, [A-Z]{2})?: )?.+, (?:[A-Z][a-z]{2}\.? )?\d{4}/
    nonisolated(unsafe) static let volume = /vol\. (\S+)/
    nonisolated(unsafe) static let number = /no\. (\S+)/
    nonisolated(unsafe) static let pages = /pp?\. (\S+)/
    nonisolated(unsafe) static let date = /(?:(?:[A-Z][a-z]{2,3}\.?|[A-Z][a-z]+)(?:[–-][A-Z][a-z]{2,3}\.?)? )?(?:\d{1,2}, )?(\d{4})([a-z]?)/
}
