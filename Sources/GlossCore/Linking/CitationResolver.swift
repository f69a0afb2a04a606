import Foundation

/// A reference-list record with its number in the list, when the list is numbered.
public struct ListedRecord: Sendable, Hashable {
    public var number: Int?
    public var record: BibRecord

    public init(number: Int?, record: BibRecord) {
        self.number = number
        self.record = record
    }
}

/// Where one citation item points.
public struct CitationResolution: Codable, Sendable, Hashable {
    public enum Status: String, Codable, Sendable {
        /// Linked to `records` (several for a footnote holding several references).
        case linked
        /// Several records fit equally; `candidates` lists them and none was chosen.
        case ambiguous
        /// Nothing fits.
        case unresolved
        /// A person rejected the detection (`gloss cite reject`).
        case rejected
    }

    /// How the link was made.
    public enum Via: String, Codable, Sendable {
        case manual, footnote, referenceList = "reference-list", library, stub, ibid
    }

    public var citation: CitationID
    /// The item's index within the citation.
    public var item: Int
    public var status: Status
    /// Record keys: the linked records, or the candidates when ambiguous.
    public var records: [String]
    public var via: Via?
    /// The item's own locator (`s. 61`, `3`), so a bibliography can list the pages cited.
    public var locator: String?
    /// For a footnote citing several works: each record's own locator, in the order of `records`.
    public var recordLocators: [String?]?
    /// Set when the link was made although the citation and the entry disagree: the entry's
    /// year differs (`year`), or its author is spelled differently (`author`). `gloss check`
    /// reports both.
    public var mismatch: Mismatch?

    /// How a citation and the entry it is linked to disagree.
    public enum Mismatch: String, Codable, Sendable {
        case year, author
    }

    /// The locator cited for `record`.
    public func locator(for record: String) -> String? {
        if let recordLocators, let index = records.firstIndex(of: record), index < recordLocators.count { return recordLocators[index] }
        return locator
    }

    public init(citation: CitationID, item: Int, status: Status, records: [String], via: Via?, locator: String?) {
        self.citation = citation
        self.item = item
        self.status = status
        self.records = records
        self.via = via
        self.locator = locator
    }
}

/// The links of one source's citations, and the stub records made for them.
public struct SourceResolution: Sendable, Hashable {
    public var source: SourceID
    public var resolutions: [CitationResolution]
    /// Records made from author-date citations where the source has no reference list
    /// (`custom.stub = true`, the locators cited in `custom.citedLocators`).
    public var stubs: [BibRecord]
}

/// Links each citation of a source to the records it cites.
///
/// Author-date items match by author (see `CitedAuthors`) and year with its suffix, in the
/// source's reference list first, then in the library; items without a year (MLA's `(Smith 12)`)
/// by author alone, linked only when one work fits (or one of the author's works opens with the
/// short title cited), listed as ambiguous otherwise; numeric items by their number in a
/// numbered list (never by guessing a position in an unnumbered one); footnote markers by the
/// footnote's records; in-text ibid (`Age, s. 5`, `ibid.`) by the item before it. Two equally good
/// records make the item ambiguous, with both listed. An item that matches nothing exactly but
/// one list entry nearly — the same author with another year, or the same year with the author
/// one or two letters off — is linked to it with its `mismatch` noted. A manual link or rejection
/// in the source's annotations wins over all of this. Author-date items still unresolved get stub
/// records, one per cited work; where the source has a reference list, `gloss check` reports
/// them as cited but not listed.
public enum CitationResolver {
    public struct Input: Sendable {
        public var source: SourceID
        public var citations: [Citation]
        /// The records of each footnote, by footnote number, ibid and short forms already
        /// followed to their works (see `SourceBibliography`).
        public var footnotes: [Int: [FootnoteReference]]
        public var referenceList: [ListedRecord]
        public var library: [BibRecord]
        public var annotations: SourceAnnotations?

