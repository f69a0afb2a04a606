/// Finds the in-text citations of a text: parenthetical author-date, narrative, numeric brackets and
/// footnote markers, and the footnote texts the markers point to.
///
/// One pass over the UTF-8 bytes collects the places worth a closer look (`(`, `[`, digits glued to a
/// word or punctuation); only those are read, through a ``NormalizedText`` view of their
/// surroundings, so that line breaks, blank lines, hyphenated breaks and page furniture do not
/// defeat the parsers. Every span is an exact code-point span of the stored text. Footnote texts are
/// references, not in-text citations: nothing inside them is reported as a citation.
public enum CitationScanner {
    /// Changes whenever the scanner's results can change; caches of detections are keyed by it.
    public static let version = "scanner-12"

    /// The longest parenthesis read, in stored bytes.
    static let maxParenthesisBytes = 400
    /// The longest square bracket read as reference numbers, in stored bytes (author-date ones may
    /// be as long as a parenthesis).
    static let maxBracketBytes = 120
    /// The longest author-page parenthesis read (`(Smith and Jones, "Short Title" 12–15)`), in stored bytes.
    static let maxAuthorPageBytes = 200
    /// How far before a year-only parenthesis the author of a narrative citation is looked for.
    static let narrativeLookBehindBytes = 240

    /// Scans `text`, the stored text of `source`.
    public static func scan(_ text: SourceText, source: SourceID, footnoteAreas: [TextSpan] = []) -> CitationScan {
        scan(utf8: text.utf8, source: source, footnoteAreas: footnoteAreas)
    }

    /// Scans the UTF-8 bytes of a stored text (which must be valid UTF-8, as stored texts are).
    public static func scan(utf8: [UInt8], source: SourceID, footnoteAreas: [TextSpan] = []) -> CitationScan {
        utf8.withUnsafeBufferPointer { scan(utf8: $0, source: source, footnoteAreas: footnoteAreas) }
    }

    /// Scans the UTF-8 bytes of a stored text where they lie (a mapped file, say); they must be
    /// valid UTF-8, as stored texts are. `footnoteAreas` are where the layout of a PDF's pages put
    /// footnotes (``FootnoteAreas``, recorded with the revision), code-point spans in order.
    public static func scan(utf8: UnsafeBufferPointer<UInt8>, source: SourceID, footnoteAreas: [TextSpan] = []) -> CitationScan {
        var scanner = Pass(bytes: utf8, source: source, footnoteAreas: footnoteAreas)
        return scanner.run()
    }

    /// What `scan(utf8:source:footnoteAreas:)` finds, its citations as `gloss cites --format jsonl`
    /// lines (``CitationJSONLine``): written straight from the stored bytes, without a `Citation`
    /// (and a `String` of its text) for each.
    public static func scanLines(utf8: UnsafeBufferPointer<UInt8>, source: SourceID, footnoteAreas: [TextSpan] = []) -> CitationLines {
        var scanner = Pass(bytes: utf8, source: source, footnoteAreas: footnoteAreas)
        return scanner.runLines()
    }

    /// A citation found, in stored bytes. (A struct rather than a tuple: arrays of tuples holding
    /// an array are destroyed through a slow generic path.)
    private struct Detection {
        var range: Range<Int>
        var kind: CitationKind
        var items: [CitationItem]
        var malformed: Bool
        /// Where the author of a year-only parenthesis stands, when it is not inside the span.
        var authorRange: Range<Int>?

        init(_ range: Range<Int>, _ kind: CitationKind, _ items: [CitationItem], malformed: Bool = false, authorRange: Range<Int>? = nil) {
            (self.range, self.kind, self.items, self.malformed, self.authorRange) = (range, kind, items, malformed, authorRange)
        }

        /// The items, the first with the code-point span of its author when it stands apart.
        func items(_ scalars: ScalarOffsets) -> [CitationItem] {
            guard let authorRange, !items.isEmpty else { return items }
            var items = items
            items[0].authorSpan = scalars.span(authorRange)
            return items
        }
    }

