import Foundation

/// Compares the author of an in-text citation (`Naciyev ve Gasımlı`, `Smith et al.`,
/// `Bayrakdar-Temür`, `Deveci Bozkuş`, `Anadolu Ajansı`) with a record's names, folding Turkish
/// and Azerbaijani letters and case (`İ/ı/I/i`, `ə`, `ş`, `ğ`, `ç`, `ö`, `ü`).
public struct CitedAuthors: Sendable, Hashable {
    /// Folded names as cited, in order (`naciyev`, `gasimli`).
    public var names: [String]
    /// `et al.`, `vd.`, `ve ark.`, `и др.`: more authors than written.
    public var etAl: Bool

    static let etAlMarks = ["et al.", "et al", "vd.", "vd", "ve ark.", "ve ark", "ve arkadaşları", "ve diğerleri", "ve diğ.", "və b.",
                            "və başq.", "və başqaları", "и др.", "и др", "and others"]

    public init(_ author: String) {
        var text = author.trimmingCharacters(in: .whitespacesAndNewlines)
        var etAl = false
        let lower = text.lowercased()
        for mark in Self.etAlMarks where lower.hasSuffix(" " + mark) || lower.hasSuffix("," + mark) {
            text = String(text.dropLast(mark.count)).trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
            etAl = true
            break
        }
        let split = PersonNames.split(text)
        names = split.map { NameFolding.key($0) }.filter { !$0.isEmpty }
        if split.count == 1, split[0].contains("-"), !split[0].contains(" ") {
            // `Bayrakdar-Temür` may be one double surname or two co-authors.
            alternative = split[0].split(separator: "-").map { NameFolding.key(String($0)) }
        } else if split.first?.contains(",") == true {
            // `Eğilmez, Kumcu`, `Smith, Jones, Lee`: GOST R 7.0.5 separates co-authors by commas
            // alone, which the split reads as `Family, Given` first.
            let pieces = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let plain = pieces.allSatisfy { $0.unicodeScalars.count > 1 && !$0.contains(".") && !$0.isEmpty }
            alternative = plain ? pieces.map(NameFolding.key) : nil
        } else {
            alternative = nil
        }
        self.etAl = etAl
    }

    /// Another reading of the names, tried when the first matches nothing exactly: a hyphenated
    /// single name as two co-authors (`Bayrakdar`, `Temür`), or names separated by commas alone as
    /// co-authors rather than a family and a given name (`Eğilmez`, `Kumcu`).
    var alternative: [String]?

    /// How well `record`'s authors (or editors, for edited books) match: `.exact` when every
    /// cited name matches the record's names in order (or the first, with `et al.`), `.firstAuthor`
    /// when only the first does.
    public func match(_ record: BibRecord) -> AuthorMatch {
        let direct = match(names, record)
        if direct == .exact { return direct }
        guard let alternative else { return direct }
        return max(direct, match(alternative, record))
    }

    func match(_ names: [String], _ record: BibRecord) -> AuthorMatch {
        let people = record.author ?? record.editor ?? []
        guard let firstCited = names.first, !people.isEmpty else { return .none }
        let keys = people.map(Self.keys)
        guard Self.matches(firstCited, keys[0]) else { return .none }
        // `et al.` stands for two or more others: a work of two authors is cited with both names.
        if etAl { return people.count >= 3 ? .exact : .firstAuthor }
        guard names.count == people.count else { return .firstAuthor }
        for (cited, candidate) in zip(names, keys) where !Self.matches(cited, candidate) { return .firstAuthor }
        return .exact
    }

    /// The folded forms a record name can be cited by: family, given + family, family + given, literal.
    static func keys(_ name: CSLName) -> [String] {
        if let literal = name.literal { return [NameFolding.key(literal)] }
        let family = NameFolding.key(name.family ?? "")
        let full = NameFolding.key([name.given, name.family].compactMap { $0 }.joined(separator: " "))
        // Family first, as eLife and Vancouver write names: an institution read as a family name and
        // initials (`GlaxoSmithKline UK`) is cited whole.
        let inverted = NameFolding.key([name.family, name.given].compactMap { $0 }.joined(separator: " "))
        return [family, full, inverted].filter { !$0.isEmpty }
    }

    /// A cited name matches a record name when it equals its family name or full name, or
    /// ends with the family name (`zhirayr amirkhanyan` / `amirkhanyan`).
    static func matches(_ cited: String, _ keys: [String]) -> Bool {
        keys.contains { key in cited == key || cited.hasSuffix(" " + key) || key.hasSuffix(" " + cited) }
    }
}

public enum AuthorMatch: Int, Sendable, Comparable {
    case none, firstAuthor, exact
    public static func < (a: AuthorMatch, b: AuthorMatch) -> Bool { a.rawValue < b.rawValue }
}

/// The year of a citation (`2020`, `2020a`, `01.02.2000`, `16 may 1997`, `n.d.`).
public struct CitedYear: Sendable, Hashable {
    public var year: Int?
    public var suffix: String?
    /// `n.d.`, `t.y.`: no date.
    public var undated: Bool

    public init(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        undated = Self.undatedForms.contains(trimmed.lowercased())
        suffix = nil
        year = nil
        if let (date, suffix) = ReferenceDates.publication(trimmed) {
            year = date.year
            self.suffix = suffix
        } else if let date = ReferenceDates.parse(trimmed) {
            year = date.year
        } else if let range = Self.firstFourDigits(in: trimmed) {
            year = Int(trimmed[range])
        }
    }

    /// Ways of writing "no date", lower-cased: those the citation parsers read (`LocatorParser.undated`)
    /// and Harvard's `no date`.
    static let undatedForms: Set<String> = ["n.d.", "n.d", "nd", "t.y.", "t.y", "b.t.", "b.y.", "s.a.", "б.г.", "б. г.", "no date"]

    /// The first four decimal digits in a row (any script's), matched on scalars as the
    /// `NSRegularExpression` it replaces did.
    static func firstFourDigits(in text: String) -> Range<String.Index>? {
        text.firstMatch(of: /\d{4}/.matchingSemantics(.unicodeScalar))?.range
    }

    /// Whether `record` was issued in this year (and with this suffix, when both have one).
    public func matches(_ record: BibRecord) -> Bool {
        if undated { return record.issued?.year == nil }
        guard let year, record.issued?.year == year else { return false }
        if let suffix, let recordSuffix = record.yearSuffix { return suffix == recordSuffix }
        return true
    }
}
