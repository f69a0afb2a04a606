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
    public static let version = "scanner-7"

    /// The longest parenthesis read, in stored bytes.
    static let maxParenthesisBytes = 400
    /// The longest square bracket read, in stored bytes.
    static let maxBracketBytes = 120
    /// How far before a year-only parenthesis the author of a narrative citation is looked for.
    static let narrativeLookBehindBytes = 240

    /// Scans `text`, the stored text of `source`.
    public static func scan(_ text: SourceText, source: SourceID) -> CitationScan {
        scan(utf8: text.utf8, source: source)
    }

    /// Scans the UTF-8 bytes of a stored text (which must be valid UTF-8, as stored texts are).
    public static func scan(utf8: [UInt8], source: SourceID) -> CitationScan {
        utf8.withUnsafeBufferPointer { bytes in
            var scanner = Pass(bytes: bytes, utf8: utf8, source: source)
            return scanner.run()
        }
    }

    private struct Pass {
        let bytes: UnsafeBufferPointer<UInt8>
        let utf8: [UInt8]
        let source: SourceID
        var furniture: PageFurniture?
        var furnitureComputed = false

        init(bytes: UnsafeBufferPointer<UInt8>, utf8: [UInt8], source: SourceID) {
            self.bytes = bytes
            self.utf8 = utf8
            self.source = source
        }

        mutating func run() -> CitationScan {
            let landmarks = ScanLandmarks(bytes)
            let (parentheses, brackets, candidates) = (landmarks.parentheses, landmarks.brackets, landmarks.candidates)
            let (newlines, referenceList, count) = (landmarks.newlines, landmarks.referenceList, bytes.count)

            let found = candidates.isEmpty ? [] : FootnoteSegmenter.segment(bytes, newlines: newlines, digitLines: landmarks.digitLines,
                                                                                          markerCandidates: candidates)
            // Footnote parts are disjoint and in text order.
            var regions = found.flatMap(\.parts).sorted { $0.lowerBound < $1.lowerBound }
            if referenceList < count {
                regions = regions.filter { $0.upperBound <= referenceList } + [referenceList..<count]
            }
            let footnoteStarts = FootnoteMarkerDetector.FootnoteStarts(found)

            var citations: [(Range<Int>, CitationKind, [CitationItem], Bool)] = []
            var markers: [FootnoteMarkerDetector.Candidate] = []
            if !found.isEmpty {
                var walk = RegionWalk(regions)
                let outside = candidates.filter { !walk.contains($0.range.lowerBound) }
                markers = FootnoteMarkerDetector.select(outside, footnoteStarts: footnoteStarts)
                for marker in markers {
                    citations.append((marker.range, .footnoteMarker, [CitationItem(ref: marker.number)], false))
                }
            }
            var walk = RegionWalk(regions)
            for p in parentheses where !walk.contains(p) {
                if let citation = parenthetical(at: p) { citations.append(citation) }
            }
            walk = RegionWalk(regions)
            for p in brackets where !walk.contains(p) {
                if let citation = numeric(at: p) { citations.append(citation) }
            }

            citations.sort { ($0.0.lowerBound, $0.0.upperBound) < ($1.0.lowerBound, $1.0.upperBound) }
            var kept: [(Range<Int>, CitationKind, [CitationItem], Bool)] = []
            var lastEnd = -1
            for citation in citations where citation.0.lowerBound >= lastEnd {
                kept.append(citation)
                lastEnd = citation.0.upperBound
            }
            let scalars = ScalarOffsets(bytes, counts: landmarks.scalarCounts)
            func span(_ range: Range<Int>) -> TextSpan {
                TextSpan(start: scalars[range.lowerBound], end: scalars[range.upperBound])
            }
            let result = kept.map { range, kind, items, malformed in
                Citation(source: source, span: span(range), text: String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self),
                         kind: kind, items: items, malformed: malformed)
            }
            // The marker of each footnote, by number (a later marker of the same number wins).
            var markerOf = [Range<Int>?](repeating: nil, count: (markers.map(\.number).max() ?? -1) + 1)
            for marker in markers { markerOf[marker.number] = marker.range }
            let footnotes = found.map { footnote in
                // The parts with each run of whitespace as one space, joined by a space: what
                // `NormalizedText(joinHyphens: false)` without furniture reads, without its byte map.
                // Every byte is written; one that continues a run of whitespace is then written over.
                let text = [UInt8](unsafeUninitializedCapacity: footnote.parts.reduce(0) { $0 + $1.count + 1 }) { text, written in
                    var n = 0
                    for (index, part) in footnote.parts.enumerated() {
                        if index > 0 {
                            text[n] = ScanBytes.space
                            n += 1
                        }
                        var afterSpace = false
                        for i in part {
                            let b = bytes[i]
                            // ScanBytes.isSpace without a branch: space, line feed, tab, carriage return.
                            let space = b <= ScanBytes.space && (0x1_0000_2600 as UInt64) >> UInt64(b) & 1 != 0
                            text[n] = space ? ScanBytes.space : b
                            n &+= space && afterSpace ? 0 : 1
                            afterSpace = space
                        }
                    }
                    written = n
                }
                let forms = text.withUnsafeBufferPointer(FootnoteForms.forms)
                return Footnote(number: footnote.number, parts: footnote.parts.map(span), text: String(decoding: text, as: UTF8.self),
                                isIbid: forms.isIbid, isShortForm: forms.isShortForm,
                                marker: footnote.number < markerOf.count ? markerOf[footnote.number].map(span) : nil)
            }
            let list = referenceList < count ? span(referenceList..<count) : nil
            return CitationScan(citations: result, footnotes: footnotes, referenceList: list)
        }

        /// The normalised view of `range`. Page furniture is only looked for (once per text) when
        /// `skipFurniture` and the range holds a whole line, the only way furniture can sit inside it.
        private mutating func view(_ range: Range<Int>, skipFurniture: Bool = true) -> NormalizedText {
            let holdsLine = skipFurniture && holdsWholeLine(range)
            if holdsLine, !furnitureComputed {
                furniture = PageFurniture(utf8: utf8)
                furnitureComputed = true
            }
            return NormalizedText(bytes: bytes, range: range, furniture: holdsLine ? furniture : nil)
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

        /// Whether a bracket's content can be a citation at all: every citation holds a digit or, for
        /// `n.d.`/`t.y.`, a full stop. Spares the parsers the acronyms and glosses.
        private func mayCite(_ range: Range<Int>) -> Bool {
            for k in range {
                let b = bytes[k]
                if ScanBytes.isDigit(b) || b == ScanBytes.period { return true }
            }
            return false
        }

        private mutating func parenthetical(at p: Int) -> (Range<Int>, CitationKind, [CitationItem], Bool)? {
            let limit = min(bytes.count, p + maxParenthesisBytes)
            var close: Int?
            var k = p + 1
            while k < limit {
                let b = bytes[k]
                if b == ScanBytes.closeParen { close = k; break }
                if b == ScanBytes.openParen { return nil }
                k += 1
            }
            guard let close else { return unclosed(at: p, limit: limit) }
            guard mayCite((p + 1)..<close) else { return nil }
            let content = view((p + 1)..<close)
            switch ParentheticalCitationParser.read(content.scalars) {
            case let .citation(items)?:
                return (p..<(close + 1), .parenthetical, items, false)
            case let .malformed(item)?:
                return (p..<(close + 1), .parenthetical, [item], true)
            case let .yearOnly(item)?:
                var start = max(0, p - narrativeLookBehindBytes)
                while start > 0, ScanBytes.isContinuation(bytes[start]) { start -= 1 }
                // Furniture matters only if a whole line separates the author from the parenthesis.
                var before = view(start..<p, skipFurniture: false)
                var found = NarrativeCitationDetector.author(endingAt: before)
                if let author = found, holdsWholeLine(before.origin[author.start]..<p) {
                    before = view(start..<p)
                    found = NarrativeCitationDetector.author(endingAt: before)
                }
                guard let found else { return nil }
                var narrativeItem = item
                narrativeItem.author = found.author
                return (before.origin[found.start]..<(close + 1), .narrative, [narrativeItem], false)
            case nil:
                return nil
            }
        }

        /// An opening parenthesis never closed: reported as malformed when an author-date item follows it.
        private mutating func unclosed(at p: Int, limit: Int) -> (Range<Int>, CitationKind, [CitationItem], Bool)? {
            let content = view((p + 1)..<min(limit, p + 1 + 160))
            let scalars = content.scalars
            var bytesBefore: [Int] = [0]
            for scalar in scalars { bytesBefore.append(bytesBefore[bytesBefore.count - 1] + UTF8.width(scalar)) }
            var end = scalars.count
            while end > 0 {
                defer { end -= 1 }
                guard LocatorParser.digitRun(scalars, at: end - 1) > 0 || scalars[end - 1] == "." else { continue }
                guard end == scalars.count || !ScalarProperties.isAlphabetic(scalars[end]) && LocatorParser.digitRun(scalars, at: end) == 0 else { continue }
                let prefix = ParentheticalCitationParser.trim(Array(scalars[0..<end]))
                guard prefix.count == end || prefix.count == end - 1, let item = ParentheticalCitationParser.authorDate(prefix) else { continue }
                let storedEnd = content.storedRange(of: 0..<bytesBefore[end]).upperBound
                return (p..<storedEnd, .parenthetical, [item], true)
            }
            return nil
        }

        private mutating func numeric(at p: Int) -> (Range<Int>, CitationKind, [CitationItem], Bool)? {
            let limit = min(bytes.count, p + maxBracketBytes)
            var k = p + 1
            while k < limit {
                let b = bytes[k]
                if b == ScanBytes.closeBracket { break }
                if b == ScanBytes.openBracket || b == ScanBytes.openParen { return nil }
                k += 1
            }
            guard k < limit, mayCite((p + 1)..<k) else { return nil }
            guard let items = NumericCitationParser.read(view((p + 1)..<k).scalars) else { return nil }
            return (p..<(k + 1), .numeric, items, false)
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
