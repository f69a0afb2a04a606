/// The text of one footnote, as the footnote segmenter gives it.
public struct FootnoteText: Sendable, Hashable {
    public var number: Int
    /// Where it stands in the stored text (for a split footnote, its outer bounds).
    public var span: TextSpan?
    public var text: String

    public init(number: Int, span: TextSpan?, text: String) {
        self.number = number
        self.span = span
        self.text = text
    }
}

/// The records a source holds, from its footnotes and its reference list: parsed, ibid and short
/// forms followed to their works, keys made unique, provenance set.
public struct SourceBibliography: Sendable, Hashable {
    /// The full records, in document order, each once.
    public var records: [BibRecord]
    /// The records each footnote cites, by footnote number (works, not the abbreviated forms).
    public var footnotes: [Int: [BibRecord]]
    /// The reference-list records with their numbers.
    public var referenceList: [ListedRecord]
    /// Every footnote reference with what it repeats.
    public var chains: [ResolvedReference]

    /// Builds the bibliography of `source`; keys avoid `taken` (e.g. the library's keys).
    public static func build(source: SourceID, footnotes: [FootnoteText], list: ReferenceList?, taken: Set<String> = []) -> SourceBibliography {
        var used = taken
        func key(_ record: BibRecord) -> String {
            let key = CitationKey.unique(record.id.isEmpty ? CitationKey.make(for: record) : record.id, taken: used)
            used.insert(key)
            return key
        }

        let entries = footnotes.map { footnote -> ParsedEntry in
            var entry = ReferenceParser.parse(footnote.text)
            entry.number = footnote.number
            return entry
        }
        let chains = FootnoteChainResolver.resolve(entries)
        let spans = Dictionary(footnotes.map { ($0.number, $0.span) }, uniquingKeysWith: { a, _ in a })
        var records: [BibRecord] = []
        var byPosition: [ReferencePosition: Int] = [:]
        for item in chains where item.reference.form == .full {
            var record = item.reference.record
            record.id = key(record)
            record.custom = BibRecord.Custom(provenance: [RecordProvenance(source: source, span: spans[item.position.entry] ?? nil)])
            byPosition[item.position] = records.count
            records.append(record)
        }
        var cited: [Int: [BibRecord]] = [:]
        var locators: [Int: [String]] = [:]
        for item in chains {
            guard let work = item.work, let index = byPosition[work] else { continue }
            cited[item.position.entry, default: []].append(records[index])
            if let locator = item.locator, !(locators[index] ?? []).contains(locator) { locators[index, default: []].append(locator) }
        }
        for (index, list) in locators { records[index].custom?.citedLocators = list }
        // The footnote map carries the records with their cited locators filled in.
        let final = Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0) })
        let footnoteRecords = cited.mapValues { $0.compactMap { final[$0.id] } }

        var listed: [ListedRecord] = []
        for entry in list?.entries ?? [] {
            guard var record = ReferenceParser.parse(entry.text).references.first?.record else { continue }
            record.id = key(record)
            record.custom = BibRecord.Custom(provenance: [RecordProvenance(source: source, span: entry.span)])
            records.append(record)
            listed.append(ListedRecord(number: entry.number, record: record))
        }
        return SourceBibliography(records: records, footnotes: footnoteRecords, referenceList: listed, chains: chains)
    }
}
