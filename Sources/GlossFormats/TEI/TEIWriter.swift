import GlossCore

/// Writes a source as TEI P5 through libxml2's xmlTextWriter.
///
/// - `teiHeader` from the source's metadata;
/// - the text as paragraphs (`ParagraphSplitter`): PDF line breaks joined, hyphenated line breaks
///   of lower-case words joined without the hyphen, whitespace collapsed;
/// - each citation as `<ref type="bibr" target="#key">` around its text (footnote markers as
///   `<ref type="foot" target="#fnN">`), each footnote as `<note place="foot" n="N">` right after its
///   marker (its text leaves the paragraph flow);
/// - the records as `<listBibl>` of `<biblStruct xml:id="key">`;
/// - claims as standoff `<spanGrp>`/`<span from to>` between `<anchor>`s in the text, tags as
///   `<interpGrp>`/`<interp>` referenced by `@ana`, supporting citations by `@corresp`.
///
/// Every xml:id is an NCName and every `#pointer` names an element of the same document.
public struct TEIWriter: Sendable {
    public init() {}

    public static let namespace = "http://www.tei-c.org/ns/1.0"

    public func write(_ document: TEIDocument) throws(FormatError) -> String {
        var state = Builder(document)
        return try state.build()
    }
}

private struct Builder {
    let document: TEIDocument
    let scalars: [Unicode.Scalar]
    var ids = XMLIDs()
    /// Citations that get a `<ref>`: inside the text, not overlapping an earlier one.
    var citations: [TEICitation] = []
    var footnotes: [TEIFootnote] = []
    var paragraphs: [TextSpan] = []
    var events: [Slot: [Event]] = [:]
    var records: [BibRecord]
    var claims: [Claim]
    var renderedCitations = Set<CitationID>()
    var writtenAnchors = Set<String>()
    /// For each scalar: whether it belongs to a footnote text.
    var excludedMask: [Bool] = []
    var renderedNotes = Set<Int>()
    var out: XMLOutput!

    enum Slot: Hashable {
        case paragraph(Int)
        case notePart(Int, Int)
    }

    enum Action {
        case refOpen(Int)
        case refClose
        case anchor(String)
        case note(Int)
    }

    struct Event {
        var offset: Int
        /// At one offset: closing ref, end anchors, notes, start anchors, opening ref.
        var order: Int
        var action: Action
    }

    init(_ document: TEIDocument) {
        self.document = document
        scalars = Array(document.text.unicodeScalars)
        // One element per id: later duplicates of a record or claim id are dropped.
        var seen = Set<String>()
        records = document.records.sorted { $0.id < $1.id }.filter { seen.insert($0.id).inserted }
        var seenClaims = Set<String>()
        claims = document.claims.filter { seenClaims.insert($0.id).inserted }
    }

