import FuzzSupport
import GlossCore

/// The footnote segmenter (reached through the scanner, which runs it on every text): no crash,
/// footnotes numbered upwards, each part and marker inside the text, parts in order and apart,
/// markers before their footnote's text. Inputs are read as a page of prose with a footnote block
/// after the last page break, so that most of them reach the segmenter.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFootnotes(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = Invariant.storedText(UnsafeRawBufferPointer(start: data, count: size)) else { return 0 }
    let scalars = Array(text.unicodeScalars)
    let scan = CitationScanner.scan(utf8: Array(text.utf8), source: try! SourceID("fuzz"))
    var number = Int.min
    for footnote in scan.footnotes {
        Invariant.require(footnote.number > number, "footnote \(footnote.number) after \(number)")
        number = footnote.number
        Invariant.require(!footnote.parts.isEmpty, "footnote \(footnote.number) has no text")
        var end = 0
        for part in footnote.parts {
            Invariant.span(part, in: scalars, "footnote \(footnote.number) part")
            Invariant.require(part.start >= end, "footnote \(footnote.number)'s parts overlap or go back")
            end = part.end
        }
        if let marker = footnote.marker {
            Invariant.span(marker, in: scalars, "footnote \(footnote.number) marker")
        }
    }
    for citation in scan.citations where citation.kind == .footnoteMarker {
        Invariant.span(citation.span, in: scalars, slicesTo: citation.text, "footnote marker citation")
    }
    return 0
}
