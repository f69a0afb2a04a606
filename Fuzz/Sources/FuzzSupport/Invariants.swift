import GlossCore
import GlossFormats

/// What every fuzz target asserts: a broken invariant stops the process with a message libFuzzer
/// reports as a crash (and keeps the input as `crash-…`).
public enum Invariant {
    /// Stops with `message` unless `condition` holds.
    public static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        if !condition() { fatalError("invariant: " + message()) }
    }

    /// `span` lies inside a text of `scalars` and, when `text` is given, slices to it.
    public static func span(_ span: TextSpan, in scalars: [Unicode.Scalar], slicesTo text: String? = nil, _ what: String) {
        require(span.start >= 0 && span.start <= span.end && span.end <= scalars.count,
                "\(what) \(span) outside a text of \(scalars.count) code points")
        if let text {
            let slice = String(String.UnicodeScalarView(scalars[span.start..<span.end]))
            require(slice == text, "\(what) \(span) slices to \(slice.debugDescription), not \(text.debugDescription)")
        }
    }

    /// The fuzzer's bytes as a text Gloss would store: valid UTF-8 (invalid bytes replaced), NFC,
    /// line feeds (as `TextNormalizer` makes an imported file); nil when the import refuses it.
    public static func storedText(_ bytes: UnsafeRawBufferPointer) -> String? {
        try? TextNormalizer.normalize(Array(bytes), file: "fuzz.txt")
    }

    /// A source's metadata for `text`, as `gloss add` would make it.
    public static func metadata(for text: String) -> SourceMetadata {
        let revision = SourceRevision(revision: 1, sha256: String(repeating: "0", count: 64), length: text.unicodeScalars.count,
                                      file: "fuzz.txt", importedFrom: "fuzz.txt", importedAt: "2026-01-01T00:00:00Z")
        return SourceMetadata(id: try! SourceID("fuzz"), details: SourceDetails(), first: revision)
    }

    /// The TEI export of `text` with `scan` must be XML that the TEI reader reads back to the same text.
    public static func teiRoundTrip(_ text: String, _ scan: CitationScan) {
        let document = TEIDocument(metadata: metadata(for: text), text: text,
                                   citations: scan.citations.map { TEICitation($0) },
                                   footnotes: scan.footnotes.map { TEIFootnote(number: $0.number, marker: $0.marker, parts: $0.parts) })
        let xml: String
        do {
            xml = try TEIWriter().write(document)
        } catch {
            return require(false, "TEI export failed: \(error)")
        }
        do {
            let read = try TEIReader().read(Array(xml.utf8), file: "fuzz.tei.xml")
            require(read.text == text, "the TEI export does not read back to the text")
        } catch {
            require(false, "the TEI export does not read back: \(error)")
        }
    }
}
