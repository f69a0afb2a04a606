/// MLA's author-page citations, which have no year: `(Smith 12)`, `(Smith and Jones 12–15)`,
/// `(Smith et al. 45)`, `(Smith)`, `(Smith, "Short Title" 12)`, `(Smith, Short Title)`, several
/// separated by `;`, perhaps after a prefix (`see`).
///
/// Without a year nothing in the words tells `(Smith 12)` from `(Figure 12)`, `(Group 2)` or a
/// name given in passing, so every author must name the authors of a work in the source's own
/// reference list, all of them (`listed`, ``ListedWorks/lists(author:)``): a text without such a
/// list has no author-page citations. A part that is not an author-page item makes the whole
/// parenthesis something else.
enum AuthorPageParenthesis {
    typealias Scalars = LocatorParser.Scalars

    /// The most words a short title may have.
    static let maxTitleWords = 8

    /// The items of the normalised content of a parenthesis, or nil.
    static func read(_ content: Scalars, listed: (String) -> Bool) -> [CitationItem]? {
        let s = ParentheticalCitationParser.trim(content)
        var items: [CitationItem] = []
        var start = 0
        while start <= s.count {
            var end = start
            while end < s.count, s[end] != ";" { end += 1 }
            guard let item = self.item(ParentheticalCitationParser.trim(s.part(start..<end)), listed: listed) else { return nil }
            items.append(item)
            start = end + 1
        }
        return items.isEmpty ? nil : items
    }

    /// One item: prefix, author, short title and pages, each but the author optional.
    static func item(_ part: Scalars, listed: (String) -> Bool) -> CitationItem? {
        var s = part
        var prefix: String?
        if let p = ParentheticalCitationParser.prefixLength(s) {
            prefix = ParentheticalCitationParser.text(s.part(0..<p))
            s = ParentheticalCitationParser.trim(s.part(p..<s.count))
        }
        guard !s.isEmpty else { return nil }
        // The pages: the first place after a space from which page numbers run to the end.
        var headEnd = s.count
        var locator: String?
        for k in 1..<s.count where s[k - 1] == " " {
            if LocatorParser.pagesLength(s, at: k) == s.count - k {
                locator = ParentheticalCitationParser.text(s.part(k..<s.count))
                headEnd = k
                break
            }
        }
        var head = ParentheticalCitationParser.trim(s.part(0..<headEnd))
        if head.last == "," { head = ParentheticalCitationParser.trim(head.part(0..<(head.count - 1))) }
        // A short title after the first comma.
        var title: String?
        var authorEnd = head.count
        if let comma = head.firstIndex(of: ",") {
            guard let read = shortTitle(ParentheticalCitationParser.trim(head.part((comma + 1)..<head.count))) else { return nil }
            title = read
            authorEnd = comma
        }
        let author = ParentheticalCitationParser.trim(head.part(0..<authorEnd))
        guard author.count > 1, isAuthor(author), !isAcronymAlone(author, withPages: locator != nil) else { return nil }
        let name = ParentheticalCitationParser.text(author)
        guard listed(name) else { return nil }
        return CitationItem(author: name, locator: locator, prefix: prefix, titleFragment: title)
    }

    /// An author as ``AuthorName`` reads one, or a body whose name opens with a number and goes on
    /// for two words or more (`1000 Genomes Project Consortium et al.`); the list decides whether it
    /// is one.
    private static func isAuthor(_ s: Scalars) -> Bool {
        if AuthorName.isAuthor(s) { return true }
        let digits = LocatorParser.digitRun(s, at: 0)
        guard digits > 0, digits < s.count, s[digits] == " " else { return false }
        let rest = ParentheticalCitationParser.trim(s.part(digits..<s.count))
        return rest.contains(" ") && AuthorName.isAuthor(rest)
    }

    /// A short title: in quotation marks (`"Short Title"`, `“Short Title”`), or a few words opened by
    /// a capital (an italic title, the italics lost). Nil when it is neither.
    static func shortTitle(_ s: Scalars) -> String? {
        guard let first = s.first else { return nil }
        let closing: Unicode.Scalar? = switch first {
        case "\"": "\""
        case "“": "”"
        case "«": "»"
        case "„": "“"
        default: nil
        }
        if let closing {
            guard s.count > 2, s[s.count - 1] == closing || s.count > 3 && s[s.count - 2] == closing && s[s.count - 1] == "," else { return nil }
            return ParentheticalCitationParser.text(s)
        }
        guard first.isCapital else { return nil }
        var words = 1
        for c in s {
            if c == " " { words += 1 }
            guard c.isLetter || c == " " || c == "-" || c == ":" || c.isApostrophe, words <= maxTitleWords else { return nil }
        }
        return ParentheticalCitationParser.text(s)
    }

    /// `(WHO)`, `(NASA)`: a word of capitals alone introduces an abbreviation, unless pages follow.
    private static func isAcronymAlone(_ author: Scalars, withPages: Bool) -> Bool {
        !withPages && author.allSatisfy { $0.isCapital || $0 == "." || $0 == "-" || $0 == "&" }
    }

    /// The first word of each line of the reference list `list` of the UTF-8 `bytes`, after any
    /// numbering: an author-page citation names a work's first author, and its entry opens with that
    /// name, so a parenthesis whose first word is none of these is passed over without the list
    /// being parsed.
    static func entryOpenings(_ bytes: UnsafeBufferPointer<UInt8>, list: Range<Int>) -> Set<[UInt8]> {
        var words = Set<[UInt8]>()
        var k = list.lowerBound
        while k < list.upperBound {
            while k < list.upperBound, ScanBytes.isSpace(bytes[k]) && bytes[k] != ScanBytes.newline { k += 1 }
            // The entry's number (`12.`, `12)`, `[12]`), not a name opening with a number (`1000 Genomes`).
            var number = k
            if number < list.upperBound, bytes[number] == ScanBytes.openBracket { number += 1 }
            while number < list.upperBound, ScanBytes.isDigit(bytes[number]) { number += 1 }
            if number > k, number < list.upperBound,
               bytes[number] == ScanBytes.period || bytes[number] == ScanBytes.closeParen || bytes[number] == ScanBytes.closeBracket {
                k = number + 1
                while k < list.upperBound, ScanBytes.isSpace(bytes[k]) && bytes[k] != ScanBytes.newline { k += 1 }
            }
            let word = firstWord(bytes, from: k, limit: list.upperBound)
            if !word.isEmpty { words.insert(Array(bytes[word])) }
            k = word.upperBound
            while k < list.upperBound, bytes[k] != ScanBytes.newline { k += 1 }
            k += 1
        }
        return words
    }

    /// The word starting at `start`: the bytes up to a space, comma, full stop, semicolon or line break.
    static func firstWord(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int) -> Range<Int> {
        var end = start
        while end < limit, !ScanBytes.isSpace(bytes[end]), bytes[end] != ScanBytes.comma, bytes[end] != ScanBytes.period,
              bytes[end] != UInt8(ascii: ";") { end += 1 }
        return start..<end
    }

}