    private struct Pass {
        let bytes: UnsafeBufferPointer<UInt8>
        let source: SourceID
        /// The footnote areas of the page bottoms, as UTF-8 ranges.
        let footnoteAreas: [Range<Int>]
        var furniture: PageFurniture?
        var furnitureComputed = false
        /// The normalised view of the parenthesis or bracket being read, and its scalars (room for
        /// the longest): reused, so that reading one allocates nothing.
        var normalized = NormalizedText()
        var scalars = [Unicode.Scalar](repeating: " ", count: max(maxParenthesisBytes, maxBracketBytes))
        /// Whether the text ends with a numbered reference list: then `(9)`, `(1, 2)` and `(15, с. 155)`
        /// in round brackets cite its entries.
        var numberedList = false
        /// Where the reference list starts (the text's length when it has none).
        var referenceList = 0
        /// The works of the reference list, read the first time a citation needs them.
        var listedWorks: ListedWorks??
        /// The first words of the reference list's lines (``AuthorPageParenthesis/entryOpenings(_:list:)``).
        var entryOpenings: Set<[UInt8]>?

        init(bytes: UnsafeBufferPointer<UInt8>, source: SourceID, footnoteAreas: [TextSpan]) {
            self.bytes = bytes
            self.source = source
            self.footnoteAreas = Self.utf8Ranges(footnoteAreas, in: bytes)
        }

        /// Code-point spans (in order) as UTF-8 ranges of `bytes`; spans past the end are dropped.
        static func utf8Ranges(_ spans: [TextSpan], in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
            guard !spans.isEmpty else { return [] }
            var out: [Range<Int>] = []
            var scalar = 0
            var start: Int?
            var next = spans.makeIterator()
            var span = next.next()
            for i in 0...bytes.count {
                // A scalar begins at every byte that is not a continuation byte.
                guard i == bytes.count || bytes[i] & 0xC0 != 0x80 else { continue }
                while let current = span {
                    if start == nil, scalar == current.start { start = i }
                    guard let from = start, scalar == current.end else { break }
                    out.append(from..<i)
                    start = nil
                    span = next.next()
                }
                scalar += 1
            }
            return out
        }

        /// Finds the citations, footnotes and reference list of the text.
        private mutating func detect() -> Found {
            let landmarks = ScanLandmarks(bytes)
            let (parentheses, brackets, candidates) = (landmarks.parentheses, landmarks.brackets, landmarks.candidates)
            let (newlines, referenceList, count) = (landmarks.newlines, landmarks.referenceList, bytes.count)

            let found = candidates.isEmpty ? [] : FootnoteSegmenter.segment(bytes, newlines: newlines, digitLines: landmarks.digitLines,
                                                                                          markerCandidates: candidates, areas: footnoteAreas)
            // Footnote parts are disjoint and in text order.
            var regions = found.flatMap(\.parts).sorted { $0.lowerBound < $1.lowerBound }
            if referenceList < count {
                regions = regions.filter { $0.upperBound <= referenceList } + [referenceList..<count]
            }
            let footnoteStarts = FootnoteMarkerDetector.FootnoteStarts(found)

            var citations: [Detection] = []
            var markers: [FootnoteMarkerDetector.Candidate] = []
            if !found.isEmpty {
                var walk = RegionWalk(regions)
                let outside = FootnoteMarkerDetector.onNotePages(candidates.filter { !walk.contains($0.range.lowerBound) },
                                                                 footnotes: found, areas: footnoteAreas)
                markers = FootnoteMarkerDetector.select(outside, footnoteStarts: footnoteStarts)
                markers = SpacedFootnoteMarkers.adding(to: markers, bytes: bytes, numbers: found.map(\.number),
                                                       footnoteStarts: footnoteStarts, regions: regions)
            } else if referenceList == count {
                var walk = RegionWalk(regions)
                markers = FootnoteMarkerDetector.selectWithoutTexts(candidates.filter { !walk.contains($0.range.lowerBound) })
            }
            for marker in markers {
                citations.append(Detection(marker.range, .footnoteMarker, [CitationItem(ref: marker.number)]))
            }
            numberedList = referenceList < count && Self.opensNumberedList(bytes, after: referenceList)
            self.referenceList = referenceList
            var walk = RegionWalk(regions)
            for p in parentheses where !walk.contains(p) {
                if let citation = parenthetical(at: p) { citations.append(citation) }
            }
            walk = RegionWalk(regions)
            for p in brackets where !walk.contains(p) {
                if let citation = numeric(at: p) { citations.append(citation) }
            }
            if referenceList < count {
                walk = RegionWalk(regions)
                for candidate in BareAuthorDate.candidates(bytes, in: 0..<referenceList) where !walk.contains(candidate.comma) {
                    guard let citation = bareAuthorDate(candidate) else { continue }
                    citations.append(citation)
                }
            }

            if referenceList < count { citations = authorPageStyle(citations, regions: regions) }

            citations.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
            var kept: [Detection] = []
            var lastEnd = -1
            for citation in citations where citation.range.lowerBound >= lastEnd {
                kept.append(citation)
                lastEnd = citation.range.upperBound
            }
            let scalars = ScalarOffsets(bytes, counts: landmarks.scalarCounts)
            let span = scalars.span
            // The marker of each footnote, by number (a later marker of the same number wins).
            var markerOf = [Range<Int>?](repeating: nil, count: (markers.map(\.number).max() ?? -1) + 1)
            for marker in markers { markerOf[marker.number] = marker.range }
            let footnotes = found.map { footnote in
                var text = CollapsedWhitespace.joined(bytes, parts: footnote.parts)
                // A number glued to its text (a superscript mark in a PDF) is set apart, as written elsewhere.
                if let digits = text.firstIndex(where: { !ScanBytes.isDigit($0) }), text[digits] != ScanBytes.space {
                    text.insert(ScanBytes.space, at: digits)
                }
                let forms = text.withUnsafeBufferPointer(FootnoteForms.forms)
                return Footnote(number: footnote.number, parts: footnote.parts.map(span), text: String(decoding: text, as: UTF8.self),
                                isIbid: forms.isIbid, isShortForm: forms.isShortForm,
                                marker: footnote.number < markerOf.count ? markerOf[footnote.number].map(span) : nil)
            }
            let list = referenceList < count ? span(referenceList..<count) : nil
            return Found(citations: kept, scalars: scalars, footnotes: footnotes, referenceList: list)
        }

