import Foundation
import GlossCore

/// Extracts the text of a PDF with Poppler's `pdftotext` (Debian's `poppler-utils`).
///
/// The command rather than libpoppler's C API: Poppler's C interface is the GLib one (poppler-glib),
/// which would pull GLib and Cairo into every build of Gloss, and `pdftotext` is the same code with
/// a stable interface, installed where PDFs are read. It runs in `-raw` mode: the text in the order
/// the page draws it (reading order for what word processors and LaTeX write), one printed line a
/// line, pages ended by form feeds, and — unlike the default mode, which joins a word hyphenated at
/// a line end and so turns the page range `69-⏎74` into `6974` — every character kept. That is the
/// kind of text the scanner was built on (hyphenated line ends, running headers, page numbers,
/// footnotes at page bottoms), so nothing of it is rewritten here.
public enum PDFExtraction {
    /// Whether `path` names a PDF (by its extension).
    public static func handles(path: String) -> Bool {
        path.lowercased().hasSuffix(".pdf")
    }

    /// Reads the PDF at `path` into a text ready to store, with its page boundaries and the
    /// original's sha256. Nothing is written to the workspace.
    public static func prepare(path: String) throws -> PreparedText {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.fileMissing(path: path) }
        let original: Data
        do {
            original = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw StoreError.readFailed(path: path, reason: error.localizedDescription)
        }
        guard original.starts(with: Array("%PDF-".utf8)) || original.prefix(1024).range(of: Data("%PDF-".utf8)) != nil else {
            throw DocumentImportError.damaged(path: path, format: "PDF", reason: "it does not start like a PDF file")
        }
        guard let tool = Self.tool() else { throw DocumentImportError.extractorMissing(path: path, tool: "pdftotext", package: "poppler-utils") }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-pdf-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: output) }
        let run = try Self.run(tool, ["-raw", "-enc", "UTF-8", "-eol", "unix", path, output.path])
        guard run.status == 0 else {
            let message = run.stderr.split(separator: "\n").map(String.init)
            if message.contains(where: { $0.localizedCaseInsensitiveContains("password") }) {
                throw DocumentImportError.encrypted(path: path)
            }
            let reason = message.last(where: { !$0.isEmpty }) ?? "pdftotext failed with status \(run.status)"
            throw DocumentImportError.damaged(path: path, format: "PDF", reason: reason)
        }
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: output))
        } catch {
            throw StoreError.readFailed(path: output.path, reason: error.localizedDescription)
        }
        let normalized: String
        do {
            normalized = try TextNormalizer.normalize(bytes, file: path)
        } catch {
            if case .empty = error { throw DocumentImportError.noTextLayer(path: path) }
            throw error
        }
        let paged = PagedText(extracted: normalized)
        guard paged.hasText else { throw DocumentImportError.noTextLayer(path: path) }
        let document = OriginalDocument(format: "pdf", sha256: sha256Hex(Array(original)), extractor: Self.version(tool))
        let areas = Self.words(tool, path).map { FootnoteAreas.find(in: paged.text, pageStarts: paged.pageStarts, words: $0) }
        return PreparedText(path: path, text: paged.text, original: document, pages: paged.pageStarts,
                            footnoteAreas: areas.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// The words of each page with their boxes, in the order of the `-raw` text (`pdftotext -raw
    /// -bbox`, a second pass over the file); nil when that pass fails, and the import goes on
    /// without the layout.
    static func words(_ tool: String, _ path: String) -> [[PageWord]]? {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-pdf-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: output) }
        guard let run = try? Self.run(tool, ["-raw", "-bbox", "-enc", "UTF-8", path, output.path]), run.status == 0,
              let data = try? Data(contentsOf: output) else { return nil }
        return BoundingBoxes.pages(String(decoding: data, as: UTF8.self))
    }

    /// `pdftotext` on `PATH`, or nil.
    static func tool() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/pdftotext" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// `pdftotext 22.12.0`, as the tool reports its version.
    static func version(_ tool: String) -> String {
        let line = (try? run(tool, ["-v"]))?.stderr.split(separator: "\n").first.map(String.init) ?? ""
        let version = line.split(separator: " ").last.map(String.init) ?? "unknown"
        return "pdftotext \(version)"
    }

    /// Runs `tool` with `arguments` to the end; its output goes to a file, so only stderr is piped.
    private static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw DocumentImportError.extractorMissing(path: tool, tool: "pdftotext", package: "poppler-utils")
        }
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }
}

/// Why a PDF or Word document could not be imported.
public enum DocumentImportError: GlossError, Equatable {
    /// The program that extracts the text is not installed.
    case extractorMissing(path: String, tool: String, package: String)
    case encrypted(path: String)
    /// A PDF whose pages hold no text: scanned images without OCR.
    case noTextLayer(path: String)
    case damaged(path: String, format: String, reason: String)

    public var category: ErrorCategory {
        switch self {
        case .extractorMissing: return .missingFile
        case .encrypted, .noTextLayer, .damaged: return .data
        }
    }

    public var description: String {
        switch self {
        case let .extractorMissing(path, tool, package):
            return "\(path): reading it needs \(tool), which is not installed; install it with 'apt-get install \(package)'"
        case let .encrypted(path):
            return "\(path): the PDF is encrypted with a password; save an unencrypted copy and import that"
        case let .noTextLayer(path):
            return "\(path): the PDF has no text layer (scanned pages?); run OCR on it first, e.g. 'ocrmypdf in.pdf out.pdf'"
        case let .damaged(path, format, reason):
            return "\(path): not a readable \(format) file: \(reason)"
        }
    }
}
