/// How a footnote or list entry refers to a work.
public enum ReferenceForm: String, Codable, Sendable, Hashable {
    /// A full reference: authors, title, publication details.
    case full
    /// `Age, s. 59-61.`, `Agk.`, `a.g.e.`, `ibid.`: the work of the previous footnote.
    case ibid
    /// `Yüce, The Caucasus, s. 61.`: author and a title fragment of a work cited in full earlier.
    case shortForm = "short-form"
}

/// One reference read from a footnote or reference-list entry: the record as written and the
/// page it cites. Ibid and short forms carry only what they write; `FootnoteChainResolver`
/// links them to the work they repeat.
public struct ParsedReference: Sendable, Hashable {
    public var form: ReferenceForm
    /// The record as written (for short forms: the authors' family names and the title fragment).
    public var record: BibRecord
    /// The page or pages this footnote cites (`33-35` from `s. 33-35`), as written without the prefix.
    public var locator: String?

    public init(form: ReferenceForm, record: BibRecord, locator: String? = nil) {
        self.form = form
        self.record = record
        self.locator = locator
    }
}

/// A footnote or reference-list entry after parsing: its references in order.
public struct ParsedEntry: Sendable, Hashable {
    /// The leading footnote or list number, when written (`9` in `9 Bilal N. Şimşir, …`).
    public var number: Int?
    /// The references the entry holds; several for `A, …, s. 6; B, …, s. 35.`, none for pure commentary.
    public var references: [ParsedReference]
    /// Whether the entry is a comment that points at a reference (`Ayrıntılı bilgi için bkz.; …`).
    public var isCommentary: Bool

    public init(number: Int?, references: [ParsedReference], isCommentary: Bool) {
        self.number = number
        self.references = references
        self.isCommentary = isCommentary
    }
}
