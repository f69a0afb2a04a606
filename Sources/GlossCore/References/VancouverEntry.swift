import Foundation

/// Reference-list entries in the Vancouver/NLM style of medicine and the life sciences:
/// `Schaaf CP, Zoghbi HY. Solving the autism puzzle a few pieces at a time. Neuron. 2011 Jun
/// 9;70(5):806–8. doi:10.1016/j.neuron.2011.05.025`, books `Tarakçı M. Protestanlıkta sakramentler.
/// Bursa: Emin Yayınları; 2012. 296 p.`, chapters `… In: Bajorath J, editor. Book. Place: Publisher;
/// 2011. p. 531–81.`. Authors are family names with bare initials; elements end with a period.
enum VancouverEntry {
    static func parse(_ text: String) -> ParsedReference? {
        // eLife's `Aivazian D, Serrano RL. 2012. Title.` puts the year after the names: not this style.
        // GOST's `Schaaf C. P., Zoghbi H. Y. Title // Journal` and `Allal L. и др.` start the same way.
        // Without the style's date (`2002 Jul 25;347(4)`, `Mosby; 2002`) or medium (`[Internet]`),
        // `Bilal N. Şimşir, Azerbaycan, …` (a footnote, given name first) would pass for `Bilal N`.
        let dated = text.firstMatch(of: Self.datedMark) != nil
        guard !text.contains(" // "), !text.contains(". – "), !text.contains(". — "),
              let authors = LeadingAuthors.vancouver(text),
              dated || authors.rest.firstMatch(of: Self.invertedName) == nil,
              // An institution alone needs the style's date; so does one author with one initial (`Smith A.`,
              // GOST's form too) before a publisher and year (`Collier, 1902. 458 с.`).
              dated || authors.names.contains(where: { $0.family != nil }),
              dated || authors.names.count > 1 || (authors.names.first?.given?.count ?? 0) > 1
                || text.firstMatch(of: Self.yearAtEnd) == nil,
              authors.rest.firstMatch(of: Self.yearFirst) == nil, authors.rest.firstMatch(of: Self.initialOrLowercase) == nil else { return nil }
        var fields = ReferenceParser.Fields()
        if authors.editors { fields.editors = authors.names } else { fields.authors = authors.names }
        var rest = authors.rest
        // A part of a web site: `Site [Internet]. 2016. Title of the page. Available from: URL` (no `;`
        // of a publisher or a journal follows).
        var site: String?
        if let web = rest.firstMatch(of: Self.webPage) {
            site = String(web.1)
            if let year = web.2 { fields.year = CSLDate(year: Int(year) ?? 0) }
            if let cited = web.3 { fields.accessed = ReferenceDates.parse(String(cited)) }
            rest = String(rest[web.range.upperBound...])
        }
        EntryTail.takeLinks(&rest, into: &fields)
        var (title, after) = journalSplit(rest) ?? EntryTail.title(rest)
        if let site {
            fields.container = site
            fields.titleQuoted = true
        }
        // `Title [Internet]. [Москва]; 1980.`: a place in brackets (not given in the work) opens the next element.
        if after.isEmpty, let stop = title.firstRange(of: Self.bracketedContainer) {
            after = String(title[title.index(stop.lowerBound, offsetBy: 2)...])
            title = title[..<stop.lowerBound].trimmingCharacters(in: .whitespaces)
        }
        // `Title [Internet]`: the medium; `Title [Doctoral thesis]`: the genre.
        if title.hasSuffix("[Internet]") { title = title.dropLast("[Internet]".count).trimmingCharacters(in: .whitespaces) }
        if let match = title.firstMatch(of: Self.bracketAtEnd) {
            fields.genre = String(match.1)
            title.removeSubrange(match.range)
        }
        fields.title = title
        if let journal = after.firstMatch(of: Self.journal) {
            fields.container = String(journal.1).trimmingCharacters(in: CharacterSet(charactersIn: " ."))
            fields.year = CSLDate(year: Int(journal.2) ?? 0)
            if !journal.3.isEmpty { fields.volume = String(journal.3) }
            fields.issue = journal.4.map(String.init)
            fields.pageRange = journal.5.map(String.init)
            fields.titleQuoted = true
        } else if let marker = ["In: ", "İçinde: ", "Içinde: ", "В: "].first(where: after.hasPrefix) {
            readChapter(String(after.dropFirst(marker.count)), into: &fields)
        } else {
            readBook(after, into: &fields)
        }
        if fields.year == nil, let (date, suffix) = EntryTail.year(in: after) {
            fields.year = date
            fields.yearSuffix = suffix
        }
        var reference = fields.reference()
        reference.locator = nil
        return reference
    }

