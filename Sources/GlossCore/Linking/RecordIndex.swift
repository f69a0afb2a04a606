/// Records indexed by year and by first author's folded family name, so that matching a
/// citation item looks at the few records of its year, not the whole list or library.
struct RecordIndex {
    private var byYear: [Int?: [BibRecord]] = [:]
    private var byFirstAuthor: [String: [BibRecord]] = [:]

    init(_ records: [BibRecord]) {
        for record in records {
            byYear[record.issued?.year, default: []].append(record)
            if let first = (record.author ?? record.editor)?.first {
                for key in CitedAuthors.keys(first) { byFirstAuthor[key, default: []].append(record) }
            }
        }
    }

    /// The records a citation of `year` can match: those of that year, the undated ones for
    /// `n.d.`, all of them when the citation has no year.
    func candidates(year: CitedYear?) -> [BibRecord] {
        guard let year else { return byYear.values.flatMap { $0 } }
        if year.undated { return byYear[nil] ?? [] }
        guard let value = year.year else { return [] }
        return byYear[value] ?? []
    }

    /// The records whose first author's family name (or full name) folds to `key`.
    func records(firstAuthor key: String) -> [BibRecord] {
        var seen = Set<String>()
        return (byFirstAuthor[key] ?? []).filter { seen.insert($0.id).inserted }
    }
}