    mutating func build() throws(FormatError) -> String {
        let length = scalars.count
        // The same keys as the BibTeX, BibLaTeX and CSL-JSON exports give the records.
        for (record, key) in zip(records, BibKeys.keys(for: records)) {
            _ = ids.id("record", record.id, prefix: "ref-", onlyIfNeeded: true, spelled: key)
        }
        var numbers = Set<Int>()
        for note in document.footnotes.sorted(by: { $0.number < $1.number })
        where note.parts.allSatisfy({ $0.end <= length }) && !note.parts.isEmpty && numbers.insert(note.number).inserted {
            footnotes.append(note)
            _ = ids.id("note", String(note.number), prefix: "fn", onlyIfNeeded: true)
        }
        var lastEnd = -1
        for entry in document.citations.sorted(by: { $0.citation.span < $1.citation.span })
        where entry.citation.span.end <= length && entry.citation.span.start >= lastEnd && entry.citation.span.length > 0 {
            citations.append(entry)
            lastEnd = entry.citation.span.end
        }
        let excluded = footnotes.flatMap(\.parts)
        excludedMask = [Bool](repeating: false, count: length)
        for part in excluded { for offset in part.start..<part.end { excludedMask[offset] = true } }
        paragraphs = ParagraphSplitter.paragraphs(in: SourceText(document.text), excluding: excluded,
                                                  unbreakable: citations.map(\.citation.span))
        placeEvents()

        out = try XMLOutput()
        var rootAttributes = [("xmlns", TEIWriter.namespace)]
        if let language = document.metadata.languages.first(where: SourceDetails.isLanguageTag) {
            rootAttributes.append(("xml:lang", language))
        }
        try out.start("TEI", rootAttributes)
        try writeHeader()
        try out.newline(1)
        try out.start("text")
        try out.newline(2)
        try out.start("body")
        if paragraphs.isEmpty {
            try out.newline(3)
            try out.empty("p")
        }
        for (index, paragraph) in paragraphs.enumerated() {
            try out.newline(3)
            try out.start("p")
            try render(paragraph, skipExcluded: true, slot: .paragraph(index))
            try out.end()
        }
        try out.newline(2)
        try out.end()
        if !records.isEmpty {
            try out.newline(2)
            try out.start("back")
            try out.newline(3)
            try out.start("div", [("type", "references")])
            try out.newline(4)
            try out.start("listBibl")
            for record in records {
                try out.newline(5)
                try writeRecord(record)
            }
            try out.newline(4)
            try out.end()
            try out.newline(3)
            try out.end()
            try out.newline(2)
            try out.end()
        }
        try out.newline(1)
        try out.end()
        try writeStandOff()
        try out.newline(0)
        try out.end()
        return try out.finish()
    }

    // MARK: Events

    private mutating func placeEvents() {
        for (index, entry) in citations.enumerated() {
            let span = entry.citation.span
            guard let slot = locate(span.start), let range = range(of: slot), span.end <= range.end else { continue }
            events[slot, default: []].append(Event(offset: span.start, order: 4, action: .refOpen(index)))
            events[slot, default: []].append(Event(offset: span.end, order: 0, action: .refClose))
        }
        for (index, note) in footnotes.enumerated() {
            if let marker = note.marker, marker.end <= scalars.count,
               let slot = locate(max(marker.start, marker.end - 1), skippingNote: index), let range = range(of: slot) {
                events[slot, default: []].append(Event(offset: clamp(marker.end, range), order: 2, action: .note(index)))
            } else if let slot = paragraphSlot(note.parts[0].start), let range = range(of: slot) {
                events[slot, default: []].append(Event(offset: clamp(note.parts[0].start, range), order: 2, action: .note(index)))
            }
        }
        for claim in claims where claim.position.end <= scalars.count {
            let start = ids.id("anchor", claim.id + "-start", prefix: "claim-")
            let end = ids.id("anchor", claim.id + "-end", prefix: "claim-")
            if let slot = locate(claim.position.start), let range = range(of: slot) {
                events[slot, default: []].append(Event(offset: clamp(claim.position.start, range), order: 3, action: .anchor(start)))
            }
            if let slot = locate(max(claim.position.start, claim.position.end - 1)), let range = range(of: slot) {
                events[slot, default: []].append(Event(offset: clamp(claim.position.end, range), order: 1, action: .anchor(end)))
            }
        }
        for key in events.keys {
            events[key]!.sort { ($0.offset, $0.order) < ($1.offset, $1.order) }
        }
    }

    private func clamp(_ offset: Int, _ range: TextSpan) -> Int { min(max(offset, range.start), range.end) }

    private func range(of slot: Slot) -> TextSpan? {
        switch slot {
        case let .paragraph(index): return paragraphs[index]
        case let .notePart(note, part): return footnotes[note].parts[part]
        }
    }

    /// The paragraph or footnote part holding `offset`; offsets between paragraphs belong to the
    /// paragraph before them.
    private func locate(_ offset: Int, skippingNote skipped: Int? = nil) -> Slot? {
        for (noteIndex, note) in footnotes.enumerated() where noteIndex != skipped {
            if let part = note.parts.firstIndex(where: { $0.start <= offset && offset < $0.end }) {
                return .notePart(noteIndex, part)
            }
        }
        return paragraphSlot(offset)
    }

