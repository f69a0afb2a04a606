import GlossCore

/// Test text with one span marked by `«` and `»`, turned into code-point offsets (no hand counting).
struct MarkedText {
    let text: String
    let span: TextSpan?

    init(_ marked: String) {
        var scalars = String.UnicodeScalarView()
        var start: Int?
        var end: Int?
        for scalar in marked.unicodeScalars {
            switch scalar {
            case "«": start = scalars.count
            case "»": end = scalars.count
            default: scalars.append(scalar)
            }
        }
        text = String(scalars)
        span = start.flatMap { s in end.map { TextSpan(start: s, end: $0) } }
    }
}

/// The scan of a test sentence under a fixed id.
func scanned(_ text: String) -> CitationScan {
    CitationScanner.scan(SourceText(text), source: try! SourceID("test"))
}