        mutating func run() -> CitationScan {
            let found = detect()
            let citations = found.citations.map { citation in
                Citation(source: source, span: found.scalars.span(citation.range),
                         text: String(decoding: UnsafeBufferPointer(rebasing: bytes[citation.range]), as: UTF8.self),
                         kind: citation.kind, items: citation.items(found.scalars), malformed: citation.malformed)
            }
            return CitationScan(citations: citations, footnotes: found.footnotes, referenceList: found.referenceList)
        }

        mutating func runLines() -> CitationLines {
            let found = detect()
            var room = 0
            for citation in found.citations {
                room += CitationJSONLine.room(source: source, textLength: citation.range.count, items: citation.items)
            }
            var out = JSONBytes(capacity: room)
            var last: CitationJSONLine.SourceWritten?
            for citation in found.citations {
                CitationJSONLine.append(source: source, span: found.scalars.span(citation.range), text: UnsafeBufferPointer(rebasing: bytes[citation.range]),
                                        kind: citation.kind, items: citation.items(found.scalars), malformed: citation.malformed, to: &out, last: &last)
                out.byte(ScanBytes.newline)
            }
            return CitationLines(lines: out.finish(), footnotes: found.footnotes, referenceList: found.referenceList)
        }

        /// The citations kept (in stored bytes, in text order), the footnotes and the reference list.
        private struct Found {
            var citations: [Detection]
            var scalars: ScalarOffsets
            var footnotes: [Footnote]
            var referenceList: TextSpan?
        }

        /// Makes `normalized` the normalised view of `range`. Page furniture is only looked for (once
        /// per text) when `skipFurniture` and the range holds a whole line, the only way furniture
        /// can sit inside it.
        private mutating func view(_ range: Range<Int>, skipFurniture: Bool = true) {
            let holdsLine = skipFurniture && holdsWholeLine(range)
            if holdsLine, !furnitureComputed {
                furniture = PageFurniture(utf8: bytes)
                furnitureComputed = true
            }
            normalized.normalize(bytes, range: range, furniture: holdsLine ? furniture : nil)
        }

        /// `read` applied to the scalars of `normalized`.
        private mutating func readView<Result>(_ read: (LocatorParser.Scalars) -> Result) -> Result {
            normalized.bytes.withUnsafeBufferPointer { Self.read($0, decodingInto: &scalars, read) }
        }

