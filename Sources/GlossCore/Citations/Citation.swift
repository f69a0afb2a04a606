/// The families of in-text citation Gloss detects.
public enum CitationKind: String, Codable, Sendable, CaseIterable {
    /// `(Zeytinci, 2025:3)`
    case parenthetical
    /// `Deveci Bozkuş’a göre (2021: 57-58)`, `Smith (2020) argues`
    case narrative
    /// `[8, s.229]`, `[13, 16]`
    case numeric
    /// `kurtarılmıştır.9`
    case footnoteMarker = "footnote-marker"
}

/// One cited work inside a citation: `(A, 2020:3; B, 2021)` has two items.
public struct CitationItem: Codable, Sendable, Hashable {
    /// The author as written, whitespace collapsed, case suffix dropped (`Anglim`, `Naciyev ve Gasımlı`).
    public var author: String?
    /// The year or date as written (`2025`, `2021a`, `01.02.2000`, `n.d.`).
    public var year: String?
    /// The page or other locator as written (`3`, `57-58`, `s.229`).
    public var locator: String?
    /// The reference number of a numeric citation or footnote marker.
    public var ref: Int?
    /// A prefix such as `bkz.`, `see`, `cf.`.
    public var prefix: String?
    /// For malformed citations: the fragment of a title written where the year should be.
    public var titleFragment: String?
    /// Where the author stands when it is outside the citation's span: a year-only parenthesis whose
    /// author is named earlier in the sentence (`Ergin, “Türk Dil Bilgisi” adlı eserinde … (1997, s. 45)`).
    public var authorSpan: TextSpan?

    public init(author: String? = nil, year: String? = nil, locator: String? = nil, ref: Int? = nil,
                prefix: String? = nil, titleFragment: String? = nil, authorSpan: TextSpan? = nil) {
        self.author = author
        self.year = year
        self.locator = locator
        self.ref = ref
        self.prefix = prefix
        self.titleFragment = titleFragment
        self.authorSpan = authorSpan
    }
}

/// An in-text citation found in (or added by hand to) a source, with its exact span in the stored text.
public struct Citation: Codable, Sendable, Hashable, Identifiable {
    /// The source it is in.
    public var source: SourceID
    /// Code-point offsets into the stored text, end exclusive.
    public var span: TextSpan
    /// The stored text of the span, exactly.
    public var text: String
    public var kind: CitationKind
    public var items: [CitationItem]
    /// Set when the citation is broken (unclosed parenthesis, a title where the year should be);
    /// such citations are reported, never dropped.
    public var malformed: Bool

    public init(source: SourceID, span: TextSpan, text: String, kind: CitationKind, items: [CitationItem], malformed: Bool = false) {
        self.source = source
        self.span = span
        self.text = text
        self.kind = kind
        self.items = items
        self.malformed = malformed
    }

    /// The stable id of the citation: `SOURCE:START-END`. A stored revision never changes, so its
    /// span names the citation.
    public var id: CitationID { CitationID(source: source, span: span) }
}

/// Names a citation: `SOURCE:START-END` (code-point offsets of its span).
public struct CitationID: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public var source: SourceID
    public var span: TextSpan

    public init(source: SourceID, span: TextSpan) {
        self.source = source
        self.span = span
    }

    /// Parses `SOURCE:START-END` (or `SOURCE:START..END`, as spans are written); `defaultSource`
    /// allows the short form `START-END`.
    public init(parsing text: String, defaultSource: SourceID? = nil) throws(CitationIDError) {
        let sourcePart: Substring?
        let spanPart: Substring
        if let colon = text.lastIndex(of: ":") {
            sourcePart = text[..<colon]
            spanPart = text[text.index(after: colon)...]
        } else {
            sourcePart = nil
            spanPart = Substring(text)
        }
        guard let (start, end) = TextSpan.bounds(spanPart), start <= end else { throw .malformed(text) }
        if let sourcePart {
            guard let id = try? SourceID(String(sourcePart)) else { throw .malformed(text) }
            source = id
        } else if let defaultSource {
            source = defaultSource
        } else {
            throw .missingSource(text)
        }
        span = TextSpan(start: start, end: end)
    }

    public var description: String { "\(source):\(span.start)-\(span.end)" }

    public static func < (a: CitationID, b: CitationID) -> Bool { (a.source, a.span) < (b.source, b.span) }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(parsing: text)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Why a citation id cannot be read.
public enum CitationIDError: GlossError, Equatable {
    case malformed(String)
    case missingSource(String)

    public var category: ErrorCategory { .usage }

    public var description: String {
        switch self {
        case let .malformed(text):
            return "'\(text)' is not a citation id; write SOURCE:START-END as 'gloss cites' shows it"
        case let .missingSource(text):
            return "citation '\(text)' needs its source: write SOURCE:\(text)"
        }
    }
}

extension Citation {
    /// The one of `citations` that starts nearest `span`, named as errors name a citation
    /// (`source:start-end "text"`); nil when there are none.
    public static func nearest(to span: TextSpan, among citations: [Citation]) -> String? {
        citations.min { abs($0.span.start - span.start) < abs($1.span.start - span.start) }.map { "\($0.id) \"\($0.text)\"" }
    }
}
