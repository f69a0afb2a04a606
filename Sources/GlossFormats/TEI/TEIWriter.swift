import Foundation
import GlossCore

/// Writes a source as TEI P5 through libxml2's xmlTextWriter, keeping its text exactly.
///
/// The string value of `<text>` (its text content, as XPath's `string()` gives it) is the stored
/// text, code point for code point: `<text xml:space="preserve">` holds no indentation, line
/// breaks stay newline characters, hyphens and whitespace stay as they are. The one exception:
/// a character XML 1.0 cannot hold (a C0 control other than tab and line feed, U+FFFE, U+FFFF) is
/// written as `<g n="U+000B"/>`, which the reader turns back into the character.
///
/// - `teiHeader` from the source's metadata, with `<application ident="gloss">`;
/// - the text cut into `<p>` at blank lines (the blank lines themselves stay between the
///   paragraphs, inside `<body>`), never inside a citation;
/// - each footnote part as `<note place="foot" n="N">` where it stands in the text, continued
///   parts linked by `@next`/`@prev`; `@corresp` names the `biblStruct`s the footnote cites;
/// - each citation as `<ref type="bibr" subtype="KIND" target="#key">` over its exact span
///   (footnote markers as `<ref type="foot" target="#fnN">`);
/// - in `<standOff>`: the records as `<listBibl type="library">` (from `annotations/library.json`)
///   and `<listBibl type="derived">` (parsed from the text) of `<biblStruct xml:id="key" n="id">`;
///   claims as `<spanGrp type="claims">`/`<span from to>` between `<anchor>`s in the text, tags
///   as `<interpGrp>`/`<interp>` referenced by `@ana`, supporting citations by `@corresp`, the
///   note as the span's content; and Gloss's own state (decisions, library records with every
///   field, claim dates and quote contexts) as JSON in `<note type="gloss-state">`, which
///   `gloss add` uses to restore the source exactly.
///
/// Every xml:id is an NCName and every `#pointer` names an element of the same document. Time
/// and memory are linear in the text.
public struct TEIWriter: Sendable {
    public init() {}

    public static let namespace = "http://www.tei-c.org/ns/1.0"

    /// The `@ident` of the `<application>` that marks a Gloss export.
    public static let applicationIdent = "gloss"

    /// The version of the export's layout, its `<application @version>`.
    public static let formatVersion = "2"

    public func write(_ document: TEIDocument) throws(FormatError) -> String {
        String(decoding: try writeUTF8(document), as: UTF8.self)
    }

    /// The document as UTF-8 bytes (what `write` returns, without making a `String` of it).
    public func writeUTF8(_ document: TEIDocument) throws(FormatError) -> [UInt8] {
        var text = document.text
        let result = text.withUTF8 { bytes in
            Result { () throws(FormatError) -> [UInt8] in
                var state = Builder(document, bytes: bytes)
                return try state.build()
            }
        }
        return try result.get()
    }

    /// The code point XML 1.0 cannot hold that begins at `bytes[offset]` (valid UTF-8), to be
    /// written as `<g n="U+XXXX"/>`, with its length in bytes; nil for any other. They are C0
    /// controls other than tab, line feed and carriage return, and U+FFFE and U+FFFF (a string
    /// holds no surrogate).
    static func glyph(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (scalar: UInt32, length: Int)? {
        let byte = bytes[offset]
        if byte < 0x20 { return byte == 0x09 || byte == 0x0A || byte == 0x0D ? nil : (UInt32(byte), 1) }
        if byte == 0xEF, offset + 2 < bytes.count, bytes[offset + 1] == 0xBF, bytes[offset + 2] >= 0xBE {
            return (0xFFF0 + UInt32(bytes[offset + 2] & 0x0F), 3)
        }
        return nil
    }

    /// `U+000B` for a code point.
    static func glyphName(_ value: UInt32) -> String {
        "U+" + String(value, radix: 16, uppercase: true).leftPadded(4)
    }
}

private struct Builder {
    let document: TEIDocument
    /// The text, addressed by code points.
    var text: TEITextBytes
    var ids = XMLIDs()
    /// Citations that get a `<ref>`: inside the text, not overlapping an earlier one.
    var citations: [TEICitation] = []
    var footnotes: [TEIFootnote] = []
    var records: [BibRecord]
    var claims: [Claim]
    var renderedCitations = Set<CitationID>()
    var citationStarts = Set<Int>()
    var citationEnds = Set<Int>()
    var writtenAnchors = Set<String>()
    var out: XMLOutput!