        /// `read` applied to the scalars of the normalised view of the content of `enclosure`, read
        /// straight from the stored bytes when they are their own view.
        private mutating func readView<Result>(of enclosure: Enclosure, _ read: (LocatorParser.Scalars) -> Result) -> Result {
            guard enclosure.verbatim else {
                view(enclosure.content)
                return readView(read)
            }
            return Self.read(UnsafeBufferPointer(rebasing: bytes[enclosure.content]), decodingInto: &scalars, read)
        }

        /// `read` applied to the scalars of `utf8`, decoded into `scalars`.
        private static func read<Result>(_ utf8: UnsafeBufferPointer<UInt8>, decodingInto scalars: inout [Unicode.Scalar],
                                         _ read: (LocatorParser.Scalars) -> Result) -> Result {
            // A scalar takes at least a byte.
            precondition(utf8.count <= scalars.count, "a view longer than the scalar buffer")
            return scalars.withUnsafeMutableBufferPointer { scalars in
                var count = 0
                NormalizedText.forEachScalar(in: utf8) { scalar, _ in
                    scalars[count] = scalar
                    count += 1
                }
                return read(LocatorParser.Scalars(rebasing: scalars[0..<count]))
            }
        }

        /// Where the paragraph of the text before `p` starts (after its last blank line, not counting
        /// the white space right before `p`, which a page break may leave), or `start` when no blank
        /// line comes between them.
        private func paragraphStart(before p: Int, notBefore start: Int) -> Int {
            var sawNewline = false
            var k = p - 1
            while k >= start, ScanBytes.isSpace(bytes[k]) { k -= 1 }
            while k >= start {
                if bytes[k] == ScanBytes.newline {
                    if sawNewline { return k + 1 }
                    sawNewline = true
                } else if !ScanBytes.isSpace(bytes[k]) {
                    sawNewline = false
                }
                k -= 1
            }
            return start
        }

        /// Whether some line lies wholly inside `range` (content between two line feeds).
        private func holdsWholeLine(_ range: Range<Int>) -> Bool {
            var newlines = 0
            var contentSinceNewline = false
            for k in range {
                let b = bytes[k]
                if b == ScanBytes.newline {
                    if newlines > 0, contentSinceNewline { return true }
                    newlines += 1
                    contentSinceNewline = false
                } else if !ScanBytes.isSpace(b) {
                    contentSinceNewline = true
                }
            }
            return false
        }

        /// A parenthesis or bracket as one look at its bytes finds it.
        struct Enclosure {
            /// The bytes between the opening and the closing byte.
            var content: Range<Int>
            /// Whether the content holds a digit or a full stop: every citation does (`n.d.` and
            /// `t.y.` have no digit), so the parsers are spared the acronyms and glosses.
            var mayCite: Bool
            /// Whether the content holds no line break, tab or run of spaces: its own normalised view.
            var verbatim: Bool
        }

        /// The enclosure opened at `open` and closed by the byte `closing` before `limit`; nil when a
        /// byte that `interrupts` comes first, or `.some(nil)` when neither comes.
        @inline(__always)
        private func enclosure(openedAt open: Int, limit: Int, closedBy closing: UInt8,
                               interruptedBy interrupts: (UInt8) -> Bool) -> Enclosure?? {
            var mayCite = false
            var verbatim = true
            var previous: UInt8 = 0
            var k = open + 1
            while k < limit {
                let b = bytes[k]
                if b == closing { return Enclosure(content: (open + 1)..<k, mayCite: mayCite, verbatim: verbatim) }
                if interrupts(b) { return nil }
                if ScanBytes.isDigit(b) || b == ScanBytes.period {
                    mayCite = true
                } else if b == ScanBytes.newline || b == ScanBytes.tab || b == ScanBytes.carriageReturn
                            || b == ScanBytes.space && previous == ScanBytes.space {
                    verbatim = false
                }
                previous = b
                k += 1
            }
            return .some(nil)
        }

