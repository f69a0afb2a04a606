/// One author-date item of a citation, with what the rules compare: the folded author, the year
/// and the separator written between year and locator.
struct AuthorDateUse {
    var source: SourceID
    var citation: Citation
    var item: CitationItem
    var author: String
    var authorKey: String
    var year: String
    /// `:` in `2025:3`, `.` in `2025.4`, `, s.` in `2021, s. 12`; nil without a locator.
    var separator: String?

    /// Every item of the parenthetical and narrative citations that has an author and a year.
    static func all(in context: CheckContext) -> [AuthorDateUse] {
        context.sources.flatMap { source in
            source.citations.filter { $0.kind == .parenthetical || $0.kind == .narrative }.flatMap { citation in
                var searchFrom = citation.text.startIndex
                return citation.items.compactMap { item -> AuthorDateUse? in
                    guard let author = item.author, let year = item.year else { return nil }
                    var separator: String?
                    if let yearRange = citation.text.range(of: year, range: searchFrom..<citation.text.endIndex) {
                        searchFrom = yearRange.upperBound
                        if item.locator != nil {
                            separator = Self.separator(after: citation.text[yearRange.upperBound...])
                        }
                    }
                    return AuthorDateUse(source: source.metadata.id, citation: citation, item: item, author: author,
                                         authorKey: NameFolding.key(author), year: year, separator: separator)
                }
            }
        }
    }

    /// What stands between the year and the first digit of the locator, whitespace collapsed
    /// and a space put after a comma (`, s.`).
    static func separator(after rest: Substring) -> String? {
        var raw = ""
        for character in rest {
            if character.isNumber { break }
            if character == ")" || character == ";" { return nil }
            if !character.isWhitespace { raw.append(character) }
        }
        guard !raw.isEmpty else { return nil }
        return raw.replacingOccurrences(of: ",", with: ", ")
    }
}