    enum Kind {
        case paragraph
        case note(footnote: Int, part: Int)
        case ref(Int)

        /// Among elements with the same span: paragraphs outermost, notes innermost.
        var rank: Int {
            switch self {
            case .paragraph: 0
            case .ref: 1
            case .note: 2
            }
        }
    }

    struct Element {
        var span: TextSpan
        var kind: Kind
    }

    /// `bytes` are the UTF-8 bytes of `document.text`.
    init(_ document: TEIDocument, bytes: UnsafeBufferPointer<UInt8>) {
        self.document = document
        text = TEITextBytes(bytes)
        // One element per id: later duplicates of a record or claim id are dropped.
        var seen = Set<String>()
        records = document.records.sorted { $0.id < $1.id }.filter { seen.insert($0.id).inserted }
        var seenClaims = Set<String>()
        claims = document.claims.filter { seenClaims.insert($0.id).inserted }
    }

    mutating func build() throws(FormatError) -> [UInt8] {
        let length = text.count
        // The same keys as the BibTeX, BibLaTeX and CSL-JSON exports give the records.
        for (record, key) in zip(records, BibKeys.keys(for: records)) {
            _ = ids.id("record", record.id, prefix: "ref-", onlyIfNeeded: true, spelled: key)
        }
        var lastEnd = -1
        for entry in document.citations.sorted(by: { $0.citation.span < $1.citation.span })
        where entry.citation.span.end <= length && entry.citation.span.start >= lastEnd && entry.citation.span.length > 0 {
            citations.append(entry)
            citationStarts.insert(entry.citation.span.start)
            citationEnds.insert(entry.citation.span.end)
            lastEnd = entry.citation.span.end
        }
        footnotes = keptFootnotes()
        for note in footnotes {
            for index in note.parts.indices { _ = noteID(note.number, part: index) }
        }
        let elements = layout()

        // The text, an eighth for markup, and the records and state after it.
        out = try XMLOutput(capacity: text.bytes.count + text.bytes.count / 8 + (1 << 16))
        var rootAttributes = [("xmlns", TEIWriter.namespace)]
        if let language = document.metadata.languages.first(where: SourceDetails.isLanguageTag) {
            rootAttributes.append(("xml:lang", language))
        }
        try out.start("TEI", rootAttributes)
        try writeHeader()
        try out.newline(1)
        // No whitespace of ours inside <text>: its string value is the stored text.
        try out.start("text", [("xml:space", "preserve")])
        try out.start("body")
        try writeBody(elements)
        try out.end()
        try out.end()
        try writeStandOff()
        try out.newline(0)
        try out.end()
        return try out.finish()
    }

    // MARK: Layout

    /// Footnotes whose parts lie in the text, overlap no other part and nest with every citation
    /// (a part inside a citation, or a citation inside a part); one footnote per number.
    private func keptFootnotes() -> [TEIFootnote] {
        var numbers = Set<Int>()
        var taken: [TextSpan] = []
        var kept: [TEIFootnote] = []
        for note in document.footnotes.sorted(by: { $0.number < $1.number }) {
            guard !note.parts.isEmpty, note.parts.allSatisfy({ $0.length > 0 && $0.end <= text.count }),
                  !numbers.contains(note.number) else { continue }
            let parts = note.parts.sorted()
            guard zip(parts, parts.dropFirst()).allSatisfy({ $0.end <= $1.start }),
                  parts.allSatisfy({ part in !taken.contains { $0.start < part.end && part.start < $0.end } }),
                  parts.allSatisfy({ part in !citations(overlapping: part).contains { crosses($0.citation.span, part) } })
            else { continue }
            numbers.insert(note.number)
            taken += parts
            kept.append(note)
        }
        return kept
    }

