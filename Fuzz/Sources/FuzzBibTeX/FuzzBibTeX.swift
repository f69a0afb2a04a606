import FuzzSupport
import GlossCore
import GlossFormats

/// The BibTeX parser on any text: no crash; what it imports, written as BibTeX, is read back
/// without an error, every record the writer kept (it leaves out, with a warning, records with
/// nothing to cite them by) read back (the export is well-formed).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBibTeX(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = Invariant.storedText(UnsafeRawBufferPointer(start: data, count: size)) else { return 0 }
    let imported = BibTeXParser.parse(text, file: "fuzz.bib")
    guard !imported.records.isEmpty else { return 0 }
    let export = BibTeXWriter().write(imported.records)
    let leftOut = export.warnings.filter { $0.contains("left out of the BibTeX file") }.count
    let back = BibTeXParser.parse(export.text, file: "written.bib")
    Invariant.require(!back.problems.contains { $0.severity == .error },
                      "the BibTeX written does not read back: \(back.problems.map(\.description))")
    Invariant.require(back.records.count == imported.records.count - leftOut,
                      "\(imported.records.count - leftOut) records written, \(back.records.count) read back")
    return 0
}
