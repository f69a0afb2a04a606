import Foundation

/// One entry of a reference list: its number when the list is numbered, its span in the stored
/// text and its text with line breaks joined.
public struct ReferenceListEntry: Sendable, Hashable {
    public var number: Int?
    public var span: TextSpan
    /// The entry's lines joined: word hyphens at line ends removed (`Araştırma-`/`ları`),
    /// name hyphens kept (`Özdemir-`/`Kantar`), URL breaks left for `BrokenURL`.
    public var text: String

    public init(number: Int?, span: TextSpan, text: String) {
        self.number = number
        self.span = span
        self.text = text
    }
}

/// A reference-list section: the span of its heading and its entries.
public struct ReferenceList: Sendable, Hashable {
    public var heading: TextSpan
    public var entries: [ReferenceListEntry]
    /// Whether entries are numbered (`1.`, `[1]`, `1)`), so numeric citations point into it.
    public var isNumbered: Bool { entries.contains { $0.number != nil } }
}

/// Finds the reference list of a text (Kaynakça, Kaynaklar, References, Bibliography, Ədəbiyyat,
/// Литература, Список литературы) and splits it into entries.
///
/// The list is the text after the last heading, up to an end heading (an appendix, an abstract).
/// Page numbers and running headers in it (`PageFurniture`) are skipped. It is split
///  - by number (`1.`, `[1]`, `1)`) when its lines are numbered: a line opens entry n+1 (or, for the
///    numbering check, a later or repeated number);
///  - by paragraph when most blank-separated paragraphs open like an entry, a paragraph that reads
///    as a continuation (a lower-case word, a page range, a DOI, after a comma, or while the entry
///    has no year yet) being joined to the one before;
///  - and, inside a paragraph or in text given one printed line per line, at a line that opens like
///    an entry (`EntryOpening`): strongly, with names and a year, unless the line before left a
///    name list open; weakly, only after a line that ended an entry.
/// The work is linear in the length of the text: lines are found on bytes, and only the list's
/// lines become strings.
public enum ReferenceListSegmenter {
    static let headings = ReferenceListHeading.headings.map(NameFolding.key)
    /// The first two letters of every heading, folded: a line whose first two letters (after any
    /// numbering) are none of these is no heading, and is not read further.
    static let headingStarts = Set((headings + endHeadings).map { String($0.prefix(2)) })

    static let endHeadings = [
        "ekler", "ek", "appendix", "appendices", "summary", "extended abstract", "geniş özet", "özet", "abstract",
        "xülasə", "резюме", "аннотация", "notes", "notlar", "dipnotlar", "author biography", "yazar hakkında",
    ].map(NameFolding.key)

    /// The last reference list in `text`, or nil when it has none.
    public static func segment(_ text: String) -> ReferenceList? {
        var text = text
        return text.withUTF8 { segment(utf8: $0) }
    }

    /// A line of the list: its text without surrounding blanks and the code-point offsets of that text.
    struct Line {
        var text: String
        var start: Int
        var end: Int
        /// Whether a blank line (or the heading) stands before it.
        var blankBefore: Bool
    }

    static func segment(utf8 bytes: UnsafeBufferPointer<UInt8>) -> ReferenceList? {
        var lineStarts = [0]
        for index in 0..<bytes.count where bytes[index] == ScanBytes.newline { lineStarts.append(index + 1) }
        func range(_ k: Int) -> Range<Int> {
            let end = k + 1 < lineStarts.count ? lineStarts[k + 1] - 1 : bytes.count
            var a = lineStarts[k], b = end
            while a < b, ScanBytes.isSpace(bytes[a]) { a += 1 }
            while b > a, ScanBytes.isSpace(bytes[b - 1]) { b -= 1 }
            return a..<b
        }
        func string(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self) }

        // The last heading, from the end: only short lines of few words are read as strings.
        var headingLine: Int?
        for k in stride(from: lineStarts.count - 1, through: 0, by: -1) {
            let r = range(k)
            guard !r.isEmpty, r.count <= 160, maybeHeading(bytes, r), isHeading(string(r), in: headings) else { continue }
            headingLine = k
            break
        }
        guard let headingLine else { return nil }