    /// The title and the rest where the rest is the journal with its date (`Journal. 2011;70(5):806`):
    /// at the first full stop after which a journal name and its year follow, whatever its case
    /// (`… growth. eLife. 2020;9:e51710`), and past a full stop inside the title (`Politikası, II. Dağlık
    /// Karabağ Savaşı. Akademik Dergisi. 2024;9(1)`). A journal's name holds full stops only after
    /// abbreviated words (`Proc. Natl. Acad. Sci.`). Nil when no such journal follows.
    static func journalSplit(_ text: String) -> (String, String)? {
        for stop in text.ranges(of: ". ") {
            let rest = text[stop.upperBound...]
            guard let journal = rest.firstMatch(of: Self.journalStart) else { continue }
            let pieces = journal.1.components(separatedBy: ". ")
            guard pieces.dropLast().allSatisfy({ !$0.contains(" ") && $0.count <= 6 }) else { continue }
            let title = text[..<stop.lowerBound].trimmingCharacters(in: CharacterSet(charactersIn: " .,"))
            return title.isEmpty ? nil : (title, String(rest))
        }
        return nil
    }

    /// `Bajorath J, editor. Chemoinformatics …. Totowa, NJ: Humana Press; 2011. p. 531–81.`
    static func readChapter(_ text: String, into fields: inout ReferenceParser.Fields) {
        var rest = text
        if let mark = rest.firstMatch(of: Self.editorMark) {
            let names = rest[..<mark.range.lowerBound]
            fields.editors = names.components(separatedBy: ", ").compactMap(LeadingAuthors.familyThenBareInitials)
            rest = String(rest[mark.range.upperBound...])
        }
        let (book, after) = EntryTail.title(rest)
        fields.container = book
        fields.titleQuoted = true
        if let pages = after.firstMatch(of: Self.pages) { fields.pageRange = String(pages.1) }
        readBook(after, into: &fields)
    }

    /// `Edition. Place: Publisher; 2012. 296 p.`: the element with a `;` before the year names the
    /// publisher.
    static func readBook(_ text: String, into fields: inout ReferenceParser.Fields) {
        let elements = text.components(separatedBy: ". ")
        if let semicolon = text.firstIndex(of: ";") {
            // `4th ed. St. Louis: Mosby; 2002`: the statement starts after the last period before the
            // colon that does not end an abbreviation of the place (`St.`, `Mt.`).
            let statement = text[..<semicolon]
            var start = statement.startIndex
            var search = statement[..<(statement.firstIndex(of: ":") ?? statement.endIndex)]
            while let dot = search.ranges(of: ". ").last {
                let before = statement[..<dot.lowerBound].split(separator: " ").last ?? ""
                if before.count <= 2, before.first?.isUppercase == true {
                    search = statement[..<dot.lowerBound]
                    continue
                }
                start = dot.upperBound
                break
            }
            EntryTail.readPublisher(statement[start...] + "," + text[text.index(after: semicolon)...], into: &fields)
        } else if fields.container == nil, let first = elements.first, !first.isEmpty, EntryTail.year(in: first) == nil {
            fields.container = first
        }
    }
}

// The patterns, made once (a regex literal is parsed and compiled again each time it is evaluated).
// `Regex` is not `Sendable`, but matching only reads it, and its compiled program is stored atomically.
extension VancouverEntry {
    nonisolated(unsafe) static let datedMark = /\d{4}(?: [A-Z][a-z]{2}(?:[ -]\d{1,2})?)?;|; ?\d{4}|\[Internet\]/
    nonisolated(unsafe) static let invertedName = /^\p{Lu}[\p{L}'’-]*,/
    nonisolated(unsafe) static let yearAtEnd = /, \d{4}\.(?: \d+ \p{L}{1,3}\.)?$/
    nonisolated(unsafe) static let yearFirst = /^\d{4}[a-z]?\./
    nonisolated(unsafe) static let initialOrLowercase = /^(?:\p{Lu}\.|\p{Ll})/
    nonisolated(unsafe) static let webPage = /^((?:[^.\[]|\.(?! ))+) \[Internet\]\. (?:(\d{4})[^.;\[]*\. |\[cited ([^\]]*)\]\. )(?=[^;]*$)/
    nonisolated(unsafe) static let bracketedContainer = #/\. \[\p{Lu}[^\]]*\];/#
    nonisolated(unsafe) static let bracketAtEnd = /\s*\[([^\]]+)\]$/
    nonisolated(unsafe) static let journal = /^(.+?)\.? (\d{4})(?: [A-Z][a-z]{2}(?:[ -]\d{1,2})?)?;\s?([^(:;\s]*)(?:\(([^)]*)\))?(?::\s?([^\s.;]+))?/
    nonisolated(unsafe) static let journalStart = /^(.+?)\.? \d{4}(?: [A-Z][a-z]{2}(?:[ -]\d{1,2})?)?;/
    nonisolated(unsafe) static let editorMark = /,? editors?\.\s*/
    nonisolated(unsafe) static let pages = /p\. ?([\dA-Za-z]+[–-][\dA-Za-z]+|\d+)/
}