        private mutating func parenthetical(at p: Int) -> Detection? {
            let limit = min(bytes.count, p + maxParenthesisBytes)
            guard let found = enclosure(openedAt: p, limit: limit, closedBy: ScanBytes.closeParen,
                                        interruptedBy: { $0 == ScanBytes.openParen }) else { return nil }
            guard let found else { return unclosed(at: p, limit: limit) }
            guard found.mayCite || Self.endsUndated(bytes, found.content) else { return authorPage(found, at: p) }
            let close = found.content.upperBound
            switch readView(of: found, ParentheticalCitationParser.read) {
            case let .citation(items)?:
                return Detection(p..<(close + 1), .parenthetical, items)
            case let .malformed(item)?:
                // `(Smith, "Short Title" 12)` is well formed where the list holds Smith's works.
                return authorPage(found, at: p) ?? Detection(p..<(close + 1), .parenthetical, [item], malformed: true)
            case let .yearOnly(item)?:
                return narrative(item, at: p, close: close)
            case nil:
                return numericInParentheses(found, at: p) ?? authorPage(found, at: p)
            }
        }

        /// MLA's author-page citations, without a year (`(Smith 12)`, `(Smith and Jones)`): only
        /// for names of the works of the reference list (see ``AuthorPageParenthesis``).
        private mutating func authorPage(_ found: Enclosure, at p: Int) -> Detection? {
            let content = found.content
            guard referenceList < bytes.count, content.count <= maxAuthorPageBytes,
                  let first = content.first(where: { !ScanBytes.isSpace(bytes[$0]) }) else { return nil }
            // The first word opens an entry of the list (a prefix such as `see` may come before it).
            if entryOpenings == nil { entryOpenings = AuthorPageParenthesis.entryOpenings(bytes, list: referenceList..<bytes.count) }
            var word = AuthorPageParenthesis.firstWord(bytes, from: first, limit: content.upperBound)
            if word.count == 3, bytes[word].elementsEqual("see".utf8) {
                word = AuthorPageParenthesis.firstWord(bytes, from: word.upperBound + 1, limit: content.upperBound)
            }
            guard !word.isEmpty, entryOpenings!.contains(Array(bytes[word])),
                  let works = works(),
                  let items = readView(of: found, { AuthorPageParenthesis.read($0, listed: { works.lists(author: $0) }) })
            else { return nil }
            return Detection(p..<(content.upperBound + 1), .parenthetical, items)
        }

        /// A year-only parenthesis or bracket opened at `p` and closed at `close` (`Smith (2020)`,
        /// `Иванов [2005]`): a narrative citation when its author stands right before it, or (for a
        /// parenthesis) earlier in the sentence. A square bracket (`bracket`) needs its author right
        /// before it and listed with that year in the reference list: `Kant's Critique [1781]` gives
        /// an original date, `Иванов [2005]` cites.
        private mutating func narrative(_ item: CitationItem, at p: Int, close: Int, bracket: Bool = false) -> Detection? {
            var start = max(0, p - narrativeLookBehindBytes)
            while start > 0, ScanBytes.isContinuation(bytes[start]) { start -= 1 }
            // The author right before the parenthesis stands in its paragraph (not in a heading
            // above it). Furniture matters only if a whole line separates the author from the parenthesis.
            let paragraph = paragraphStart(before: p, notBefore: start)
            view(paragraph..<p, skipFurniture: false)
            var found = NarrativeCitationDetector.author(endingAt: normalized)
            if let author = found, holdsWholeLine(normalized.origin[author.start]..<p) {
                view(paragraph..<p)
                found = NarrativeCitationDetector.author(endingAt: normalized)
            }
            var narrativeItem = item
            if var found {
                // `Eğilmez, Kumcu [2020]`: GOST joins two authors with a comma alone; the names before
                // the comma are taken when the reference list holds the work under all of them.
                if CommaJoinedAuthors.mayExtend(found, in: normalized), let works = works(), let year = item.year,
                   !works.lists(author: found.author, year: year),
                   let longer = CommaJoinedAuthors.extend(found, in: normalized, listed: { works.lists(author: $0, year: year) }) {
                    found = longer
                }
                if bracket {
                    guard let works = works(), works.lists(author: found.author, year: item.year ?? "") else { return nil }
                }
                narrativeItem.author = found.author
                return Detection(normalized.origin[found.start]..<(close + 1), .narrative, [narrativeItem])
            }
            guard !bracket else { return nil }
            // The author named earlier in the sentence: the span is the parenthesis.
            view(start..<p)
            let listed = works().map { works in { (author: String) in works.lists(author: author, year: item.year ?? "") } }
            guard let distant = SentenceAuthor.author(before: normalized, listed: listed) else { return nil }
            narrativeItem.author = distant.author
            return Detection(p..<(close + 1), .narrative, [narrativeItem], authorRange: normalized.storedRange(of: distant.bytes))
        }