        public init(source: SourceID, citations: [Citation], footnotes: [Int: [FootnoteReference]] = [:],
                    referenceList: [ListedRecord] = [], library: [BibRecord] = [], annotations: SourceAnnotations? = nil) {
            self.source = source
            self.citations = citations
            self.footnotes = footnotes
            self.referenceList = referenceList
            self.library = library
            self.annotations = annotations
        }
    }

    public static func resolve(_ input: Input) -> SourceResolution {
        let manual = Dictionary((input.annotations?.links ?? []).map { ($0.citation, $0.record) }, uniquingKeysWith: { a, _ in a })
        let rejected = Set(input.annotations?.rejectedCitations ?? [])
        let listIndex = RecordIndex(input.referenceList.map(\.record))
        let libraryIndex = RecordIndex(input.library)
        let byNumber = Dictionary(input.referenceList.compactMap { listed in listed.number.map { ($0, listed) } },
                                  uniquingKeysWith: { a, _ in a })
        var resolutions: [CitationResolution] = []
        var previous: CitationResolution?
        var unresolvedAuthorDate: [(index: Int, citation: Citation, item: CitationItem)] = []

        for citation in input.citations.sorted(by: { $0.span < $1.span }) {
            let id = citation.id
            // A citation with no parsed parts (added by hand, imported from TEI) is one unknown item,
            // so a manual link or rejection still applies to it.
            for (index, item) in (citation.items.isEmpty ? [CitationItem()] : citation.items).enumerated() {
                func result(_ status: CitationResolution.Status, _ records: [String], _ via: CitationResolution.Via?) -> CitationResolution {
                    CitationResolution(citation: id, item: index, status: status, records: records, via: via, locator: item.locator)
                }
                var resolution: CitationResolution
                if rejected.contains(id) {
                    resolution = result(.rejected, [], nil)
                } else if let key = manual[id] {
                    resolution = result(.linked, [key], .manual)
                } else if let author = item.author, isIbid(author) {
                    resolution = previous.map { result($0.status, $0.records, .ibid) } ?? result(.unresolved, [], .ibid)
                } else {
                    switch citation.kind {
                    case .footnoteMarker:
                        let references = item.ref.flatMap { input.footnotes[$0] } ?? []
                        resolution = references.isEmpty ? result(.unresolved, [], nil) : result(.linked, references.map(\.record.id), .footnote)
                        // The page is written in the footnote, not at the marker.
                        let locators = references.compactMap(\.locator)
                        if resolution.locator == nil, !locators.isEmpty { resolution.locator = locators.joined(separator: "; ") }
                        if references.count > 1 { resolution.recordLocators = references.map(\.locator) }
                    case .numeric:
                        let entry: ListedRecord? = item.ref.flatMap { byNumber[$0] }
                        resolution = entry.map { result(.linked, [$0.record.id], .referenceList) } ?? result(.unresolved, [], nil)
                    case .parenthetical, .narrative:
                        resolution = authorDate(item, list: listIndex, library: libraryIndex, result: result)
                        if resolution.status == .unresolved, item.author != nil { unresolvedAuthorDate.append((index, citation, item)) }
                    }
                }
                resolutions.append(resolution)
                if resolution.status != .rejected { previous = resolution }
            }
        }

        let made = makeStubs(unresolvedAuthorDate.map { ($0.citation, $0.item) }, source: input.source,
                             taken: Set(input.library.map(\.id) + input.referenceList.map(\.record.id)))
        let byKey = Dictionary(made.map { ($0.key, $0.record) }, uniquingKeysWith: { a, _ in a })
        let pending = Dictionary(unresolvedAuthorDate.map { (PendingItem(citation: $0.citation.id, item: $0.index), $0.item) },
                                 uniquingKeysWith: { a, _ in a })
        for (index, resolution) in resolutions.enumerated() where resolution.status == .unresolved {
            guard let item = pending[PendingItem(citation: resolution.citation, item: resolution.item)],
                  let stub = byKey[StubKey(item)] else { continue }
            resolutions[index].status = .linked
            resolutions[index].records = [stub.id]
            resolutions[index].via = .stub
        }
        return SourceResolution(source: input.source, resolutions: resolutions, stubs: made.map(\.record))
    }

