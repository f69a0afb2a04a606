import Foundation
import GlossCore

/// Test text with a span marked by `⟦` and `⟧`, turned into the plain text and the code-point
/// span between the markers, so tests never count offsets by hand.
struct MarkedText {
    let text: String
    let span: TextSpan

    init(_ marked: String) {
        var plain = String.UnicodeScalarView()
        var start = 0
        var end = 0
        for scalar in marked.unicodeScalars {
            switch scalar {
            case "⟦": start = plain.count
            case "⟧": end = plain.count
            default: plain.append(scalar)
            }
        }
        text = String(plain)
        span = TextSpan(start: start, end: end)
    }

    var source: SourceText { SourceText(text) }
}

/// Seed articles (`../shared/seeds`) for Core tests, or nil on a clone without them.
enum CoreSeeds {
    static let folder: URL? = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        let seeds = url.appendingPathComponent("shared/seeds")
        return FileManager.default.fileExists(atPath: seeds.path) ? seeds : nil
    }()

    /// The text of the seed whose file name starts with `prefix` (`000`, `001`, …).
    static func text(_ prefix: String) -> String? {
        guard let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path),
              let name = names.sorted().first(where: { $0.hasPrefix(prefix) && $0.hasSuffix(".txt") }) else { return nil }
        return try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }
}
