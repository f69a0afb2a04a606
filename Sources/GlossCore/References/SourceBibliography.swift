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

/// A work a footnote cites, with the page the footnote gives (`s. 59-61` in `Age, s. 59-61.`).
public struct FootnoteReference: Sendable, Hashable {
    public var record: BibRecord
    public var locator: String?

    public init(record: BibRecord, locator: String? = nil) {
        self.record = record
        self.locator = locator
    }
}

/// The records a source holds, from its footnotes and its reference list: parsed, ibid and short
/// forms followed to their works, keys made unique, provenance set.
public struct SourceBibliography: Sendable, Hashable {
    /// The full records, in document order, each once.
    public var records: [BibRecord]
    /// The works each footnote cites, by footnote number (not the abbreviated forms), with the
    /// footnote's own locators.
    public var footnotes: [Int: [FootnoteReference]]
    /// The reference-list records with their numbers.
    public var referenceList: [ListedRecord]
    /// Every footnote reference with what it repeats.
    public var chains: [ResolvedReference]

    /// Builds the bibliography of `source`; keys avoid `taken` (e.g. the library's keys).
    public static func build(source: SourceID, footnotes: [FootnoteText], list: ReferenceList?, taken: Set<String> = []) -> SourceBibliography {
        var used = taken
        func key(_ record: BibRecord) -> String {
            let key = CitationKey.unique(record.id.isEmpty ? CitationKeyGenerator.baseKey(for: record) : record.id, taken: used)
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
        var cited: [Int: [(index: Int, locator: String?)]] = [:]
        var locators: [Int: [String]] = [:]
        for item in chains {
            guard let work = item.work, let index = byPosition[work] else { continue }
            cited[item.position.entry, default: []].append((index, item.locator))
            if let locator = item.locator, !(locators[index] ?? []).contains(locator) { locators[index, default: []].append(locator) }
        }
        for (index, list) in locators { records[index].custom?.citedLocators = list }
        // The footnote map carries the records with their cited locators filled in.
        let footnoteRecords = cited.mapValues { $0.map { FootnoteReference(record: records[$0.index], locator: $0.locator) } }

        var listed: [ListedRecord] = []
        for entry in list?.entries ?? [] {
            // Every entry becomes a record, with its text as written; one that could not be read is marked.
            var record = ReferenceParser.parseListEntry(entry.text) ?? BibRecord(id: "", type: "document")
            let readable = (record.author != nil || record.editor != nil || record.issued != nil)
                && (record.title != nil || record.containerTitle != nil)
            if !readable, record.id.isEmpty { record.id = "entry\(entry.number.map(String.init) ?? "")" }
            record.id = key(record)
            record.custom = BibRecord.Custom(provenance: [RecordProvenance(source: source, span: entry.span)])
            record.custom?.rawText = entry.text
            if !readable { record.custom?.unparsed = true }
            records.append(record)
            listed.append(ListedRecord(number: entry.number, record: record))
        }
        return SourceBibliography(records: records, footnotes: footnoteRecords, referenceList: listed, chains: chains)
    }
}