    static func authorDate(_ item: CitationItem, list: RecordIndex, library: RecordIndex,
                           result: (CitationResolution.Status, [String], CitationResolution.Via?) -> CitationResolution) -> CitationResolution {
        guard let author = item.author else { return result(.unresolved, [], nil) }
        let cited = CitedAuthors(author)
        let year = item.year.map(CitedYear.init)
        for (index, via) in [(list, CitationResolution.Via.referenceList), (library, .library)] {
            let scored = index.candidates(year: year).compactMap { record -> (BibRecord, AuthorMatch)? in
                guard year?.matches(record) ?? true else { return nil }
                let match = cited.match(record)
                return match == .none ? nil : (record, match)
            }
            guard let best = scored.map(\.1).max() else { continue }
            var keys = scored.filter { $0.1 == best }.map(\.0.id)
            // With a year suffix, a record carrying the same suffix beats ones without.
            if keys.count > 1, let suffix = year?.suffix {
                let exact = scored.filter { $0.1 == best && $0.0.yearSuffix == suffix }.map(\.0.id)
                if !exact.isEmpty { keys = exact }
            }
            // `(Smith, "Short Title" 12)`: MLA names the work by its title when the author has several.
            if keys.count > 1, let fragment = item.titleFragment {
                let titled = scored.filter { $0.1 == best && titleStarts($0.0, with: fragment) }.map(\.0.id)
                if !titled.isEmpty { keys = titled }
            }
            keys = Array(Set(keys)).sorted()
            return keys.count == 1 ? result(.linked, keys, via) : result(.ambiguous, keys, via)
        }
        if let (record, mismatch) = nearMatch(cited, year, in: list) {
            var linked = result(.linked, [record.id], .referenceList)
            linked.mismatch = mismatch
            return linked
        }
        return result(.unresolved, [], nil)
    }

    /// Whether `record`'s title opens with the words of a short title cited (quotes and case aside).
    static func titleStarts(_ record: BibRecord, with fragment: String) -> Bool {
        let short = NameFolding.key(fragment)
        guard !short.isEmpty, let title = record.title else { return false }
        var full = NameFolding.key(title)
        if full == short || full.hasPrefix(short + " ") { return true }
        // MLA drops a leading article from a short title (`The Art of Fiction` → `Art of Fiction`).
        for article in ["the ", "a ", "an "] where full.hasPrefix(article) && !short.hasPrefix(article) {
            full.removeFirst(article.count)
            return full == short || full.hasPrefix(short + " ")
        }
        return false
    }

    /// The one list entry an unmatched item nearly fits: the same authors with another year (or an
    /// undated citation, `n.d.`, of the one dated entry by them), or
    /// the same year with the first author's family name one or two letters off (for names of five
    /// letters or more, with the same first letter). Nil when none or several fit.
    static func nearMatch(_ cited: CitedAuthors, _ year: CitedYear?, in list: RecordIndex) -> (BibRecord, CitationResolution.Mismatch)? {
        guard let first = cited.names.first else { return nil }
        let sameAuthors = list.records(firstAuthor: first).filter { cited.match($0) != .none }
        // `(Shahbazov, n.d.)` with the one entry by that author dated: the same work, the year disagreeing.
        if sameAuthors.count == 1, year?.year != nil || year?.undated == true { return (sameAuthors[0], .year) }
        guard sameAuthors.isEmpty, let year, first.unicodeScalars.count >= 5 else { return nil }
        let close = list.candidates(year: year).filter { record in
            guard year.matches(record), let family = record.author?.first.flatMap({ $0.family ?? $0.literal }) else { return false }
            let key = NameFolding.key(family)
            return key.unicodeScalars.first == first.unicodeScalars.first && key != first
                && NameFolding.distance(key, first, limit: 2) <= (first.unicodeScalars.count >= 8 ? 2 : 1)
        }
        return close.count == 1 ? (close[0], .author) : nil
    }

