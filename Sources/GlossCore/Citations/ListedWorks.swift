/// The works of a source's own reference list, by author and year: what the scanner asks when it
/// must choose between names for a year-only parenthesis (issue 25), decide whether a name and a
/// year written without parentheses cite a work (issue 19), or whether a name without a year does
/// (`(Smith 12)`, `Иванов [2005]` after `Eğilmez,`; issue 18).
///
/// The list is read by the reference-list reader (``ReferenceListSegmenter``, ``ReferenceParser``)
/// and a name is matched as the linker matches it (``CitedAuthors``, ``CitedYear``), so a name the
/// scanner accepts here is one the citation will link by.
struct ListedWorks {
    private let records: [BibRecord]

    /// The works of the last reference list in the UTF-8 bytes of a stored text (none without one).
    init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        let list = ReferenceListSegmenter.segment(utf8: bytes)
        records = list?.entries.compactMap { ReferenceParser.parseListEntry($0.text) } ?? []
    }

    /// Whether the list has no work with an author and a year.
    var isEmpty: Bool { !records.contains { $0.issued?.year != nil && !($0.author ?? $0.editor ?? []).isEmpty } }

    /// Whether a work of the list has `year` (its digits; a letter after them is ignored) and an
    /// author that `author`, as written in the text, names.
    func lists(author: String, year: String) -> Bool {
        guard let year = CitedYear(year).year else { return false }
        let cited = CitedAuthors(author)
        return records.contains { $0.issued?.year == year && cited.match($0) != .none }
    }

    /// Whether a work of the list has exactly the authors that `author`, as written in the text,
    /// names (all of them, in order), or, for `Smith et al.`, the first of them (lists in these
    /// styles write `et al.` too, so the others are not read): the evidence an author-page citation
    /// without a year (`(Smith 12)`) needs. With `undated`, only works the list gives no year count
    /// (an author-date text cites those by the name alone).
    func lists(author: String, undated: Bool = false) -> Bool {
        let cited = CitedAuthors(author)
        return records.contains { record in
            (!undated || record.issued?.year == nil) && (cited.match(record) == .exact || cited.etAl && cited.match(record) != .none)
        }
    }
}