    private func paragraphSlot(_ offset: Int) -> Slot? {
        guard !paragraphs.isEmpty else { return nil }
        let index = paragraphs.lastIndex { $0.start <= offset } ?? 0
        return .paragraph(index)
    }

    // MARK: Text

    /// Writes the text of `range` with the events of `slot`; `skipExcluded` leaves footnote texts out.
    private mutating func render(_ range: TextSpan, skipExcluded: Bool, slot: Slot) throws(FormatError) {
        let list = events[slot] ?? []
        var next = 0
        var buffer = ""
        var started = false
        var pendingSpace = false
        var pendingBreak = false

        func flush() throws(FormatError) {
            try out.text(buffer)
            buffer = ""
        }
        var offset = range.start
        while offset <= range.end {
            while next < list.count, list[next].offset <= offset {
                if pendingSpace, started {
                    if !(pendingBreak && buffer.hasSuffix("-")) { buffer += " " }
                }
                pendingSpace = false
                pendingBreak = false
                try flush()
                try perform(list[next].action)
                started = true
                next += 1
            }
            if offset == range.end { break }
            let scalar = scalars[offset]
            let isExcluded = skipExcluded && excludedMask[offset]
            if isExcluded || scalar.properties.isWhitespace {
                if started {
                    pendingSpace = true
                    if isExcluded || scalar == "\n" { pendingBreak = true }
                }
                offset += 1
                continue
            }
            if pendingSpace {
                if pendingBreak, buffer.hasSuffix("-") {
                    let beforeHyphen = buffer.unicodeScalars.dropLast().last
                    if let beforeHyphen, beforeHyphen.properties.isLowercase, scalar.properties.isLowercase {
                        buffer.unicodeScalars.removeLast()
                    }
                } else {
                    buffer += " "
                }
                pendingSpace = false
                pendingBreak = false
            }
            buffer.unicodeScalars.append(scalar)
            started = true
            offset += 1
        }
        try flush()
    }

    private mutating func perform(_ action: Action) throws(FormatError) {
        switch action {
        case let .refOpen(index):
            let entry = citations[index]
            var attributes: [(String, String)] = []
            let marker = entry.citation.kind == .footnoteMarker ? footnoteIndex(for: entry.citation) : nil
            if let marker {
                attributes = [("type", "foot"), ("target", "#" + ids.existing("note", String(footnotes[marker].number))!)]
            } else {
                attributes = [("type", "bibr")]
                let targets = entry.recordKeys.compactMap { ids.existing("record", $0) }
                if !targets.isEmpty { attributes.append(("target", targets.map { "#" + $0 }.joined(separator: " "))) }
            }
            attributes.append(("xml:id", citationID(entry.citation)))
            renderedCitations.insert(entry.citation.id)
            try out.start("ref", attributes)
        case .refClose:
            try out.end()
        case let .anchor(id):
            try out.empty("anchor", [("xml:id", id)])
            writtenAnchors.insert(id)
        case let .note(index):
            guard renderedNotes.insert(index).inserted else { return }
            let note = footnotes[index]
            try out.start("note", [("place", "foot"), ("n", String(note.number)),
                                   ("xml:id", ids.existing("note", String(note.number))!)])
            for (partIndex, part) in note.parts.enumerated() {
                if partIndex > 0 { try out.text(" ") }
                // The number the note starts with is in @n already.
                let start = partIndex == 0 ? afterLeadingNumber(note.number, in: part) : part.start
                try render(TextSpan(start: start, end: part.end), skipExcluded: false, slot: .notePart(index, partIndex))
            }
            try out.end()
        }
    }

    /// Where the text of a footnote part begins once its leading `9 ` is skipped (if it has one and
    /// no event sits inside it).
    private func afterLeadingNumber(_ number: Int, in part: TextSpan) -> Int {
        var offset = part.start
        for digit in String(number).unicodeScalars {
            guard offset < part.end, scalars[offset] == digit else { return part.start }
            offset += 1
        }
        guard offset < part.end, scalars[offset].properties.isWhitespace else { return part.start }
        while offset < part.end, scalars[offset].properties.isWhitespace { offset += 1 }
        let slot = footnotes.firstIndex(where: { $0.number == number }).map { Slot.notePart($0, 0) }
        if let slot, (events[slot] ?? []).contains(where: { $0.offset < offset }) { return part.start }
        return offset
    }

