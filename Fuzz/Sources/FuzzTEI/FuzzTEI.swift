import FuzzSupport
import GlossCore
import GlossFormats

/// The TEI and JATS readers (`TEIReader` hands a JATS `<article>` to `JATSReader`) on any bytes: no
/// crash; a document read has every citation and record span inside its text, each citation
/// slicing to its text, and its TEI export reads back to the same text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTEI(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let document = try? TEIReader().read(bytes, file: "fuzz.xml") else { return 0 }
    let scalars = Array(document.text.unicodeScalars)
    for citation in document.citations {
        Invariant.span(citation.span, in: scalars, slicesTo: citation.text, "citation")
    }
    for (key, span) in document.recordSpans { Invariant.span(span, in: scalars, "record \(key)") }
    for claim in document.claims { Invariant.span(claim.span, in: scalars, "claim \(claim.id)") }
    let scan = CitationScan(
        citations: document.citations.map {
            Citation(source: try! SourceID("fuzz"), span: $0.span, text: $0.text, kind: $0.kind, items: [], malformed: false)
        },
        footnotes: [])
    Invariant.teiRoundTrip(document.text, scan)
    return 0
}
