import GlossCore

extension LibraryStore {
    /// Adds `records` to the library under the workspace lock (see `LibraryMerge`); returns one
    /// outcome per record.
    @discardableResult
    public func add(_ records: [BibRecord]) throws -> [LibraryMerge.Outcome] {
        try update { library in try LibraryMerge.add(records, to: &library) }
    }

    /// The record with citation key `key`.
    public func record(_ key: String) throws -> BibRecord {
        guard let record = try records().first(where: { $0.id == key }) else { throw LibraryError.unknownRecord(key) }
        return record
    }
}

/// What can go wrong with library records.
public enum LibraryError: GlossError, Equatable {
    case unknownRecord(String)
    case nothingImported(file: String, problems: Int, reason: String?)

    public var category: ErrorCategory {
        switch self {
        case .unknownRecord: return .missingFile
        case .nothingImported: return .data
        }
    }

    public var description: String {
        switch self {
        case let .unknownRecord(key):
            return "no record '\(key)' in the library; 'gloss bib list' shows the keys"
        case let .nothingImported(file, problems, reason):
            if let reason { return "\(file): no BibTeX entry found: \(reason); the library is unchanged" }
            if problems == 0 { return "\(file): no BibTeX entry found (an entry starts with '@type{key,'); the library is unchanged" }
            return "\(file): no entry could be read (\(problems) problem\(problems == 1 ? "" : "s") above); the library is unchanged"
        }
    }
}
