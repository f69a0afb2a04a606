import FuzzSupport
import GlossCore

/// The citation scanner on any text: no crash, every citation inside the text and slicing to its
/// text, in text order, and the TEI export of the text with its citations well-formed (it reads
/// back to the same text).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScanner(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = Invariant.storedText(UnsafeRawBufferPointer(start: data, count: size)) else { return 0 }
    let scalars = Array(text.unicodeScalars)
    let scan = CitationScanner.scan(utf8: Array(text.utf8), source: try! SourceID("fuzz"))
    var previous = -1
    for citation in scan.citations {
        Invariant.span(citation.span, in: scalars, slicesTo: citation.text, "citation")
        Invariant.require(citation.span.start >= previous, "citations out of text order at \(citation.span)")
        previous = citation.span.start
        for item in citation.items { if let span = item.authorSpan { Invariant.span(span, in: scalars, "author span") } }
    }
    // The scanner's line output says the same as its citations.
    let lines = Array(text.utf8).withUnsafeBufferPointer { CitationScanner.scanLines(utf8: $0, source: try! SourceID("fuzz")) }
    Invariant.require(lines.lines == CitationJSONLine.lines(scan.citations), "scanLines and scan disagree")
    if let list = scan.referenceList { Invariant.span(list, in: scalars, "reference list") }
    Invariant.teiRoundTrip(text, scan)
    return 0
}
