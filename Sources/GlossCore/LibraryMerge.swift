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
