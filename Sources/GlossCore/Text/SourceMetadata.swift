/// What a researcher says about a source when importing it.
public struct SourceDetails: Sendable, Equatable {
    public var title: String?
    public var authors: [String]
    public var year: Int?
    /// BCP 47 language tags, e.g. `tr`, `az`, `ru`, `en`.
    public var languages: [String]

    public init(title: String? = nil, authors: [String] = [], year: Int? = nil, languages: [String] = []) {
        self.title = title
        self.authors = authors
        self.year = year
        self.languages = languages
    }
}

/// The document a text was extracted from: the stored text is the source of truth for offsets,
/// and this records what it came from so that the extraction can be traced and repeated.
public struct OriginalDocument: Codable, Sendable, Equatable {
    /// `pdf` or `docx`.
    public var format: String
    /// SHA-256 (lower-case hex) of the original file's bytes.
    public var sha256: String
    /// The program that extracted the text, with its version (`pdftotext 22.12.0`).
    public var extractor: String

    public init(format: String, sha256: String, extractor: String) {
        self.format = format
        self.sha256 = sha256
        self.extractor = extractor
    }
}

/// One stored revision of a source text. Its file never changes after it is written.
public struct SourceRevision: Codable, Sendable, Equatable {
    /// 1 for the first import, then 2, 3, …
    public var revision: Int
    /// SHA-256 (lower-case hex) of the stored UTF-8 bytes; it identifies the revision.
    public var sha256: String
    /// Length in Unicode scalars (code points).
    public var length: Int
    /// The file name inside `sources/`.
    public var file: String
    /// The name of the file it was imported from.
    public var importedFrom: String
    /// ISO 8601 time of import.
    public var importedAt: String
    /// The document the text was extracted from (a PDF, a Word file), when it was not plain text.
    public var original: OriginalDocument?
    /// Where each printed page begins, as code-point offsets (the first is 0), for texts extracted
    /// from paged documents; absent for plain texts.
    public var pages: [Int]?
    /// Where footnotes stand at the page bottoms (code-point spans, in order), as the layout of the
    /// pages showed them (``FootnoteAreas``); absent when unknown.
    public var footnoteAreas: [TextSpan]?

    public init(revision: Int, sha256: String, length: Int, file: String, importedFrom: String, importedAt: String,
                original: OriginalDocument? = nil, pages: [Int]? = nil, footnoteAreas: [TextSpan]? = nil) {
        self.revision = revision
        self.sha256 = sha256
        self.length = length
        self.file = file
        self.importedFrom = importedFrom
        self.importedAt = importedAt
        self.original = original
        self.pages = pages
        self.footnoteAreas = footnoteAreas
    }

    /// The printed page (1-based) that `offset` lies on, when page boundaries are known.
    public func page(at offset: Int) -> Int? {
        guard let pages, !pages.isEmpty else { return nil }
        var low = 0, high = pages.count
        while low < high {
            let middle = (low + high) / 2
            if pages[middle] <= offset { low = middle + 1 } else { high = middle }
        }
        return max(low, 1)
    }
}

/// The sidecar `sources/<id>.json`: who wrote the text, and every revision of it.
///
/// The top-level `revision`, `sha256`, `length`, `importedFrom` and `importedAt` describe the
/// current (newest) revision; `revisions` lists all of them, oldest first.
public struct SourceMetadata: Codable, Sendable, Equatable {
    public var id: SourceID
    public var title: String?
    public var authors: [String]
    public var year: Int?
    public var languages: [String]
    public var revision: Int
    public var sha256: String
    public var length: Int
    public var importedFrom: String
    public var importedAt: String
    /// Offsets into the text count Unicode scalars.
    public var offsetUnit: String
    public var revisions: [SourceRevision]

    /// The unit every offset in Gloss uses.
    public static let offsetUnit = "unicode-scalar"

    /// Metadata for a source whose first revision is `first`.
    public init(id: SourceID, details: SourceDetails, first: SourceRevision) {
        self.id = id
        title = details.title
        authors = details.authors
        year = details.year
        languages = details.languages
        revision = first.revision
        sha256 = first.sha256
        length = first.length
        importedFrom = first.importedFrom
        importedAt = first.importedAt
        offsetUnit = Self.offsetUnit
        revisions = [first]
    }

    /// The newest revision.
    public var current: SourceRevision { revisions[revisions.count - 1] }

    /// Revision `number`, if it exists.
    public func revision(_ number: Int) -> SourceRevision? {
        revisions.first { $0.revision == number }
    }

    /// Records `next` as the new current revision.
    public mutating func append(_ next: SourceRevision) {
        revisions.append(next)
        revision = next.revision
        sha256 = next.sha256
        length = next.length
        importedFrom = next.importedFrom
        importedAt = next.importedAt
    }
}

extension SourceDetails {
    /// Whether `tag` looks like a BCP 47 language tag (`tr`, `az-Latn`, `en-GB`).
    public static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count),
              first.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}
