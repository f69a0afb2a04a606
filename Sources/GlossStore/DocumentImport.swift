import Foundation
import GlossCore

extension SourceStore {
    /// Imports text extracted from a structured file (a TEI document) as a new source. The text
    /// goes through the same normalisation as a plain text file; `path` names the original file.
    /// The id comes from `id`, or from the file name without `.xml` and `.tei`.
    public func importExtractedText(_ text: String, from path: String, id: String?, details: SourceDetails) throws -> SourceMetadata {
        let normalized = try TextNormalizer.normalize(Array(text.utf8), file: path)
        let sourceID: SourceID
        if let id {
            sourceID = try SourceID(id)
        } else {
            var name = URL(fileURLWithPath: path).lastPathComponent
            for suffix in [".xml", ".tei"] where name.lowercased().hasSuffix(suffix) {
                name = String(name.dropLast(suffix.count))
            }
            sourceID = try SourceID(derivingFrom: name + ".txt")
        }
        return try add([(sourceID, PreparedText(path: path, text: normalized), details)])[0]
    }
}