    static func isIbid(_ author: String) -> Bool {
        let lower = author.lowercased().trimmingCharacters(in: .whitespaces)
        return ReferenceParser.ibidWords.contains { lower == $0 || lower == $0 + "." }
    }

    /// One item of one citation.
    struct PendingItem: Hashable {
        var citation: CitationID
        var item: Int
    }

    /// Author and year folded: the identity of a stub.
    struct StubKey: Hashable {
        var authors: [String]
        var year: String

        init(_ item: CitationItem) {
            authors = CitedAuthors(item.author ?? "").names
            year = item.year.map { Self.dateKey(stubDate($0), suffix: CitedYear($0).suffix) } ?? ""
        }

        /// A newspaper's full date (`01.02.2000`) tells its articles apart; otherwise the year and suffix.
        static func dateKey(_ date: CSLDate?, suffix: String?) -> String {
            guard let date else { return "" }
            if let parts = date.dateParts?.first { return parts.map(String.init).joined(separator: "-") + (suffix ?? "") }
            return date.literal ?? ""
        }
    }

    /// The date a stub records for a cited year: full when written in full, else the year.
    static func stubDate(_ text: String) -> CSLDate? {
        let cited = CitedYear(text)
        if cited.undated { return nil }
        if let full = ReferenceDates.parse(text), (full.dateParts?.first?.count ?? 0) > 1 { return full }
        if let year = cited.year { return CSLDate(year: year) }
        return CSLDate(literal: text)
    }

    /// One stub per cited author and year, listing the locators cited.
    static func makeStubs(_ items: [(Citation, CitationItem)], source: SourceID, taken: Set<String>) -> [(key: StubKey, record: BibRecord)] {
        var order: [StubKey] = []
        var grouped: [StubKey: [(Citation, CitationItem)]] = [:]
        for (citation, item) in items {
            let key = StubKey(item)
            if grouped[key] == nil { order.append(key) }
            grouped[key, default: []].append((citation, item))
        }
        var used = taken
        return order.map { key in
            let uses = grouped[key]!
            let item = uses[0].1
            var record = BibRecord(id: "", type: "document")
            let cited = CitedAuthors(item.author ?? "")
            // Names as cited: `Deveci Bozkuş` may be a compound surname, so it stays whole;
            // `Kuzio, Taras` is family and given.
            record.author = PersonNames.split(stripEtAl(item.author ?? "", cited)).map { name in
                if name.contains(",") { return PersonNames.name(name) }
                return PersonNames.isInstitution(name) || name.split(separator: " ").count > 2 ? CSLName(literal: name) : CSLName(family: name)
            }
            // A malformed citation may hold a title fragment (`“Geopolitical`).
            record.title = uses.lazy.compactMap(\.1.titleFragment).first.map {
                $0.trimmingCharacters(in: CharacterSet(charactersIn: "“”\"‘’«» ,"))
            }
            record.issued = item.year.flatMap(stubDate)
            record.yearSuffix = item.year.flatMap { CitedYear($0).suffix }
            var locators: [String] = []
            for (_, use) in uses { if let locator = use.locator, !locators.contains(locator) { locators.append(locator) } }
            record.custom = BibRecord.Custom(provenance: uses.map { RecordProvenance(source: source, span: $0.0.span) },
                                             stub: true, citedLocators: locators.isEmpty ? nil : locators)
            record.id = CitationKey.unique(CitationKeyGenerator.baseKey(for: record), taken: used)
            used.insert(record.id)
            return (key, record)
        }
    }

    static func stripEtAl(_ author: String, _ cited: CitedAuthors) -> String {
        guard cited.etAl else { return author }
        let lower = author.lowercased()
        for mark in CitedAuthors.etAlMarks where lower.hasSuffix(mark) {
            return String(author.dropLast(mark.count)).trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
        }
        return author
    }
}
