import Foundation

/// Reference-list entries in author-date style (APA, Harvard with a parenthesised year):
/// `Kınık, H., & Çelik, S. (2021). The role of Turkish drones. Insight Turkey, 23(4), 169-203.`
enum AuthorDateEntry {
    static func parse(_ text: String) -> ParsedReference? {
        guard let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") else { return nil }
        var authorsPart = text[..<open].trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
        if authorsPart.hasSuffix("."), let last = authorsPart.split(separator: " ").last, !PersonNames.isInitials(String(last)) {
            authorsPart.removeLast()
        }
        let yearText = String(text[text.index(after: open)..<close])
        guard !authorsPart.isEmpty, !authorsPart.contains(where: { "“\"«‘".contains($0) }),
              PersonNames.looksLikeNames(EditorMark.strip(authorsPart).0, maxWordsPerName: 6) else { return nil }
        var fields = ReferenceParser.Fields()
        if let (date, suffix) = ReferenceDates.publication(yearText) {
            fields.year = date
            fields.yearSuffix = suffix
        } else if !["n.d.", "t.y.", "b.t.", "s.a."].contains(yearText.lowercased()) {
            return nil
        }
        // Family-first names: keep "Family, Initials" together.
        let (names, isEditor) = EditorMark.strip(authorsPart)
        let parsed = PersonNames.split(names).map { PersonNames.name($0, singleWordIsFamily: false) }
        if isEditor { fields.editors = parsed } else { fields.authors = parsed }

        var rest = String(text[text.index(after: close)...]).trimmingCharacters(in: CharacterSet(charactersIn: " .,"))
        if let found = BrokenURL.find(in: rest) {
            fields.url = found.url
            rest.replaceSubrange(found.range, with: "")
        }
        fields.accessed = ReferenceParser.takeAccessDate(&rest)
        for marker in ["Retrieved from", "Erişim adresi:", "Erişim adresi", "Available at:", "Available at"] {
            rest = rest.replacingOccurrences(of: marker, with: "")
        }
        rest = rest.trimmingCharacters(in: CharacterSet(charactersIn: " .,"))
        if let quoted = QuotedTitle.find(in: rest), rest.distance(from: rest.startIndex, to: quoted.range.lowerBound) < 2 {
            fields.title = quoted.title
            rest = String(rest[quoted.range.upperBound...])
        } else {
            let end = titleEnd(rest)
            fields.title = String(rest[..<end]).trimmingCharacters(in: CharacterSet(charactersIn: " ."))
            rest = String(rest[end...])
        }
        readSource(rest.trimmingCharacters(in: CharacterSet(charactersIn: " .,")), into: &fields)
        var reference = fields.reference()
        reference.locator = nil
        return reference
    }

    /// Where the title ends: the first `. ` or `? ` followed by a capital letter, or the end.
    static func titleEnd(_ text: String) -> String.Index {
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "." || character == "?" || character == "!" {
                let after = text.index(after: index)
                if after == text.endIndex { return index }
                if text[after] == " " {
                    let next = text.index(after: after)
                    if next < text.endIndex, text[next].isUppercase || text[next].isNumber {
                        return character == "." ? index : after
                    }
                }
            }
            index = text.index(after: index)
        }
        return text.endIndex
    }

    /// What follows the title: `In A (Ed.), Book (pp. 1-20). Publisher.`, `Journal, 23(4), 169-203`,
    /// or `Place: Publisher`.
    static func readSource(_ text: String, into fields: inout ReferenceParser.Fields) {
        guard !text.isEmpty else { return }
        var rest = text
        for prefix in ["In ", "İçinde ", "içinde ", "In: ", "В: "] where rest.hasPrefix(prefix) {
            rest.removeFirst(prefix.count)
            // Editors up to the mark, then the book title up to its pages or a period.
            if let mark = ["(Ed.)", "(Eds.)", "(ed.)", "(eds.)", "(Haz.)", "(haz.)", "(Ed.),", "(Der.)", "(der.)"].compactMap({ rest.range(of: $0) }).first {
                fields.editors = PersonNames.split(String(rest[..<mark.lowerBound])).map { PersonNames.name($0) }
                rest = String(rest[mark.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
            }
            var book = rest
            if let pages = rest.range(of: "(pp.") ?? rest.range(of: "(ss.") ?? rest.range(of: "(s.") {
                book = String(rest[..<pages.lowerBound])
                if let closing = rest[pages.upperBound...].firstIndex(of: ")") {
                    fields.pageRange = rest[pages.upperBound..<closing].trimmingCharacters(in: .whitespaces)
                    rest = String(rest[rest.index(after: closing)...])
                }
            } else {
                let end = titleEnd(rest)
                book = String(rest[..<end])
                rest = String(rest[end...])
            }
            fields.container = book.trimmingCharacters(in: CharacterSet(charactersIn: " .,"))
            fields.titleQuoted = true
            readPublisher(rest.trimmingCharacters(in: CharacterSet(charactersIn: " .,")), into: &fields)
            return
        }
        var segments = ReferenceParser.segments(rest)
        var kept: [String] = []
        for segment in segments {
            if let pages = Locator.pages(in: segment) ?? pageRange(segment), fields.pageRange == nil, !kept.isEmpty {
                fields.pageRange = pages
            } else if let (volume, issue) = Locator.volumeIssue(segment), !kept.isEmpty {
                fields.volume = volume
                fields.issue = issue
            } else {
                kept.append(segment)
            }
        }
        segments = kept
        if fields.volume != nil || fields.pageRange != nil {
            fields.container = segments.first
            fields.titleQuoted = true
        } else {
            readPublisher(segments.joined(separator: ", "), into: &fields)
        }
    }

    /// `Ankara: Bilgi Yayınevi` → place and publisher; `Bilgi Yayınevi` → publisher.
    static func readPublisher(_ text: String, into fields: inout ReferenceParser.Fields) {
        guard !text.isEmpty else { return }
        if let colon = text.firstIndex(of: ":") {
            fields.place = text[..<colon].trimmingCharacters(in: .whitespaces)
            fields.publisher = text[text.index(after: colon)...].trimmingCharacters(in: CharacterSet(charactersIn: " ."))
        } else {
            fields.publisher = text
        }
    }

    /// `169-203` → the range.
    static func pageRange(_ segment: String) -> String? {
        let parts = segment.split(whereSeparator: { "-–—".contains($0) })
        guard parts.count == 2, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) else { return nil }
        return segment.replacingOccurrences(of: " ", with: "")
    }
}
