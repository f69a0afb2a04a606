import Foundation
import GlossCore

/// Writes records as CSL-JSON, the array pandoc's citeproc (`--bibliography refs.json`),
/// Zotero and citeproc-js read.
///
/// Gloss's own data (`custom`: provenance, stub flags) is dropped by default: citeproc has no use
/// for it and some tools reject unknown structured values.
public struct CSLJSONWriter: Sendable {
    /// Keep the `custom` object of each record.
    public var includeCustom: Bool

    public init(includeCustom: Bool = false) {
        self.includeCustom = includeCustom
    }

    /// A pretty-printed JSON array, records ordered by id, ending in a newline. Records get keys
    /// as the BibTeX writers give them, so every export of a library cites alike.
    public func write(_ records: [BibRecord]) throws -> String {
        let keys = BibKeys.keys(for: records)
        var out = zip(records, keys).map { record, key -> BibRecord in
            var copy = record
            copy.id = key
            if !includeCustom { copy.custom = nil }
            return copy
        }
        out.sort { $0.id < $1.id }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(out), as: UTF8.self) + "\n"
    }
}
