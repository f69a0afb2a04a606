/// A person or an institution in a CSL-JSON name list: `family`/`given`, or `literal` for
/// institutions (`NATO`, `Anadolu Ajansı`).
public struct CSLName: Codable, Sendable, Hashable {
    public var family: String?
    public var given: String?
    public var literal: String?
    /// `Jr.`, `III`.
    public var suffix: String?

    public init(family: String? = nil, given: String? = nil, literal: String? = nil) {
        self.family = family
        self.given = given
        self.literal = literal
    }

    public init(family: String?, given: String?, suffix: String?) {
        self.family = family
        self.given = given
        self.suffix = suffix
    }
}

/// A CSL-JSON date: `date-parts` ([[year, month, day]], month and day optional) or a `literal`.
public struct CSLDate: Codable, Sendable, Hashable {
    public var dateParts: [[Int]]?
    public var literal: String?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        var parts = [year]
        if let month {
            parts.append(month)
            if let day { parts.append(day) }
        }
        dateParts = [parts]
        literal = nil
    }

    public init(literal: String) {
        dateParts = nil
        self.literal = literal
    }

    /// The year, when the date has one.
    public var year: Int? { dateParts?.first?.first }

    enum CodingKeys: String, CodingKey {
        case dateParts = "date-parts"
        case literal
    }
}

/// Where a record came from.
public struct RecordProvenance: Codable, Sendable, Hashable {
    /// An imported file (`refs.bib`), when imported.
    public var file: String?
    /// The line in that file where the entry starts.
    public var line: Int?
    /// The source whose footnote or reference list held the entry.
    public var source: SourceID?
    /// The span of that footnote or list entry in the source's stored text.
    public var span: TextSpan?

    public init(file: String? = nil, line: Int? = nil, source: SourceID? = nil, span: TextSpan? = nil) {
        self.file = file
        self.line = line
        self.source = source
        self.span = span
    }
}

/// A bibliographic record shaped like CSL-JSON (the interchange format of Zotero, pandoc and
/// citeproc), plus what Gloss knows about where it came from.
///
/// The CSL fields encode under their CSL-JSON names (`container-title`, `publisher-place`, `URL`);
/// Gloss's own fields live under `custom`, which CSL-JSON reserves for such data, so a library
/// file can be handed to pandoc as it is.
public struct BibRecord: Codable, Sendable, Hashable, Identifiable {
    /// The citation key.
    public var id: String
    /// The CSL type: `article-journal`, `book`, `chapter`, `article-newspaper`, `webpage`,
    /// `report`, `thesis`, `legislation`, …
    public var type: String
    public var author: [CSLName]?
    public var editor: [CSLName]?
    public var title: String?
    public var containerTitle: String?
    public var collectionTitle: String?
    public var volume: String?
    public var issue: String?
    public var page: String?
    public var issued: CSLDate?
    /// The letter that tells apart works of one author and year (`a` in `2020a`).
    public var yearSuffix: String?
    public var accessed: CSLDate?
    public var publisher: String?
    public var publisherPlace: String?
    public var url: String?
    public var doi: String?
    public var language: String?
    public var genre: String?
    public var note: String?
    public var custom: Custom?

    /// Gloss's own data about a record.
    public struct Custom: Codable, Sendable, Hashable {
        public var provenance: [RecordProvenance]?
        /// A stub is made from in-text citations alone, where a source has no reference list.
        public var stub: Bool?
        /// For stubs: the locators cited.
        public var citedLocators: [String]?
        /// The entry as the imported `.bib` file wrote it, so that an export loses nothing.
        public var bibtex: BibTeXOriginal?
        /// A reference-list entry's text as written, so nothing a parser misreads is lost.
        public var rawText: String?
        /// Set when a reference-list entry could not be read as a reference (no author and no
        /// year, or no title): `gloss check` reports it with its raw text.
        public var unparsed: Bool?

        public init(provenance: [RecordProvenance]? = nil, stub: Bool? = nil, citedLocators: [String]? = nil) {
            self.provenance = provenance
            self.stub = stub
            self.citedLocators = citedLocators
        }

        enum CodingKeys: String, CodingKey {
            case provenance = "gloss-provenance"
            case stub = "gloss-stub"
            case citedLocators = "gloss-cited-locators"
            case bibtex = "gloss-bibtex"
            case rawText = "gloss-raw-text"
            case unparsed = "gloss-unparsed"
        }
    }

    public init(id: String, type: String) {
        self.id = id
        self.type = type
    }

    enum CodingKeys: String, CodingKey {
        case id, type, author, editor, title, volume, issue, page, issued, accessed, publisher
        case language, genre, note, custom
        case containerTitle = "container-title"
        case collectionTitle = "collection-title"
        case publisherPlace = "publisher-place"
        case url = "URL"
        case doi = "DOI"
        case yearSuffix = "year-suffix"
    }
}
