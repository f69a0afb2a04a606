import FuzzSupport
import GlossCore

/// The reference-list segmenter and the entry parser: no crash, every entry inside the text, after
/// the heading, in order and apart; every entry parses (to a record or to nothing) without a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReferences(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = Invariant.storedText(UnsafeRawBufferPointer(start: data, count: size)) else { return 0 }
    let scalars = Array(text.unicodeScalars)
    guard let list = ReferenceListSegmenter.segment(text) else { return 0 }
    Invariant.span(list.heading, in: scalars, "heading")
    var end = list.heading.end
    for entry in list.entries {
        Invariant.span(entry.span, in: scalars, "entry")
        Invariant.require(entry.span.start >= end, "entry \(entry.span) before the end of the one before (\(end))")
        end = entry.span.end
        _ = ReferenceParser.parse(entry.text)
        _ = ReferenceParser.parseListEntry(entry.text)
    }
    return 0
}