    /// The kept citations that overlap `span` (they are sorted and do not overlap each other).
    private func citations(overlapping span: TextSpan) -> ArraySlice<TEICitation> {
        var low = 0
        var high = citations.count
        while low < high {
            let middle = (low + high) / 2
            if citations[middle].citation.span.end <= span.start { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < citations.count, citations[end].citation.span.start < span.end { end += 1 }
        return citations[low..<end]
    }

    /// Whether two spans overlap without one holding the other.
    private func crosses(_ a: TextSpan, _ b: TextSpan) -> Bool {
        a.start < b.end && b.start < a.end && !(a.start <= b.start && b.end <= a.end) && !(b.start <= a.start && a.end <= b.end)
    }

    /// The elements of the body, sorted so that a walk opens outer elements first: paragraphs,
    /// footnote parts and citations, properly nested.
    private mutating func layout() -> [Element] {
        var elements: [Element] = citations.indices.map { Element(span: citations[$0].citation.span, kind: .ref($0)) }
        var topNotes: [TextSpan] = []
        for (noteIndex, note) in footnotes.enumerated() {
            for (partIndex, part) in note.parts.enumerated() {
                elements.append(Element(span: part, kind: .note(footnote: noteIndex, part: partIndex)))
                if !citations(overlapping: part).contains(where: { $0.citation.span.start <= part.start && part.end <= $0.citation.span.end }) {
                    topNotes.append(part)
                }
            }
        }
        topNotes.sort()
        // Paragraphs: the stretches between top-level notes, cut at blank lines outside citations.
        var refIndex = 0
        var regionStart = 0
        for boundary in topNotes.map({ ($0.start, $0.end) }) + [(text.count, text.count)] {
            var pieceStart = regionStart
            // The walk goes code point by code point with its byte offset beside it (XML's
            // whitespace is one byte each).
            let bytes = text.bytes
            var offset = regionStart
            var byte = text.byteOffset(of: offset)
            while offset < boundary.0 {
                while refIndex < citations.count, citations[refIndex].citation.span.end <= offset { refIndex += 1 }
                let insideRef = refIndex < citations.count && citations[refIndex].citation.span.start < offset
                guard !insideRef, Self.isXMLSpace(bytes[byte]) else {
                    offset += 1
                    byte += TEITextBytes.length(lead: bytes[byte])
                    continue
                }
                var runEnd = offset
                var lineFeeds = 0
                while runEnd < boundary.0, Self.isXMLSpace(bytes[byte + runEnd - offset]),
                      !(refIndex < citations.count && citations[refIndex].citation.span.start == runEnd) {
                    if bytes[byte + runEnd - offset] == UInt8(ascii: "\n") { lineFeeds += 1 }
                    runEnd += 1
                }
                if lineFeeds >= 2 {
                    if let paragraph = paragraph(in: TextSpan(start: pieceStart, end: offset)) { elements.append(paragraph) }
                    pieceStart = runEnd
                }
                let next = max(runEnd, offset + 1)
                byte += next - offset
                offset = next
            }
            if let paragraph = paragraph(in: TextSpan(start: pieceStart, end: boundary.0)) { elements.append(paragraph) }
            regionStart = boundary.1
        }
        elements.sort { a, b in
            if a.span.start != b.span.start { return a.span.start < b.span.start }
            if a.span.end != b.span.end { return a.span.end > b.span.end }
            return a.kind.rank < b.kind.rank
        }
        return elements
    }

    /// A paragraph over `piece` without its outer XML whitespace; nil when nothing else is left.
    /// Citations start and end on their own text, so trimming never cuts one.
    private mutating func paragraph(in piece: TextSpan) -> Element? {
        var start = piece.start
        var end = piece.end
        while start < end, Self.isXMLSpace(text.leadByte(at: start)), !citationStarts.contains(start) { start += 1 }
        while end > start, Self.isXMLSpace(text.leadByte(at: end - 1)), !citationEnds.contains(end) { end -= 1 }
        return start < end ? Element(span: TextSpan(start: start, end: end), kind: .paragraph) : nil
    }

    /// The whitespace XML lets stand between elements (what RELAX NG ignores there), all ASCII:
    /// `byte` is a code point's first byte.
    static func isXMLSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    // MARK: Body

    /// One pass over the text: text runs, with elements opened and closed and anchors placed
    /// at their offsets.
    private mutating func writeBody(_ elements: [Element]) throws(FormatError) {
        var points: [(offset: Int, order: Int, id: String)] = []
        for claim in claims where claim.position.end <= text.count {
            points.append((claim.position.start, 1, ids.id("anchor", claim.id + "-start", prefix: "claim-")))
            points.append((claim.position.end, 0, ids.id("anchor", claim.id + "-end", prefix: "claim-")))
        }
        points.sort { ($0.offset, $0.order) < ($1.offset, $1.order) }
        var stack: [Int] = []
        var nextElement = 0
        var nextPoint = 0
        var offset = 0
        let length = text.count
        while true {
            var next = length
            if let top = stack.last { next = min(next, top) }
            if nextElement < elements.count { next = min(next, elements[nextElement].span.start) }
            if nextPoint < points.count { next = min(next, points[nextPoint].offset) }
            try writeText(from: offset, to: next)
            offset = next
            while let top = stack.last, top == offset {
                try out.end()
                stack.removeLast()
            }
            while nextPoint < points.count, points[nextPoint].offset == offset {
                try out.empty("anchor", [("xml:id", points[nextPoint].id)])
                writtenAnchors.insert(points[nextPoint].id)
                nextPoint += 1
            }
            while nextElement < elements.count, elements[nextElement].span.start == offset {
                try open(elements[nextElement])
                stack.append(elements[nextElement].span.end)
                nextElement += 1
            }
            if offset == length, stack.isEmpty, nextElement == elements.count, nextPoint == points.count { break }
        }
    }

    /// The text from `start` to `end` (code points) as it is, from its bytes.
    private mutating func writeText(from start: Int, to end: Int) throws(FormatError) {
        guard start < end else { return }
        let bytes = text.bytes
        let first = text.byteOffset(of: start)
        let last = text.byteOffset(of: end)
        var runStart = first
        var offset = first
        while offset < last {
            guard let glyph = TEIWriter.glyph(in: bytes, at: offset) else { offset += 1; continue }
            try out.text(UnsafeBufferPointer(rebasing: bytes[runStart..<offset]))
            try out.empty("g", [("n", TEIWriter.glyphName(glyph.scalar))])
            offset += glyph.length
            runStart = offset
        }
        try out.text(UnsafeBufferPointer(rebasing: bytes[runStart..<last]))
    }

    private mutating func open(_ element: Element) throws(FormatError) {
        switch element.kind {
        case .paragraph:
            try out.start("p")
        case let .ref(index):
            let entry = citations[index]
            var attributes: [(String, String)]
            if entry.citation.kind == .footnoteMarker, let note = footnoteIndex(for: entry.citation) {
                attributes = [("type", "foot"), ("target", "#" + noteID(footnotes[note].number, part: 0))]
            } else {
                attributes = [("type", "bibr"), ("subtype", entry.citation.kind.rawValue)]
                let targets = unique(entry.recordKeys.compactMap { ids.existing("record", $0) })
                if !targets.isEmpty { attributes.append(("target", targets.map { "#" + $0 }.joined(separator: " "))) }
            }
            attributes.append(("xml:id", citationID(entry.citation)))
            renderedCitations.insert(entry.citation.id)
            try out.start("ref", attributes)
        case let .note(noteIndex, partIndex):
            let note = footnotes[noteIndex]
            var attributes = [("place", "foot"), ("n", String(note.number)), ("xml:id", noteID(note.number, part: partIndex))]
            if partIndex > 0 { attributes.append(("prev", "#" + noteID(note.number, part: partIndex - 1))) }
            if partIndex + 1 < note.parts.count { attributes.append(("next", "#" + noteID(note.number, part: partIndex + 1))) }
            let cited = unique(note.recordKeys.compactMap { ids.existing("record", $0) })
            if partIndex == 0, !cited.isEmpty { attributes.append(("corresp", cited.map { "#" + $0 }.joined(separator: " "))) }
            try out.start("note", attributes)
        }
    }

    private mutating func noteID(_ number: Int, part: Int) -> String {
        ids.id("note", "\(number)-\(part)", prefix: "fn", onlyIfNeeded: true, spelled: part == 0 ? "fn\(number)" : "fn\(number)-\(part + 1)")
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
        try out.element("p", [], "Exported by Gloss from source \(metadata.id); offsets in Gloss count Unicode code points.")
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
        try out.element("idno", [("type", "gloss-source")], metadata.id.rawValue)
        // The one line that differs when an export is imported and exported again.
        try out.element("note", [("type", "import")], "Revision \(metadata.revision), imported from \(metadata.importedFrom) at \(metadata.importedAt).")
        try out.end()
        try out.newline(3)
        try out.end()
        try out.newline(2)
        try out.end()
        try out.newline(2)
        try out.start("encodingDesc")
        try out.newline(3)
        try out.start("projectDesc")
        try out.element("p", [], "The text content of <text> is the stored text exactly (xml:space=\"preserve\"; a character XML cannot hold is written <g n=\"U+XXXX\"/>). Citations are <ref> over their exact spans; footnotes are <note place=\"foot\"> where they stand; records, claims and Gloss's own state are in <standOff>.")
        try out.end()
        try out.newline(3)
        try out.start("appInfo")
        try out.start("application", [("ident", TEIWriter.applicationIdent), ("version", TEIWriter.formatVersion)])
        try out.element("label", [], "Gloss")
        try out.end()
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
        try out.start("biblStruct", [("xml:id", ids.existing("record", record.id)!), ("n", record.id), ("type", record.type)])
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
        try out.element("note", [("type", "genre")], record.genre)
        try out.element("note", [("type", "language")], record.language)
        try out.element("note", [("type", "year-suffix")], record.yearSuffix)
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
        guard !claims.isEmpty || !records.isEmpty || document.state != nil else { return }
        try out.newline(1)
        try out.start("standOff")
        let library = records.filter { document.libraryRecordIDs.contains($0.id) }
        let derived = records.filter { !document.libraryRecordIDs.contains($0.id) }
        for (type, list) in [("library", library), ("derived", derived)] where !list.isEmpty {
            try out.newline(2)
            try out.start("listBibl", [("type", type)])
            for record in list {
                try out.newline(3)
                try writeRecord(record)
            }
            try out.newline(2)
            try out.end()
        }
        let tags = Array(Set(claims.flatMap(\.tags))).sorted()
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
        if !claims.isEmpty {
            try out.newline(2)
            try out.start("spanGrp", [("type", "claims")])
            for claim in claims {
                var attributes: [(String, String)] = [
                    ("xml:id", ids.id("claim", claim.id, prefix: "claim-")), ("n", claim.id),
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
        }
        if let state = document.state {
            try out.newline(2)
            try out.start("listAnnotation", [("type", "gloss-state")])
            try out.newline(3)
            try out.element("note", [("type", "gloss-state")], try Self.json(state))
            try out.newline(2)
            try out.end()
        }
        try out.newline(1)
        try out.end()
    }

    /// The state as one line of JSON with sorted keys (the same bytes for the same state).
    static func json(_ state: TEIGlossState) throws(FormatError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(state), as: UTF8.self)
        } catch {
            throw .encoding("Gloss's state: \(error)")
        }
    }

    private func citationID(for id: CitationID) -> String {
        ids.existing("citation", "cit-\(id.span.start)-\(id.span.end)")!
    }
}
