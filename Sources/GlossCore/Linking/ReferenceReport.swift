/// A record of one source with the citations linked to it — a line of `gloss refs`.
public struct RecordCitations: Codable, Sendable, Hashable {
    public enum Origin: String, Codable, Sendable {
        case footnote, referenceList = "reference-list", stub, library
    }

    public var record: BibRecord
    public var origin: Origin
    /// The resolutions linking a citation item to this record (or listing it as a candidate).
    public var citations: [CitationResolution]
}

/// The references of one source: its records with their citations, and the items that found no
/// record or several.
public struct SourceReferences: Codable, Sendable, Hashable {
    public var source: SourceID
    public var records: [RecordCitations]
    public var unresolved: [CitationResolution]
    public var ambiguous: [CitationResolution]
}

/// Builds what `gloss refs` shows from a source's citations (from the scanner, plus manual ones),
/// its footnote texts, its stored text (for the reference list), its annotations and the library.
public enum ReferenceReport {
    /// The references of one source. `citations` should already include the source's manual
    /// citations; rejected ones are kept out of the records.
    public static func references(source: SourceID, text: String, citations: [Citation], footnotes: [FootnoteText],
                                  annotations: SourceAnnotations?, library: [BibRecord]) -> (SourceReferences, SourceBibliography, SourceResolution) {
        let list = ReferenceListSegmenter.segment(text)
        let bibliography = SourceBibliography.build(source: source, footnotes: footnotes, list: list, taken: Set(library.map(\.id)))
        let resolution = CitationResolver.resolve(.init(source: source, citations: citations, footnotes: bibliography.footnotes,
                                                        referenceList: bibliography.referenceList, library: library,
                                                        annotations: annotations))
        var entries: [RecordCitations] = []
        var index: [String: Int] = [:]
        func add(_ record: BibRecord, _ origin: RecordCitations.Origin) {
            guard index[record.id] == nil else { return }
            index[record.id] = entries.count
            entries.append(RecordCitations(record: record, origin: origin, citations: []))
        }
        let listed = Set(bibliography.referenceList.map(\.record.id))
        for record in bibliography.records { add(record, listed.contains(record.id) ? .referenceList : .footnote) }
        for stub in resolution.stubs { add(stub, .stub) }
        let libraryByKey = Dictionary(library.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for item in resolution.resolutions where item.status == .linked || item.status == .ambiguous {
            for key in item.records {
                if index[key] == nil, let record = libraryByKey[key] { add(record, .library) }
                guard let position = index[key] else { continue }
                var own = item
                own.locator = item.locator(for: key)
                entries[position].citations.append(own)
            }
        }
        let report = SourceReferences(source: source, records: entries,
                                      unresolved: resolution.resolutions.filter { $0.status == .unresolved },
                                      ambiguous: resolution.resolutions.filter { $0.status == .ambiguous })
        return (report, bibliography, resolution)
    }

    /// The works cited across sources (`gloss refs --works`): the same work in several sources is
    /// one work, listing its sources and locators.
    public static func works(_ sources: [(SourceBibliography, SourceResolution)], library: [BibRecord]) -> [Work] {
        var records = library.map { ScopedRecord(source: nil, record: $0) }
        for (bibliography, resolution) in sources {
            records += bibliography.records.map { ScopedRecord(source: resolution.source, record: $0) }
            records += resolution.stubs.map { ScopedRecord(source: resolution.source, record: $0) }
        }
        return WorkGrouping.group(records: records, resolutions: sources.map(\.1))
            .filter { !$0.citations.isEmpty || $0.records.contains { $0.source == nil } }
    }
}
