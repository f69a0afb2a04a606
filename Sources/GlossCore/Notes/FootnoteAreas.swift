import Foundation

/// A word as a PDF extractor placed it on its page: its text and its box (in points, y downwards).
public struct PageWord: Sendable, Equatable {
    public var text: String
    /// The top of the word's box.
    public var top: Double
    /// The height of the word's box: the font size, near enough.
    public var height: Double

    public init(text: String, top: Double, height: Double) {
        self.text = text
        self.top = top
        self.height = height
    }
}

/// Finds where the footnotes sit at the bottoms of a PDF's pages, from the layout of its words.
///
/// `pdftotext -raw` sets nothing apart at a page bottom: the notes follow the last body line with no
/// blank line, and their numbers may be glued to their text (`1NATO, …`) when the extractor sees a
/// superscript mark. What tells them apart is the layout: footnotes are set smaller than the body
/// text and below it. A page's footnote area is the run of lines at its bottom (before at most two
/// lines of page furniture such as the page number) whose type is clearly smaller than the body's,
/// which lie below every other line of the page, and of which at least one opens with a digit.
/// Whether a line in it starts a footnote is still for ``FootnoteSegmenter`` to decide (the number
/// must continue the sequence and follow its marker); the area only tells it where notes may stand.
public enum FootnoteAreas {
    /// Type below this fraction of the body's size counts as small.
    static let smallerThanBody = 0.9
    /// Lines of page furniture (page number, running footer) allowed below the notes.
    static let furnitureLines = 2

    /// The footnote areas of `text`, a stored text whose pages begin at `pageStarts`, given the
    /// words of each page in the order the extractor wrote them (the order of the text). A page
    /// whose words do not spell its text (whitespace aside) gets no area. Spans are code points,
    /// whole lines, without the last line's line feed.
    public static func find(in text: String, pageStarts: [Int], words: [[PageWord]]) -> [TextSpan] {
        let scalars = Array(text.unicodeScalars)
        var pages: [[Line]] = []
        for (index, start) in pageStarts.enumerated() {
            let end = index + 1 < pageStarts.count ? pageStarts[index + 1] : scalars.count
            let pageWords = index < words.count ? words[index] : []
            pages.append(lines(scalars, start..<end, pageWords) ?? [])
        }
        guard let body = bodyHeight(pages.flatMap { $0 }) else { return [] }
        return pages.compactMap { area(in: $0, bodyHeight: body) }
    }

    /// A non-blank line of a page: its span and the size and place of its type.
    struct Line {
        var span: TextSpan
        /// The median height of its characters' words.
        var height: Double
        /// The top of its highest word.
        var top: Double
        /// How many non-space characters it has.
        var characters: Int
        var opensWithDigit: Bool
    }

    /// The lines of `range`, each measured by the words its characters belong to; nil when the
    /// words do not spell the text.
    static func lines(_ scalars: [Unicode.Scalar], _ range: Range<Int>, _ words: [PageWord]) -> [Line]? {
        // The characters of the words, each with the index of its word; NFC, as the stored text is.
        var letters: [(Unicode.Scalar, Int)] = []
        for (index, word) in words.enumerated() {
            for scalar in word.text.precomposedStringWithCanonicalMapping.unicodeScalars where !scalar.properties.isWhitespace {
                letters.append((scalar, index))
            }
        }
        var next = 0
        var out: [Line] = []
        var lineStart = range.lowerBound
        var heights: [Double] = []
        var top = Double.infinity
        var firstLetter: Unicode.Scalar?
        func close(_ end: Int) {
            if !heights.isEmpty, let firstLetter {
                heights.sort()
                out.append(Line(span: TextSpan(start: lineStart, end: end), height: heights[heights.count / 2], top: top,
                                characters: heights.count, opensWithDigit: ("0"..."9").contains(firstLetter)))
            }
            heights = []
            top = .infinity
            firstLetter = nil
        }
        for offset in range {
            let scalar = scalars[offset]
            if scalar == "\n" {
                close(offset)
                lineStart = offset + 1
                continue
            }
            guard !scalar.properties.isWhitespace else { continue }
            guard next < letters.count, letters[next].0 == scalar else { return nil }
            let word = words[letters[next].1]
            next += 1
            if firstLetter == nil { firstLetter = scalar }
            heights.append(word.height)
            top = min(top, word.top)
        }
        close(range.upperBound)
        return next == letters.count ? out : nil
    }

    /// The size of the body text: the height most characters of the document have (to a quarter point).
    static func bodyHeight(_ lines: [Line]) -> Double? {
        var counts: [Int: Int] = [:]
        for line in lines { counts[Int((line.height * 4).rounded()), default: 0] += line.characters }
        return counts.max { ($0.value, $0.key) < ($1.value, $1.key) }.map { Double($0.key) / 4 }
    }

    /// The footnote area of one page, if it has one.
    static func area(in lines: [Line], bodyHeight: Double) -> TextSpan? {
        func isSmall(_ line: Line) -> Bool { line.height < bodyHeight * smallerThanBody }
        var last = lines.count - 1
        var furniture = 0
        while last >= 0, !isSmall(lines[last]), furniture < furnitureLines {
            last -= 1
            furniture += 1
        }
        guard last >= 0, isSmall(lines[last]) else { return nil }
        var first = last
        while first > 0, isSmall(lines[first - 1]) { first -= 1 }
        let area = lines[first...last]
        // Body text above it, and all of it below that text.
        guard first > 0, area.contains(where: \.opensWithDigit),
              let lowest = lines[..<first].map(\.top).max(), area.allSatisfy({ $0.top > lowest })
        else { return nil }
        return TextSpan(start: area.first!.span.start, end: area.last!.span.end)
    }
}