    private func footnoteIndex(for citation: Citation) -> Int? {
        footnotes.firstIndex { $0.marker == citation.span }
            ?? citation.items.first?.ref.flatMap { number in footnotes.firstIndex { $0.number == number && $0.marker == nil } }
    }

    private mutating func citationID(_ citation: Citation) -> String {
        ids.id("citation", "cit-\(citation.span.start)-\(citation.span.end)", prefix: "cit-", onlyIfNeeded: true)
    }

    // MARK: Header

    private mutating func writeHeader() throws(FormatError) {
        let metadata = document.metadata
        let title = metadata.title ?? metadata.id.rawValue
        try out.newline(1)
        try out.start("teiHeader")
        try out.newline(2)
        try out.start("fileDesc")
        try out.newline(3)
        try out.start("titleStmt")
        try out.newline(4)
        try out.element("title", [], title)
        for author in metadata.authors {
            try out.newline(4)
            try out.element("author", [], author)
        }
        try out.newline(3)
        try out.end()
        try out.newline(3)
        try out.start("publicationStmt")
        try out.newline(4)
        try out.element("p", [], "Exported by Gloss from source \(metadata.id), revision \(metadata.revision); offsets in Gloss count Unicode code points.")
        try out.newline(3)
        try out.end()
        try out.newline(3)
        try out.start("sourceDesc")
        try out.newline(4)
        try out.start("bibl")
        try out.element("title", [], title)
        for author in metadata.authors { try out.element("author", [], author) }
        if let year = metadata.year, (1...9999).contains(year) {
            let text = String(year)
            try out.element("date", [("when", String(repeating: "0", count: 4 - text.count) + text)], text)
        }
        try out.element("idno", [("type", "sha256")], metadata.sha256)
        try out.element("note", [], "Imported from \(metadata.importedFrom) at \(metadata.importedAt).")
        try out.end()
        try out.newline(3)
        try out.end()
        try out.newline(2)
        try out.end()
        let languages = metadata.languages.filter(SourceDetails.isLanguageTag)
        if !languages.isEmpty {
            try out.newline(2)
            try out.start("profileDesc")
            try out.start("langUsage")
            for language in languages { try out.empty("language", [("ident", language)]) }
            try out.end()
            try out.end()
        }
        try out.newline(1)
        try out.end()
    }

    // MARK: Records

    private static let analyticTypes: Set<String> = [
        "article-journal", "article-newspaper", "article-magazine", "article", "review", "review-book",
        "chapter", "paper-conference", "entry-encyclopedia", "entry-dictionary", "entry",
    ]

    private mutating func writeRecord(_ record: BibRecord) throws(FormatError) {
        try out.start("biblStruct", [("xml:id", ids.existing("record", record.id)!), ("type", record.type)])
        let analytic = Self.analyticTypes.contains(record.type) && record.containerTitle != nil
        if analytic {
            try out.start("analytic")
            try names("author", record.author)
            try out.element("title", [("level", "a")], record.title ?? "")
            try out.element("idno", [("type", "DOI")], record.doi)
            try out.end()
        }
        try out.start("monogr")
        if !analytic { try names("author", record.author) }
        let level = analytic ? (record.type.hasPrefix("article") || record.type.hasPrefix("review") ? "j" : "m") : "m"
        try out.element("title", [("level", level)], (analytic ? record.containerTitle : record.title) ?? "")
        if !analytic { try out.element("idno", [("type", "DOI")], record.doi) }
        try names("editor", record.editor)
        try out.start("imprint")
        try out.element("pubPlace", [], record.publisherPlace)
        try out.element("publisher", [], record.publisher)
        try out.element("biblScope", [("unit", "volume")], record.volume)
        try out.element("biblScope", [("unit", "issue")], record.issue)
        if let page = record.page {
            try out.element("biblScope", [("unit", "page")] + pageRange(page), page)
        }
        try date(record.issued, type: nil)
        try date(record.accessed, type: "accessed")
        if record.issued == nil, record.accessed == nil, record.publisher == nil, record.publisherPlace == nil,
           record.volume == nil, record.issue == nil, record.page == nil {
            try out.empty("date")
        }
        try out.end()
        try out.end()
        if let series = record.collectionTitle {
            try out.start("series")
            try out.element("title", [("level", "s")], series)
            try out.end()
        }
        if let url = record.url {
            try out.empty("ptr", [("target", Self.uri(url))])
        }
        try out.element("note", [], record.note)
        try out.end()
    }

