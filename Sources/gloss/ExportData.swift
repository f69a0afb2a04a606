import GlossCore
import GlossFormats
import GlossStore

extension ExportSelection {
    /// The TEI input for the one source selected.
    func teiDocument() -> TEIDocument {
        let source = sources[0]
        return TEIDocument(
            metadata: source.metadata, text: source.text.string,
            citations: source.citations.map { TEICitation($0, recordKeys: Self.linkedRecords(of: $0, in: source)) },
            footnotes: source.footnotes.map { TEIFootnote(number: $0.number, marker: $0.marker, parts: $0.parts) },
            records: records, claims: claims)
    }
}
