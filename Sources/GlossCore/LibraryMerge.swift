/// Adds records to a library without losing any: a record whose key is taken gets a suffixed
/// key (`smith2020-2`) and the clash is reported; a record identical to the one under its key
/// (apart from where it came from) is recognised as already there.
public enum LibraryMerge {
    /// What happened to one incoming record.
    public enum Outcome: Sendable, Hashable {
        case added(key: String)
        /// The key was taken by a different record; the new one is stored under `storedAs`.
        case renamed(key: String, storedAs: String)
        /// The same record is already in the library under `key`.
        case alreadyPresent(key: String)
    }

    /// Merges `incoming` into `library` in order; returns one outcome per incoming record.
    public static func merge(_ incoming: [BibRecord], into library: inout [BibRecord]) -> [Outcome] {
        var taken = Set(library.map(\.id))
        var outcomes: [Outcome] = []
        for record in incoming {
            if let existing = library.first(where: { $0.id == record.id }) {
                if sameWork(existing, record) {
                    outcomes.append(.alreadyPresent(key: record.id))
                    continue
                }
                var renamed = record
                renamed.id = CitationKey.unique(record.id, taken: taken)
                taken.insert(renamed.id)
                library.append(renamed)
                outcomes.append(.renamed(key: record.id, storedAs: renamed.id))
            } else {
                taken.insert(record.id)
                library.append(record)
                outcomes.append(.added(key: record.id))
            }
        }
        return outcomes
    }

    /// Equal in every field but provenance.
    static func sameWork(_ a: BibRecord, _ b: BibRecord) -> Bool {
        var a = a, b = b
        a.custom?.provenance = nil
        b.custom?.provenance = nil
        return a == b
    }
}
