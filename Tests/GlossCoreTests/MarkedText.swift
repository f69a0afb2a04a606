import Foundation
import GlossCore

/// Test text with a span marked by `⟦` and `⟧`, turned into the plain text and the code-point
/// span between the markers, so tests never count offsets by hand.
struct MarkedText {
    let text: String
    /// The marked span; nil when the text has no markers.
    let markedSpan: TextSpan?

    init(_ marked: String) {
        var plain = String.UnicodeScalarView()
        var start: Int?
        var end: Int?
        for scalar in marked.unicodeScalars {
            switch scalar {
            case "⟦": start = plain.count
            case "⟧": end = plain.count
            default: plain.append(scalar)
            }
        }
        text = String(plain)
        markedSpan = start.flatMap { s in end.map { TextSpan(start: s, end: $0) } }
    }

    /// The marked span, for texts that have one.
    var span: TextSpan { markedSpan! }

    var source: SourceText { SourceText(text) }
}

/// The scan of a test sentence under a fixed id.
func scanned(_ text: String) -> CitationScan {
    CitationScanner.scan(SourceText(text), source: try! SourceID("test"))
}

/// Seed articles (the repository's `sources/`) for Core tests.
enum CoreSeeds {
    /// The text of the seed whose file name starts with `prefix` (`000`, `001`, …); nil only if the
    /// repository lost it, which the tests' `#require` reports as a failure.
    static func text(_ prefix: String) -> String? {
        let folder = SeedData.seeds
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path),
              let name = names.sorted().first(where: { $0.hasPrefix(prefix) && $0.hasSuffix(".txt") }) else { return nil }
        return try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }
}