        /// A name, a comma and a year in running text that cite a work of the reference list (`See DeLano, 2002`).
        private mutating func bareAuthorDate(_ candidate: BareAuthorDate.Candidate) -> Detection? {
            guard let works = works() else { return nil }
            var start = max(0, candidate.comma - 160)
            while start > 0, ScanBytes.isContinuation(bytes[start]) { start -= 1 }
            view(paragraphStart(before: candidate.comma, notBefore: start)..<candidate.comma, skipFurniture: false)
            let year = String(decoding: UnsafeBufferPointer(rebasing: bytes[candidate.year]), as: UTF8.self)
            guard let found = BareAuthorDate.author(endingAt: normalized, year: year, works: works) else { return nil }
            return Detection(normalized.origin[found.start]..<candidate.year.upperBound, .parenthetical,
                             [CitationItem(author: found.author, year: year)])
        }

        /// `found` as a text that cites by author and page (MLA) or not leaves it: in such a text
        /// (``AuthorMentions/citesByAuthorAndPage(yearless:dated:)``) the authors named in running text
        /// (`As Kappas shows`) are added where no other citation stands; in a text with as many items
        /// with a year as without, a bare name in parentheses (`(Kappas)`, neither page nor title) is
        /// dropped, as a name given in passing, unless the list's work by that name has no year.
        private mutating func authorPageStyle(_ found: [Detection], regions: [Range<Int>]) -> [Detection] {
            var (yearless, dated) = (0, 0)
            for detection in found where detection.kind == .parenthetical || detection.kind == .narrative {
                for item in detection.items where item.author != nil {
                    if item.year == nil { yearless += 1 } else { dated += 1 }
                }
            }
            guard AuthorMentions.citesByAuthorAndPage(yearless: yearless, dated: dated), let works = works() else {
                // Fewer items without a year than with one: an author-date text, where a work is cited
                // by its author alone only when the list gives it no year.
                guard yearless > 0, yearless <= dated else { return found }
                let works = works()
                return found.filter { detection in
                    detection.kind != .parenthetical || detection.malformed
                        || !detection.items.allSatisfy { $0.author != nil && $0.year == nil && $0.locator == nil && $0.titleFragment == nil }
                        || detection.items.allSatisfy { works?.lists(author: $0.author!, undated: true) == true }
                }
            }
            let openings = entryOpenings ?? AuthorPageParenthesis.entryOpenings(bytes, list: referenceList..<bytes.count)
            var walk = RegionWalk(regions)
            return found + AuthorMentions.mentions(bytes, in: 0..<referenceList, openings: openings, listed: { works.lists(author: $0) })
                .filter { mention in !walk.contains(mention.range.lowerBound) && !found.contains { $0.range.overlaps(mention.range) } }
                .map { Detection($0.range, .narrative, [CitationItem(author: $0.author)]) }
        }

        /// The works of the reference list, or nil when the text has no list with authors and years.
        private mutating func works() -> ListedWorks? {
            if listedWorks == nil {
                let works = referenceList < bytes.count ? ListedWorks(utf8: bytes) : nil
                listedWorks = .some(works.flatMap { $0.isEmpty ? nil : $0 })
            }
            return listedWorks!
        }

        /// Reference numbers in round brackets: `(9)`, `(1; 2)` in a text with a numbered reference list,
        /// and `(15, с. 155)`, `(45, s.9; 62, s.30-31)` (every number with its page) in any text. Not an
        /// enumeration `(1) … (2) …` opening a line or following a colon.
        private mutating func numericInParentheses(_ found: Enclosure, at p: Int) -> Detection? {
            var before = p
            while before > 0, bytes[before - 1] == ScanBytes.space { before -= 1 }
            guard before > 0, bytes[before - 1] != ScanBytes.newline, bytes[before - 1] != UInt8(ascii: ":"),
                  let items = readView(of: found, NumericCitationParser.read),
                  numberedList || items.allSatisfy({ $0.locator != nil })
            else { return nil }
            return Detection(p..<(found.content.upperBound + 1), .numeric, items)
        }

