import GlossCore
import GlossFormats
import GlossStore

extension ExportSelection {
    /// The TEI input for the one source selected: its citations with the records each links to,
    /// its footnotes with the records they cite (their marker's links, and the records parsed
    /// from the footnote's own text), and Gloss's state so that an import of the export restores
    /// the source exactly.
    func teiDocument() -> TEIDocument {
        let source = sources[0]
        let linked = Self.linkedRecords(in: source)
        let citations = source.citations.map { TEICitation($0, recordKeys: linked[$0.id] ?? []) }
        var markerRecords: [TextSpan: [String]] = [:]
        for entry in citations where entry.citation.kind == .footnoteMarker { markerRecords[entry.citation.span] = entry.recordKeys }
        let footnotes = source.footnotes.map { note in
            var keys = note.marker.flatMap { markerRecords[$0] } ?? []
            for record in source.bibliography.records where !keys.contains(record.id) {
                let spans = (record.custom?.provenance ?? []).filter { $0.source == source.metadata.id }.compactMap(\.span)
                if spans.contains(where: { span in note.parts.contains { $0.start <= span.start && span.end <= $0.end } }) {
                    keys.append(record.id)
                }
            }
            return TEIFootnote(number: note.number, marker: note.marker, parts: note.parts, recordKeys: keys)
        }
        let state = TEIGlossState(metadata: source.metadata, annotations: source.annotations,
                                  library: records.filter { libraryRecordIDs.contains($0.id) })
        return TEIDocument(metadata: source.metadata, text: source.text.string, citations: citations, footnotes: footnotes,
                           records: records, claims: claims, libraryRecordIDs: libraryRecordIDs, state: state)
    }
}