    private func names(_ element: String, _ names: [CSLName]?) throws(FormatError) {
        for name in names ?? [] {
            try out.start(element)
            if let literal = name.literal {
                try out.element("orgName", [], literal)
            } else {
                try out.start("persName")
                try out.element("forename", [], name.given)
                try out.element("surname", [], name.family)
                try out.end()
            }
            try out.end()
        }
    }

    private func date(_ date: CSLDate?, type: String?) throws(FormatError) {
        guard let date else { return }
        var attributes: [(String, String)] = type.map { [("type", $0)] } ?? []
        let iso = date.isoString.flatMap { Int($0.prefix(4)).map { year in year > 0 } ?? false ? $0 : nil }
        if let iso { attributes.append(("when", iso)) }
        try out.element("date", attributes, date.literal ?? iso ?? "")
    }

    private func pageRange(_ page: String) -> [(String, String)] {
        let parts = page.split(whereSeparator: { $0 == "-" || $0 == "–" }).map { String($0).trimmingWhitespace }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return [] }
        return [("from", parts[0]), ("to", parts[1])]
    }

    /// Percent-encodes what an xsd:anyURI must not contain.
    static func uri(_ raw: String) -> String {
        var out = ""
        for byte in raw.trimmingWhitespace.utf8 {
            if byte <= 0x20 || byte >= 0x7F || [UInt8(ascii: "\""), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\\"),
                                                UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}")].contains(byte) {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
            } else {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return out
    }

    // MARK: Standoff

    private mutating func writeStandOff() throws(FormatError) {
        let claims = self.claims.sorted { ($0.position, $0.id) < ($1.position, $1.id) }
            .filter { claim in
                [claim.id + "-start", claim.id + "-end"].allSatisfy { ids.existing("anchor", $0).map(writtenAnchors.contains) ?? false }
            }
        guard !claims.isEmpty else { return }
        let tags = Array(Set(claims.flatMap(\.tags))).sorted()
        try out.newline(1)
        try out.start("standOff")
        if !tags.isEmpty {
            try out.newline(2)
            try out.start("interpGrp", [("type", "tags")])
            for tag in tags {
                try out.newline(3)
                try out.element("interp", [("xml:id", ids.id("tag", tag, prefix: "tag-"))], tag)
            }
            try out.newline(2)
            try out.end()
        }
        try out.newline(2)
        try out.start("spanGrp", [("type", "claims")])
        for claim in claims {
            var attributes: [(String, String)] = [
                ("xml:id", ids.id("claim", claim.id, prefix: "claim-")),
                ("from", "#" + ids.existing("anchor", claim.id + "-start")!),
                ("to", "#" + ids.existing("anchor", claim.id + "-end")!),
                ("type", "claim"), ("subtype", claim.status.rawValue),
            ]
            let tagIDs = claim.tags.compactMap { ids.existing("tag", $0) }
            if !tagIDs.isEmpty { attributes.append(("ana", unique(tagIDs).map { "#" + $0 }.joined(separator: " "))) }
            let supporting = claim.citations.filter(renderedCitations.contains).map { "#" + citationID(for: $0) }
            if !supporting.isEmpty { attributes.append(("corresp", unique(supporting).joined(separator: " "))) }
            try out.newline(3)
            try out.start("span", attributes)
            try out.text(claim.note ?? "")
            try out.end()
        }
        try out.newline(2)
        try out.end()
        try out.newline(1)
        try out.end()
    }

    private func citationID(for id: CitationID) -> String {
        ids.existing("citation", "cit-\(id.span.start)-\(id.span.end)")!
    }
}
