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
/// Литература, Список литературы) and splits it into entries: numbered, or hanging entries that
/// start with an author after a line that ended one.
public enum ReferenceListSegmenter {
    static let headings = ReferenceListHeading.headings.map(NameFolding.key)
    static let endHeadings = [
        "ekler", "ek", "appendix", "appendices", "summary", "extended abstract", "geniş özet", "özet", "abstract",
        "xülasə", "резюме", "аннотация", "notes", "notlar", "dipnotlar", "author biography", "yazar hakkında",
    ].map(NameFolding.key)

    /// The last reference list in `text`, or nil when it has none.
    public static func segment(_ text: String) -> ReferenceList? {
        let lines = Line.split(text)
        guard let headingIndex = lines.lastIndex(where: { isHeading($0.text, in: headings) }) else { return nil }
        var body: [Line] = []
        for line in lines[(headingIndex + 1)...] {
            if isHeading(line.text, in: endHeadings) { break }
            // Blank lines, and page numbers standing alone, are not part of any entry.
            if line.text.isEmpty || line.text.allSatisfy(\.isNumber) { continue }
            body.append(line)
        }
        let numbered = body.prefix(3).filter { leadingNumber($0.text) != nil }.count >= min(2, body.count) && !body.isEmpty
        var groups: [(number: Int?, lines: [Line])] = []
        for (position, line) in body.enumerated() {
            // A name broken at its hyphen (`Özdemir-` / `Kantar, N.`) is judged with its next line.
            var probe = line.text
            if probe.hasSuffix("-"), position + 1 < body.count { probe = join([probe, body[position + 1].text]) }
            if numbered {
                if let (number, _) = leadingNumber(line.text), number == (groups.last?.number ?? 0) + 1 || groups.isEmpty {
                    groups.append((number, [line])); continue
                }
            } else if let previous = groups.last?.lines.last, startsEntry(probe, after: previous.text) {
                groups.append((nil, [line])); continue
            } else if groups.isEmpty {
                groups.append((nil, [line])); continue
            }
            groups[groups.count - 1].lines.append(line)
        }
        let entries = groups.map { group -> ReferenceListEntry in
            var text = join(group.lines.map(\.text))
            if let number = group.number, let (_, length) = leadingNumber(text) {
                _ = number
                text = String(text.unicodeScalars.dropFirst(length)).trimmingCharacters(in: .whitespaces)
            }
            let first = group.lines.first!, last = group.lines.last!
            return ReferenceListEntry(number: group.number, span: TextSpan(start: first.trimmedStart, end: last.trimmedEnd), text: text)
        }
        return ReferenceList(heading: TextSpan(start: lines[headingIndex].trimmedStart, end: lines[headingIndex].trimmedEnd), entries: entries)
    }

    /// A line of the text with code-point offsets of its non-blank part.
    struct Line {
        var text: String
        var trimmedStart: Int
        var trimmedEnd: Int

        static func split(_ text: String) -> [Line] {
            var lines: [Line] = []
            var current = String.UnicodeScalarView()
            var start = 0
            var offset = 0
            func finish() {
                let scalars = Array(current)
                let lead = scalars.prefix { $0.properties.isWhitespace }.count
                let trail = scalars.reversed().prefix { $0.properties.isWhitespace }.count
                let end = max(start + lead, start + scalars.count - trail)
                lines.append(Line(text: String(current).trimmingCharacters(in: .whitespaces), trimmedStart: start + lead, trimmedEnd: end))
            }
            for scalar in text.unicodeScalars {
                if scalar == "\n" {
                    finish()
                    current = String.UnicodeScalarView()
                    start = offset + 1
                } else {
                    current.append(scalar)
                }
                offset += 1
            }
            finish()
            return lines
        }
    }

    static func isHeading(_ line: String, in names: [String]) -> Bool {
        guard line.count <= 60 else { return false }
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
        let scalars = Array(line.unicodeScalars)
        var index = 0
        let bracketed = scalars.first == "["
        if bracketed { index = 1 }
        var digits = ""
        while index < scalars.count, ("0"..."9").contains(scalars[index]), digits.count < 3 {
            digits.unicodeScalars.append(scalars[index]); index += 1
        }
        guard !digits.isEmpty, index < scalars.count else { return nil }
        let closer = scalars[index]
        guard bracketed ? closer == "]" : (closer == "." || closer == ")") else { return nil }
        index += 1
        guard index == scalars.count || scalars[index].properties.isWhitespace else { return nil }
        return (Int(digits)!, index)
    }

    /// Whether `line` opens with up to 60 scalars and no comma, then `(2019)`, `(2019a)`, `(n.d.)`
    /// or `(t.y.)`. Matched on scalars, as the `NSRegularExpression` it replaces did.
    static func opensWithAuthorYear(_ line: String) -> Bool {
        line.firstMatch(of: /^[^,(]{1,60}\((\d{4}[a-z]?|n\.d\.|t\.y\.)\)/.matchingSemantics(.unicodeScalar)) != nil
    }

    /// Whether `line` begins a new hanging entry: the line before ended one, and this one starts
    /// with an author (`Family, Given`, `Family, I.`, `Author (2020)`).
    static func startsEntry(_ line: String, after previous: String) -> Bool {
        guard let end = previous.last, ".)".contains(end) || end.isNumber else { return false }
        let words = line.split(separator: " ", maxSplits: 6).map(String.init)
        guard let first = words.first, first.first?.isUppercase == true else { return false }
        if opensWithAuthorYear(line) { return true }
        // "Family, Given" or "Family, I.": a comma after one to three capitalised words, then a name.
        guard let commaWord = words.prefix(3).firstIndex(where: { $0.hasSuffix(",") }) else { return false }
        guard words[...commaWord].allSatisfy({ $0.first?.isUppercase == true }), commaWord + 1 < words.count else { return false }
        let next = words[commaWord + 1]
        // `Middle Eastern Studies, Vol. 34` continues an entry.
        if ["vol.", "no.", "cilt", "sayı", "s.", "ss.", "pp.", "p.", "issue", "т.", "№"].contains(next.lowercased()) { return false }
        return PersonNames.isInitials(next.trimmingCharacters(in: CharacterSet(charactersIn: ",")))
            || next.first?.isUppercase == true && (next.hasSuffix(",") || next.hasSuffix(".") || words.count > commaWord + 2 && PersonNames.isInitials(words[commaWord + 2].trimmingCharacters(in: CharacterSet(charactersIn: ",("))))
    }

    /// Joins the lines of an entry: a word hyphen at a line end goes, a name hyphen stays, URL
    /// breaks are kept as a space for `BrokenURL`.
    static func join(_ lines: [String]) -> String {
        var result = ""
        for line in lines {
            guard !result.isEmpty else { result = line; continue }
            let lastToken = result.split(separator: " ").last ?? ""
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
}