        // Code-point offsets: counted once up to the heading, then line by line.
        var scalarOffset = 0
        var counted = 0
        func scalars(upTo byte: Int) -> Int {
            while counted < byte {
                if !ScanBytes.isContinuation(bytes[counted]) { scalarOffset += 1 }
                counted += 1
            }
            return scalarOffset
        }
        let headingRange = range(headingLine)
        let heading = TextSpan(start: scalars(upTo: headingRange.lowerBound), end: scalars(upTo: headingRange.upperBound))
        let furniture = PageFurniture(utf8: bytes)

        var lines: [Line] = []
        var blank = true
        for k in (headingLine + 1)..<lineStarts.count {
            let r = range(k)
            if r.isEmpty { blank = true; continue }
            let text = string(r)
            // A running header repeats, but so does an entry listed twice: one that opens with names
            // and a year stays.
            if furniture.lineEnd(startingAt: lineStarts[k]) != nil, EntryOpening.of(text) != .strong { continue }
            if r.count <= 160, maybeHeading(bytes, r), isHeading(text, in: endHeadings) { break }
            lines.append(Line(text: text, start: scalars(upTo: r.lowerBound), end: scalars(upTo: r.upperBound), blankBefore: blank))
            blank = false
        }
        let groups = numberedGroups(lines) ?? unnumberedGroups(lines)
        let entries = groups.map { group -> ReferenceListEntry in
            var text = join(lines[group.lines].map(\.text))
            if group.number != nil, let (_, length) = leadingNumber(text) {
                text = String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(length))).trimmingCharacters(in: .whitespaces)
            }
            return ReferenceListEntry(number: group.number, span: TextSpan(start: lines[group.lines.lowerBound].start,
                                                                           end: lines[group.lines.upperBound - 1].end), text: text)
        }
        return ReferenceList(heading: heading, entries: entries)
    }

    /// An entry as a run of lines, with its number.
    struct Group {
        var number: Int?
        var lines: Range<Int>
    }

    /// The entries of a numbered list, or nil when the list is not numbered: at least two lines
    /// carry numbers that follow one another, starting at 1, 2 or 3.
    static func numberedGroups(_ lines: [Line]) -> [Group]? {
        var groups: [Group] = []
        var previous: Int?
        var consecutive = 0
        for (index, line) in lines.enumerated() {
            var opens = false
            if let (number, length) = leadingNumber(line.text) {
                if let last = previous {
                    if number == last + 1 {
                        opens = true
                        consecutive += 1
                    } else if number != last, number > 0, number <= last + 20 || number < last {
                        // A gap, a repeat or a step back is reported by the numbering check, but only
                        // when what follows the number reads like an entry.
                        let rest = line.text.unicodeScalars.dropFirst(length).drop { $0.properties.isWhitespace }
                        opens = rest.first.map { $0.properties.isUppercase || "“\"«[".unicodeScalars.contains($0) } ?? false
                    } else if number == last {
                        let rest = line.text.unicodeScalars.dropFirst(length).drop { $0.properties.isWhitespace }
                        opens = rest.first?.properties.isUppercase ?? false
                    }
                } else {
                    opens = number <= 3
                }
                if opens {
                    previous = number
                    groups.append(Group(number: number, lines: index..<(index + 1)))
                    continue
                }
            }
            if groups.isEmpty || previous == nil {
                // Text before the first number is an entry of its own (reported as unparsable if it is
                // not one), never a part of entry 1.
                if let last = groups.last, last.number == nil, !line.blankBefore {
                    groups[groups.count - 1].lines = last.lines.lowerBound..<(index + 1)
                } else {
                    groups.append(Group(number: nil, lines: index..<(index + 1)))
                }
                continue
            }
            groups[groups.count - 1].lines = groups[groups.count - 1].lines.lowerBound..<(index + 1)
        }
        guard consecutive >= 1 else { return nil }
        return groups
    }

    /// The entries of an unnumbered list.
    static func unnumberedGroups(_ lines: [Line]) -> [Group] {
        guard !lines.isEmpty else { return [] }
        // Each line's opening is judged with the next lines joined on (an author list may wrap).
        let openings = lines.indices.map { index -> EntryOpening in
            let probe = join(lines[index..<min(lines.count, index + 3)].map(\.text))
            return EntryOpening.of(String(probe.unicodeScalars.prefix(600)))
        }
        let paragraphStarts = lines.indices.filter { lines[$0].blankBefore }
        let opening = paragraphStarts.filter { openings[$0] != .none }.count
        let byParagraph = paragraphStarts.count >= 2 && Double(opening) >= 0.6 * Double(paragraphStarts.count)

        var groups: [Group] = []
        var hasYear = false
        for (index, line) in lines.enumerated() {
            defer { if Self.containsYear(line.text) { hasYear = true } }
            guard index > 0 else {
                groups.append(Group(number: nil, lines: 0..<1))
                continue
            }
            let previous = lines[index - 1].text
            let opens: Bool
            if byParagraph, line.blankBefore, openings[index] != .strong {
                opens = !continues(line.text, after: previous) && (openings[index] != .none || hasYear)
            } else {
                switch openings[index] {
                case .strong: opens = !leavesNamesOpen(previous)
                case .weak: opens = endsEntry(previous)
                case .none: opens = false
                }
            }
            if opens {
                groups.append(Group(number: nil, lines: index..<(index + 1)))
                hasYear = false
            } else {
                groups[groups.count - 1].lines = groups[groups.count - 1].lines.lowerBound..<(index + 1)
            }
        }
        return groups
    }

    /// Whether a paragraph continues the entry before it: it opens with a lower-case word, a digit,
    /// punctuation, a DOI or URL, or the entry before broke off after a comma, a colon, a hyphen or
    /// a conjunction.
    static func continues(_ line: String, after previous: String) -> Bool {
        guard let first = line.unicodeScalars.first else { return true }
        // `van Schijndel, Marten, and …`: a family name may open with a lower-case particle.
        if first.properties.isLowercase, let word = line.split(separator: " ").first, EntryOpening.isParticle(word),
           EntryOpening.of(String(line.unicodeScalars.prefix(600))) != .none {
            return leavesNamesOpen(previous)
        }
        if first.properties.isLowercase || ("0"..."9").contains(first) { return true }
        if !first.properties.isAlphabetic, !"“\"«‘—–-_".unicodeScalars.contains(first) { return true }
        let lower = line.lowercased()
        if ["doi", "http", "www.", "pp.", "in:", "vol."].contains(where: { lower.hasPrefix($0) }) { return true }
        return leavesNamesOpen(previous)
    }

    /// Whether a line broke off inside a list of names or a phrase: after `,`, `;`, `:`, `&`, a
    /// hyphen or a conjunction. (Not after `/`: an entry may end with a URL.)
    static func leavesNamesOpen(_ line: String) -> Bool {
        guard let last = line.unicodeScalars.last else { return false }
        if ",;:&-–".unicodeScalars.contains(last) { return true }
        let lastWord = line.split(separator: " ").last.map { $0.lowercased() } ?? ""
        return EntryOpening.conjunctions.contains(lastWord) || lastWord == "in"
    }

    /// Whether a line ended an entry: a full stop, a closing bracket or quote, a digit, or a URL.
    static func endsEntry(_ line: String) -> Bool {
        guard let last = line.unicodeScalars.last else { return false }
        if ".)]”\"»'’".unicodeScalars.contains(last) || ("0"..."9").contains(last) { return true }
        let lastWord = line.split(separator: " ").last ?? ""
        return lastWord.contains("/") || lastWord.lowercased().hasPrefix("doi:")
    }

    /// Whether the text holds a year (four digits from 1500 to 2099 standing alone).
    static func containsYear(_ text: String) -> Bool {
        var run = 0
        var value = 0
        var previousIsLetterOrDigit = false
        for scalar in text.unicodeScalars {
            if ("0"..."9").contains(scalar) {
                if run == 0, previousIsLetterOrDigit { run = -100 }
                run += 1
                // Capped: a longer run of digits is no year, and must not overflow (found by fuzzing).
                value = min(value, 100_000) * 10 + Int(scalar.value - 48)
            } else {
                if run == 4, (1500...2099).contains(value) { return true }
                run = 0
                value = 0
                previousIsLetterOrDigit = scalar.properties.isAlphabetic
                continue
            }
            previousIsLetterOrDigit = true
        }
        return run == 4 && (1500...2099).contains(value)
    }

    /// A cheap test before a line is read as a heading: few spaces, as a heading has, and the first
    /// two letters after any numbering those of a heading.
    static func maybeHeading(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        var spaces = 0
        for index in r where bytes[index] == ScanBytes.space {
            spaces += 1
            if spaces > 6 { return false }
        }
        var start = r.lowerBound
        // Numbering: `7.`, `VI.`, `IV `.
        var probe = start
        while probe < r.upperBound, ScanBytes.isDigit(bytes[probe]) || "IVXLivxl".utf8.contains(bytes[probe]) { probe += 1 }
        if probe < r.upperBound, probe > start, bytes[probe] == ScanBytes.period || bytes[probe] == ScanBytes.space {
            start = probe
            while start < r.upperBound, bytes[start] == ScanBytes.period || bytes[start] == ScanBytes.space { start += 1 }
        }
        var end = start
        var letters = 0
        while end < r.upperBound, letters < 2 {
            end += 1
            while end < r.upperBound, ScanBytes.isContinuation(bytes[end]) { end += 1 }
            letters += 1
        }
        let firstTwo = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return headingStarts.contains(NameFolding.key(firstTwo))
    }

    static func isHeading(_ line: String, in names: [String]) -> Bool {
        guard line.unicodeScalars.count <= 60 else { return false }
        var text = line.trimmingCharacters(in: CharacterSet(charactersIn: " :.\t"))
        // Section numbers: "7. Kaynakça", "VI. References".
        if let space = text.firstIndex(of: " "), text[..<space].allSatisfy({ $0.isNumber || "IVXLivxl.".contains($0) }) {
            text = String(text[text.index(after: space)...])
        }
        let parts = text.split(separator: "/").map { NameFolding.key(String($0)) }
        return !parts.isEmpty && parts.allSatisfy { names.contains($0) }
    }

    /// `12. `, `[12] `, `12) ` at the start of a line → the number and the length of the prefix.
    static func leadingNumber(_ line: String) -> (Int, Int)? {
        var scalars = line.unicodeScalars.makeIterator()
        var length = 0
        var value = 0
        var digits = 0
        var next = scalars.next()
        let bracketed = next == "["
        if bracketed { next = scalars.next(); length += 1 }
        while let scalar = next, ("0"..."9").contains(scalar), digits < 3 {
            value = value * 10 + Int(scalar.value - 48)
            digits += 1
            length += 1
            next = scalars.next()
        }
        guard digits > 0, let closer = next else { return nil }
        guard bracketed ? closer == "]" : (closer == "." || closer == ")") else { return nil }
        length += 1
        if let after = scalars.next(), !after.properties.isWhitespace { return nil }
        return (value, length)
    }

    /// Joins the lines of an entry: a word hyphen at a line end goes, a name hyphen stays, URL
    /// breaks are kept as a space for `BrokenURL`.
    static func join<S: Sequence<String>>(_ lines: S) -> String {
        var result = ""
        for line in lines {
            guard !result.isEmpty else { result = line; continue }
            let lastToken = lastWord(of: result)
            let inURL = lastToken.contains("/") || lastToken.lowercased().contains("www")
            if !inURL, result.hasSuffix("-"), let next = line.first {
                let beforeHyphen = result.dropLast().last
                if beforeHyphen?.isLowercase == true, next.isLowercase {
                    result.removeLast()
                }
                result += line
            } else {
                result += " " + line
            }
        }
        return result
    }

    /// The last word of `text` (`text.split(separator: " ").last ?? ""`), found from the end: an
    /// entry joined from many lines is not split again for each of them.
    static func lastWord(of text: String) -> Substring {
        var end = text.endIndex
        while end > text.startIndex, text[text.index(before: end)] == " " { end = text.index(before: end) }
        let start = text[..<end].lastIndex(of: " ").map { text.index(after: $0) } ?? text.startIndex
        return text[start..<end]
    }
}
