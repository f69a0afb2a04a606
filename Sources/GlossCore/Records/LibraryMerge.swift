/// Adds imported records to a workspace library without clobbering what is there.
public enum LibraryMerge {
    /// Adds `incoming` to `library` and returns, for each incoming id, the key it has in the
    /// library. A record equal in content to one already there maps to that one; others keep their
    /// id when `keepID` accepts it and it is free, and get a generated key otherwise.
    public static func merge(_ incoming: [BibRecord], into library: inout [BibRecord],
                             keepID: (String) -> Bool) -> [String: String] {
        var mapping: [String: String] = [:]
        var taken = Set(library.map(\.id))
        var pending: [(original: String, record: BibRecord)] = []
        var twins: [(original: String, pendingIndex: Int)] = []
        for record in incoming {
            if let same = library.first(where: { sameContent($0, record) }) {
                mapping[record.id] = same.id
            } else if let index = pending.firstIndex(where: { sameContent($0.record, record) }) {
                twins.append((record.id, index))
            } else {
                var copy = record
                if !keepID(copy.id) || taken.contains(copy.id) { copy.id = "" } else { taken.insert(copy.id) }
                pending.append((record.id, copy))
            }
        }
        let existing = library.count
        let keys = CitationKeyGenerator.keys(for: library + pending.map(\.record), keeping: { !$0.id.isEmpty })
        for (index, entry) in pending.enumerated() {
            var record = entry.record
            record.id = keys[existing + index]
            library.append(record)
            mapping[entry.original] = record.id
        }
        for twin in twins { mapping[twin.original] = keys[existing + twin.pendingIndex] }
        return mapping
    }

    /// Equal apart from the key and Gloss's own data.
    static func sameContent(_ a: BibRecord, _ b: BibRecord) -> Bool {
        var a = a
        var b = b
        a.id = ""
        b.id = ""
        a.custom = nil
        b.custom = nil
        return a == b
    }
}

extension LibraryMerge {
    /// What happened to one record added by `add(_:to:)`.
    public enum Outcome: Sendable, Hashable {
        case added(key: String)
        /// The key was taken by a different record; the new one is stored under `storedAs`.
        case renamed(key: String, storedAs: String)
        /// The same record is already in the library under `key`.
        case alreadyPresent(key: String)
    }

    /// Adds records keeping their keys (`gloss bib import`): nothing is lost. A record whose key
    /// is taken by a different record gets a suffixed key (`smith2020-2`) and the clash is
    /// reported; the same record under its own key again is recognised as already there.
    public static func add(_ incoming: [BibRecord], to library: inout [BibRecord]) -> [Outcome] {
        var taken = Set(library.map(\.id))
        var outcomes: [Outcome] = []
        for record in incoming {
            if let existing = library.first(where: { $0.id == record.id }) {
                if sameContent(existing, record) {
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
}
