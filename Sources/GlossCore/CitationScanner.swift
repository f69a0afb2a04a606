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
    public static let version = "scanner-2"

    /// The longest parenthesis read, in stored bytes.
    static let maxParenthesisBytes = 400
    /// The longest square bracket read, in stored bytes.
    static let maxBracketBytes = 120
    /// How far before a year-only parenthesis the author of a narrative citation is looked for.
    static let narrativeLookBehindBytes = 240

    /// Scans `text`, the stored text of `source`.
    public static func scan(_ text: SourceText, source: SourceID) -> CitationScan {
        text.utf8.withUnsafeBufferPointer { bytes in
            var scanner = Pass(bytes: bytes, text: text, source: source)
            return scanner.run()
        }
    }

    private struct Pass {
        let bytes: UnsafeBufferPointer<UInt8>
        let text: SourceText
        let source: SourceID
        var furniture: PageFurniture?
        var furnitureComputed = false

        init(bytes: UnsafeBufferPointer<UInt8>, text: SourceText, source: SourceID) {
            self.bytes = bytes
            self.text = text
            self.source = source
        }

        mutating func run() -> CitationScan {
            var parentheses: [Int] = []
            var brackets: [Int] = []
            var candidates: [FootnoteMarkerDetector.Candidate] = []
            let count = bytes.count
            var referenceList = count
            if count > 0, ReferenceListHeading.matches(bytes, lineStart: 0) { referenceList = 0 }
            var i = 0
            while i < count {
                let b = bytes[i]
                if b == ScanBytes.newline {
                    let next = i + 1
                    if next < count, ReferenceListHeading.matches(bytes, lineStart: next) { referenceList = next }
                } else if b == ScanBytes.openParen {
                    parentheses.append(i)
                } else if b == ScanBytes.openBracket {
                    brackets.append(i)
                } else if ScanBytes.isDigit(b), i > 0 {
                    let previous = bytes[i - 1]
                    if !ScanBytes.isDigit(previous), !ScanBytes.isSpace(previous),
                       let candidate = FootnoteMarkerDetector.candidate(in: bytes, at: i) {
                        candidates.append(candidate)
                        i = candidate.range.upperBound
                        continue
                    }
                    while i + 1 < count, ScanBytes.isDigit(bytes[i + 1]) { i += 1 }
                }
                i += 1
            }

            let found = candidates.isEmpty ? [] : FootnoteSegmenter.segment(bytes, markerCandidates: candidates)
            var regions = found.flatMap(\.parts).sorted { $0.lowerBound < $1.lowerBound }
            if referenceList < count {
                regions = regions.filter { $0.upperBound <= referenceList } + [referenceList..<count]
            }
            var footnoteStarts: [Int: Int] = [:]
            for footnote in found { footnoteStarts[footnote.number] = footnote.parts[0].lowerBound }

            var citations: [(Range<Int>, CitationKind, [CitationItem], Bool)] = []
            var markerOf: [Int: Range<Int>] = [:]
            if !found.isEmpty {
                let outside = candidates.filter { !Self.inside($0.range.lowerBound, regions) }
                for marker in FootnoteMarkerDetector.select(outside, footnoteStarts: footnoteStarts) {
                    citations.append((marker.range, .footnoteMarker, [CitationItem(ref: marker.number)], false))
                    markerOf[marker.number] = marker.range
                }
            }
            for p in parentheses where !Self.inside(p, regions) {
                if let citation = parenthetical(at: p) { citations.append(citation) }
            }
            for p in brackets where !Self.inside(p, regions) {
                if let citation = numeric(at: p) { citations.append(citation) }
            }

            citations.sort { ($0.0.lowerBound, $0.0.upperBound) < ($1.0.lowerBound, $1.0.upperBound) }
            var result: [Citation] = []
            var lastEnd = -1
            for (range, kind, items, malformed) in citations where range.lowerBound >= lastEnd {
                let span = scalarSpan(range)
                result.append(Citation(source: source, span: span, text: text.slice(span), kind: kind, items: items, malformed: malformed))
                lastEnd = range.upperBound
            }
            let footnotes = found.map { footnote in
                let parts = footnote.parts.map { scalarSpan($0) }
                let collapsed = footnote.parts.map { NormalizedText(bytes: bytes, range: $0, furniture: nil).string }
                    .joined(separator: " ")
                return Footnote(number: footnote.number, parts: parts, text: collapsed,
                                isIbid: FootnoteForms.isIbid(collapsed), isShortForm: FootnoteForms.isShortForm(collapsed),
                                marker: markerOf[footnote.number].map { scalarSpan($0) })
            }
            let list = referenceList < count ? scalarSpan(referenceList..<count) : nil
            return CitationScan(citations: result, footnotes: footnotes, referenceList: list)
        }

        private func scalarSpan(_ range: Range<Int>) -> TextSpan {
            TextSpan(start: text.scalarOffset(ofUTF8: range.lowerBound), end: text.scalarOffset(ofUTF8: range.upperBound))
        }

        /// The normalised view of `range`. Page furniture is only looked for (once per text) when the
        /// range holds a whole line, the only way furniture can sit inside it.
        private mutating func view(_ range: Range<Int>) -> NormalizedText {
            var holdsLine = false
            var newlines = 0
            var contentSinceNewline = false
            for k in range {
                let b = bytes[k]
                if b == ScanBytes.newline {
                    if newlines > 0, contentSinceNewline {
                        holdsLine = true
                        break
                    }
                    newlines += 1
                    contentSinceNewline = false
                } else if !ScanBytes.isSpace(b) {
                    contentSinceNewline = true
                }
            }
            if holdsLine, !furnitureComputed {
                furniture = PageFurniture(utf8: text.utf8)
                furnitureComputed = true
            }
            return NormalizedText(bytes: bytes, range: range, furniture: holdsLine ? furniture : nil)
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
            switch ParentheticalCitationParser.read(content.string) {
            case let .citation(items)?:
                return (p..<(close + 1), .parenthetical, items, false)
            case let .malformed(item)?:
                return (p..<(close + 1), .parenthetical, [item], true)
            case let .yearOnly(item)?:
                var start = max(0, p - narrativeLookBehindBytes)
                while start > 0, ScanBytes.isContinuation(bytes[start]) { start -= 1 }
                let before = view(start..<p)
                guard let found = NarrativeCitationDetector.author(endingAt: before) else { return nil }
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
            let scalars = Array(content.string.unicodeScalars)
            var bytesBefore: [Int] = [0]
            for scalar in scalars { bytesBefore.append(bytesBefore[bytesBefore.count - 1] + UTF8.width(scalar)) }
            var end = scalars.count
            while end > 0 {
                defer { end -= 1 }
                guard LocatorParser.digitRun(scalars, at: end - 1) > 0 || scalars[end - 1] == "." else { continue }
                guard end == scalars.count || !scalars[end].properties.isAlphabetic && LocatorParser.digitRun(scalars, at: end) == 0 else { continue }
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
            guard let items = NumericCitationParser.read(view((p + 1)..<k).string) else { return nil }
            return (p..<(k + 1), .numeric, items, false)
        }

        static func inside(_ offset: Int, _ regions: [Range<Int>]) -> Bool {
            var low = 0
            var high = regions.count
            while low < high {
                let mid = (low + high) / 2
                if regions[mid].upperBound <= offset { low = mid + 1 } else { high = mid }
            }
            return low < regions.count && regions[low].contains(offset)
        }
    }
}