        /// Whether `content` ends with Harvard's `no date` (`(Shahbazov, no date)`), a citation with
        /// neither a digit nor a full stop.
        private static func endsUndated(_ bytes: UnsafeBufferPointer<UInt8>, _ content: Range<Int>) -> Bool {
            let form = "no date".utf8
            guard content.count > form.count else { return false }
            return bytes[(content.upperBound - form.count)..<content.upperBound].elementsEqual(form)
        }

        /// Whether the first entry after the heading line at `heading` is numbered (`1.`, `1)`, `[1]`).
        private static func opensNumberedList(_ bytes: UnsafeBufferPointer<UInt8>, after heading: Int) -> Bool {
            var k = heading
            while k < bytes.count, bytes[k] != ScanBytes.newline { k += 1 }
            while k < bytes.count, ScanBytes.isSpace(bytes[k]) || bytes[k] == ScanBytes.newline { k += 1 }
            if k < bytes.count, bytes[k] == ScanBytes.openBracket { k += 1 }
            let digits = k
            while k < bytes.count, ScanBytes.isDigit(bytes[k]) { k += 1 }
            return k > digits && k < bytes.count && (bytes[k] == ScanBytes.period || bytes[k] == ScanBytes.closeParen || bytes[k] == ScanBytes.closeBracket)
        }

        /// An opening parenthesis never closed: reported as malformed when an author-date item follows it.
        private mutating func unclosed(at p: Int, limit: Int) -> Detection? {
            view((p + 1)..<min(limit, p + 1 + 160))
            // The item and the normalised bytes it takes.
            let found: (CitationItem, Int)? = readView { scalars in
                var bytesBefore: [Int] = [0]
                for scalar in scalars { bytesBefore.append(bytesBefore[bytesBefore.count - 1] + UTF8.width(scalar)) }
                var end = scalars.count
                while end > 0 {
                    defer { end -= 1 }
                    guard LocatorParser.digitRun(scalars, at: end - 1) > 0 || scalars[end - 1] == "." else { continue }
                    guard end == scalars.count || !ScalarProperties.isAlphabetic(scalars[end]) && LocatorParser.digitRun(scalars, at: end) == 0 else { continue }
                    let prefix = ParentheticalCitationParser.trim(scalars.part(0..<end))
                    guard prefix.count == end || prefix.count == end - 1, let item = ParentheticalCitationParser.authorDate(prefix) else { continue }
                    return (item, bytesBefore[end])
                }
                return nil
            }
            guard let (item, length) = found else { return nil }
            return Detection(p..<normalized.storedRange(of: 0..<length).upperBound, .parenthetical, [item], malformed: true)
        }

        /// A square bracket: reference numbers (`[3]`, `[8, s.229]`), or author-date items as GOST
        /// R 7.0.5 writes them (`[Иванов, 2005, с. 12]`, `[Smith, Jones, 2002; Петров, 2010]`), or the
        /// year of a narrative citation right after its author (`Иванов и др. [2020]`).
        private mutating func numeric(at p: Int) -> Detection? {
            let limit = min(bytes.count, p + maxParenthesisBytes)
            guard let found = enclosure(openedAt: p, limit: limit, closedBy: ScanBytes.closeBracket,
                                        interruptedBy: { $0 == ScanBytes.openBracket || $0 == ScanBytes.openParen }),
                  let found, found.mayCite
            else { return nil }
            let close = found.content.upperBound
            if found.content.count <= maxBracketBytes, let items = readView(of: found, NumericCitationParser.read) {
                return Detection(p..<(close + 1), .numeric, items)
            }
            switch readView(of: found, ParentheticalCitationParser.read) {
            case let .citation(items)?:
                return Detection(p..<(close + 1), .parenthetical, items)
            case let .yearOnly(item)?:
                return narrative(item, at: p, close: close, bracket: true)
            case .malformed?, nil:
                return nil
            }
        }

        /// Disjoint regions in text order, asked about offsets in increasing order.
        struct RegionWalk {
            private let regions: [Range<Int>]
            private var index = 0

            init(_ regions: [Range<Int>]) { self.regions = regions }

            /// Whether a region holds `offset`, which is not below any offset asked before.
            mutating func contains(_ offset: Int) -> Bool {
                while index < regions.count, regions[index].upperBound <= offset { index += 1 }
                return index < regions.count && regions[index].contains(offset)
            }
        }
    }
}
