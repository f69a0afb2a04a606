/// A text extracted from a paged document, with where each page begins.
///
/// Extractors such as `pdftotext` end every page with a form feed (U+000C). The stored text keeps
/// one scalar for each: the form feed becomes a line feed, so every offset stays where the
/// extractor put it and a page still ends with a line break; the pages' first offsets are kept in
/// the sidecar instead.
public struct PagedText: Sendable, Equatable {
    /// The text, with page breaks as line feeds.
    public var text: String
    /// The code-point offset where each page begins; the first is 0.
    public var pageStarts: [Int]

    /// Splits `extracted` (already normalised) at its form feeds. A form feed that ends the text
    /// ends the last page and is dropped, as are the blank pages it may be followed by.
    public init(extracted: String) {
        var scalars = String.UnicodeScalarView()
        var starts = [0]
        var offset = 0
        for scalar in extracted.unicodeScalars {
            offset += 1
            if scalar == "\u{0C}" {
                scalars.append("\n")
                starts.append(offset)
            } else {
                scalars.append(scalar)
            }
        }
        // Page breaks at the very end start no page.
        while starts.count > 1, starts.last! >= offset {
            starts.removeLast()
            scalars.removeLast()
            offset -= 1
        }
        text = String(scalars)
        pageStarts = starts
    }

    /// Whether the text holds any letter: a scanned PDF without a text layer gives none (at most
    /// the page numbers a scanner's software stamped on it).
    public var hasText: Bool {
        text.unicodeScalars.contains { $0.properties.isAlphabetic }
    }
}
