/// Adds imported records to a workspace library without clobbering what is there.
public enum LibraryMerge {
    /// Adds `incoming` to `library` and returns, for each incoming id, the key it has in the
    /// library. A record equal in content to one already there maps to that one; others keep their
    /// id when `keepID` accepts it and it is free, and get a generated key otherwise.
    public static func merge(_ incoming: [BibRecord], into library: inout [BibRecord],
                             keepID: (String) -> Bool) -> [String: String] {
        var mapping: [String: String] = [:]
        var taken = Set(library.map(\.id))
        // Content to key, so that each record is matched in constant time (a library of
        // thousands must not make an import quadratic).
        var known: [BibRecord: String] = [:]
        for record in library { known[content(record)] = known[content(record)] ?? record.id }
        var pending: [(original: String, record: BibRecord)] = []
        var pendingIndex: [BibRecord: Int] = [:]
        var twins: [(original: String, pendingIndex: Int)] = []
        for record in incoming {
            let body = content(record)
            if let same = known[body] {
                mapping[record.id] = same
            } else if let index = pendingIndex[body] {
                twins.append((record.id, index))
            } else {
                var copy = record
                if !keepID(copy.id) || taken.contains(copy.id) { copy.id = "" } else { taken.insert(copy.id) }
                pendingIndex[body] = pending.count
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

    /// A record without its key and Gloss's own data, but with the entry an imported file wrote.
    static func content(_ record: BibRecord) -> BibRecord {
        var copy = record
        copy.id = ""
        copy.custom = record.custom?.bibtex.map { original in
            var custom = BibRecord.Custom()
            custom.bibtex = original
            return custom
        }
        return copy
    }

    /// Equal apart from the key and Gloss's own data.
    static func sameContent(_ a: BibRecord, _ b: BibRecord) -> Bool {
        content(a) == content(b)
    }
}

extension LibraryMerge {
    /// What happened to one record added by `add(_:to:)`.
    public enum Outcome: Sendable, Hashable {
        case added(key: String)
        /// The same record is already in the library under `key`.
        case alreadyPresent(key: String)
    }

    /// Adds records keeping their keys (`gloss bib import`): a key a researcher wrote is never
    /// changed. The same record under its own key again is recognised as already there; a key
    /// held by a different record is a clash, and nothing is added.
    public static func add(_ incoming: [BibRecord], to library: inout [BibRecord]) throws(KeyClash) -> [Outcome] {
        var byKey: [String: Int] = [:]
        for (index, record) in library.enumerated() where byKey[record.id] == nil { byKey[record.id] = index }
        var outcomes: [Outcome] = []
        var added: [BibRecord] = []
        for record in incoming {
            if let index = byKey[record.id] {
                let existing = index < library.count ? library[index] : added[index - library.count]
                guard sameContent(existing, record) else { throw KeyClash(key: record.id, existing: existing, incoming: record) }
                outcomes.append(.alreadyPresent(key: record.id))
            } else {
                byKey[record.id] = library.count + added.count
                added.append(record)
                outcomes.append(.added(key: record.id))
            }
        }
        library.append(contentsOf: added)
        return outcomes
    }
}

/// Two different records under one citation key.
public struct KeyClash: GlossError, Equatable {
    public var key: String
    public var existing: BibRecord
    public var incoming: BibRecord

    public var category: ErrorCategory { .data }

    public var description: String {
        "key '\(key)' of \(Self.origin(incoming)) is already held by a different record (\(Self.origin(existing))); "
            + "rename the key in the file, or remove the old record with 'gloss bib rm \(key)', then import again; the library is unchanged"
    }

    /// `refs.bib:12`, or `the library` when the record's origin is not known.
    static func origin(_ record: BibRecord) -> String {
        guard let provenance = record.custom?.provenance?.first else { return "the library record" }
        if let file = provenance.file { return provenance.line.map { "\(file):\($0)" } ?? file }
        if let source = provenance.source { return "source \(source.rawValue)" }
        return "the library record"
    }
}
