/// The text of a footnote found at a page bottom, with its exact pieces in the stored text.
///
/// A footnote usually is one piece: from its number at the start of its line to the end of its last
/// line (trailing whitespace trimmed). A footnote cut by a page break has two (or more) `parts`: its
/// continuation sits after the next page's body text, just before that page's own footnotes.
/// `text` is the footnote, leading number included, with the parts joined and whitespace collapsed —
/// the input for parsing it into a bibliographic record.
public struct Footnote: Codable, Sendable, Hashable {
    /// The footnote number written at its start.
    public var number: Int
    /// The pieces of the footnote in the stored text, in order (code-point offsets, end exclusive).
    public var parts: [TextSpan]
    /// The footnote text, number included, whitespace collapsed (`9 Bilal N. Şimşir, Azerbaycan, …`);
    /// a line break after a hyphen becomes a space too (`https://www.reu- ters.com`): whether that
    /// hyphen splits a word, a URL or a double name is for the reference parser to decide.
    public var text: String
    /// An ibid form pointing at the footnote before it: `Age, s. 104.`, `Agk.`, `a.g.e.`, `ibid.`, `op. cit.`.
    public var isIbid: Bool
    /// A short form pointing at an earlier full reference: `Yüce, The Caucasus, s. 61.`
    public var isShortForm: Bool
    /// The span of the marker in the body text that points to this footnote, when one was found.
    public var marker: TextSpan?

    public init(number: Int, parts: [TextSpan], text: String, isIbid: Bool, isShortForm: Bool, marker: TextSpan? = nil) {
        self.number = number
        self.parts = parts
        self.text = text
        self.isIbid = isIbid
        self.isShortForm = isShortForm
        self.marker = marker
    }

    /// The outer bounds of the footnote: from the start of its first part to the end of its last
    /// (for a split footnote this includes the body text in between; use `parts`).
    public var span: TextSpan { TextSpan(start: parts.first?.start ?? 0, end: parts.last?.end ?? 0) }

    /// The footnote text without its leading number.
    public var body: Substring {
        let scalars = Substring(text).unicodeScalars
        let afterNumber = scalars.drop { $0.properties.numericType != nil }.drop { $0 == " " }
        return Substring(afterNumber)
    }
}

/// The in-text citations and footnotes found in one source.
public struct CitationScan: Codable, Sendable, Hashable {
    /// The citations in text order.
    public var citations: [Citation]
    /// The footnote texts in number order.
    public var footnotes: [Footnote]
    /// The reference list at the end of the text (from its heading, `Kaynakça`, `References`, …, to
    /// the end), where nothing is reported as an in-text citation.
    public var referenceList: TextSpan?

    public init(citations: [Citation], footnotes: [Footnote], referenceList: TextSpan? = nil) {
        self.citations = citations
        self.footnotes = footnotes
        self.referenceList = referenceList
    }

    /// Footnote numbers with no marker in the body text.
    public var footnotesWithoutMarker: [Int] { footnotes.filter { $0.marker == nil }.map(\.number) }
}
