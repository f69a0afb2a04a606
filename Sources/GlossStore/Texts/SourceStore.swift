import Foundation
import GlossCore

/// A text ready to be stored: read, validated and normalised, but not yet written.
public struct PreparedText: Sendable {
    /// The file it came from, as the researcher named it.
    public let path: String
    /// The normalised text.
    public let text: String
    /// The document it was extracted from, when it was not a plain text file.
    public var original: OriginalDocument? = nil
    /// Where each printed page begins, for a text from a paged document.
    public var pages: [Int]? = nil
    /// Where footnotes stand at the page bottoms, when the layout showed it.
    public var footnoteAreas: [TextSpan]? = nil

    public init(path: String, text: String, original: OriginalDocument? = nil, pages: [Int]? = nil, footnoteAreas: [TextSpan]? = nil) {
        self.path = path
        self.text = text
        self.original = original
        self.pages = pages
        self.footnoteAreas = footnoteAreas
    }
}

/// The sources of a workspace: `sources/<id>.txt` (revision 1), `sources/<id>@N.txt` (revision N)
/// and the sidecar `sources/<id>.json`.
///
/// `@` cannot occur in an id, so revision files never clash with another source's files.
public struct SourceStore: Sendable {
    public let workspace: Workspace
    /// Texts that passed their sha256 check, by stat signature (`.gloss-cache/verified`).
    let verified: VerifiedTexts
    /// The buffers texts are read into.
    private let reader = TextReader()

    public init(_ workspace: Workspace) {
        self.init(workspace, verified: VerifiedTexts.shared(for: workspace))
    }

    init(_ workspace: Workspace, verified: VerifiedTexts) {
        self.workspace = workspace
        self.verified = verified
        sourcesPath = workspace.sourcesDirectory.path
    }

    /// `workspace.sourcesDirectory` as a path.
    private let sourcesPath: String

    /// How a read text is checked against the sha256 recorded at import.
    public enum TextCheck: Sendable {
        /// Hash the text on every read (what `gloss check` relies on).
        case always
        /// Skip the hash when the file's stat signature is the one recorded after it last passed
        /// (`.gloss-cache/verified`, see `VerifiedTexts`); hash it when anything about it changed.
        case unlessUnchanged
    }

    /// Reads and normalises the file at `path`; nothing is written. A PDF's text is extracted
    /// first (``PDFExtraction``).
    public static func prepare(path: String) throws -> PreparedText {
        if PDFExtraction.handles(path: path) { return try PDFExtraction.prepare(path: path) }
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw StoreError.fileMissing(path: path)
        }
        guard !isDirectory.boolValue else {
            throw StoreError.readFailed(path: path, reason: "it is a folder, not a text file")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw StoreError.readFailed(path: path, reason: error.localizedDescription)
        }
        let text = try TextNormalizer.normalize(Array(data), file: path)
        return PreparedText(path: path, text: text)
    }

    /// Stores new sources, all or none: if any id is taken, nothing is written.
    /// Each entry pairs a prepared text with its id and details.
    @discardableResult
    public func add(_ entries: [(id: SourceID, text: PreparedText, details: SourceDetails)], now: Date = Date()) throws(StoreError) -> [SourceMetadata] {
        var seen = Set<SourceID>()
        for entry in entries where !seen.insert(entry.id).inserted {
            throw .duplicateIDInBatch(entry.id)
        }
        return try WorkspaceLock.withLock(workspace) { () throws(StoreError) -> [SourceMetadata] in
            for entry in entries where exists(entry.id) {
                throw .sourceExists(entry.id)
            }
            let files = entries.flatMap { entry in
                ["sources/" + Self.textFileName(entry.id, revision: 1), "sources/\(entry.id).json"]
            }
            return try WriteJournal.creating(files, in: workspace) { () throws(StoreError) -> [SourceMetadata] in
                var stored: [SourceMetadata] = []
                for entry in entries {
                    let revision = try writeText(entry.text, id: entry.id, revision: 1, now: now)
                    let metadata = SourceMetadata(id: entry.id, details: entry.details, first: revision)
                    try writeMetadata(metadata)
                    stored.append(metadata)
                }
                return stored
            }
        }
    }

    /// Stores `text` as the next revision of `id`. Returns nil when it is identical to the
    /// current revision (nothing is written then).
    public func revise(_ id: SourceID, with text: PreparedText, now: Date = Date()) throws(StoreError) -> SourceMetadata? {
        try WorkspaceLock.withLock(workspace) { () throws(StoreError) -> SourceMetadata? in
            var metadata = try metadata(for: id)
            if sha256Hex(Array(text.text.utf8)) == metadata.sha256 { return nil }
            let file = "sources/" + Self.textFileName(id, revision: metadata.revision + 1)
            try WriteJournal.creating([file], revisionOf: id, in: workspace) { () throws(StoreError) in
                let revision = try writeText(text, id: id, revision: metadata.revision + 1, now: now)
                try AnnotationStore(workspace).noteCitationsRevision(id, revision: metadata.sha256)
                metadata.append(revision)
                try writeMetadata(metadata)
            }
            return metadata
        }
    }

    /// Whether a source with this id exists.
    public func exists(_ id: SourceID) -> Bool {
        FileManager.default.fileExists(atPath: metadataURL(id).path)
    }

    /// Resolves a string typed by the researcher to an existing source id.
    public func id(named name: String) throws(StoreError) -> SourceID {
        guard let id = try? SourceID(name), exists(id) else { throw .unknownSource(name) }
        return id
    }

    /// The metadata of every source, ordered by id.
    public func all() throws(StoreError) -> [SourceMetadata] {
        var result: [SourceMetadata] = []
        for name in try metadataFiles() { result.append(try metadata(inFile: name)) }
        return result
    }

    /// The file names of every source's metadata in `sources/`, ordered by id: for reading them
    /// one by one with `metadata(inFile:)` (a scan reads each where it scans the text).
    public func metadataFiles() throws(StoreError) -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: sourcesPath)
        } catch {
            throw .readFailed(path: sourcesPath, reason: error.localizedDescription)
        }
        return names.sorted().filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
    }

    /// The metadata in the file `name` of `sources/` (one of `metadataFiles()`).
    public func metadata(inFile name: String) throws(StoreError) -> SourceMetadata {
        let path = sourcesPath + "/" + name
        return try Self.validated(StoredJSON.read(SourceMetadata.self, fromPath: path), fileName: name, path: path)
    }

    /// The metadata of one source.
    public func metadata(for id: SourceID) throws(StoreError) -> SourceMetadata {
        guard exists(id) else { throw .unknownSource(id.rawValue) }
        let url = metadataURL(id)
        return try Self.validated(StoredJSON.read(SourceMetadata.self, from: url), fileName: url.lastPathComponent, path: url.path)
    }

    /// The sources named, looked up by id (no problems surveyed), or the whole `survey()` when
    /// `names` is empty: what a command over "these sources, or all" works on.
    public func survey(of names: [String]) throws(StoreError) -> SourceSurvey {
        guard !names.isEmpty else { return try survey() }
        return SourceSurvey(sources: try names.map { name throws(StoreError) in try metadata(for: id(named: name)) })
    }

    /// Every source whose sidecar reads and is consistent, and what is wrong with the others: a
    /// sidecar that is unreadable or inconsistent, or a text in `sources/` that no sidecar names
    /// (its sidecar was deleted). For `gloss check` and `gloss sources`, which report such problems
    /// and go on with the rest; other commands use ``all()``, which stops at the first.
    public func survey() throws(StoreError) -> SourceSurvey {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: sourcesPath).sorted()
        } catch {
            throw .readFailed(path: sourcesPath, reason: error.localizedDescription)
        }
        var survey = SourceSurvey()
        var sidecarIDs = Set<String>()
        for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") {
            sidecarIDs.insert(String(name.dropLast(5)))
            do {
                survey.sources.append(try metadata(inFile: name))
            } catch {
                survey.problems.append(SourceFileProblem(file: name, message: error.description))
            }
        }
        for name in names where name.hasSuffix(".txt") && !name.hasPrefix(".") {
            let id = name.dropLast(4).split(separator: "@", maxSplits: 1).first.map(String.init) ?? ""
            guard !sidecarIDs.contains(id) else { continue }
            survey.problems.append(SourceFileProblem(
                file: name,
                message: "sources/\(name) has no sidecar sources/\(id).json, so no command sees it; restore the sidecar from git, or remove the text and import it again with 'gloss add'"))
        }
        return survey
    }

    /// `metadata`, read from `sources/<fileName>`, if it is consistent: its id is the file's name, its
    /// revisions are numbered 1, 2, … up to `revision`, and each names its own text file in
    /// `sources/` — a sidecar from an untrusted clone must not make Gloss read a file elsewhere.
    static func validated(_ metadata: SourceMetadata, fileName: String, path: String) throws(StoreError) -> SourceMetadata {
        func fail(_ reason: String) -> StoreError { .corruptMetadata(path: path, reason: reason) }
        guard fileName == "\(metadata.id).json" else {
            throw fail("its id '\(metadata.id)' is not its file name")
        }
        guard !metadata.revisions.isEmpty, metadata.revision == metadata.revisions.count else {
            throw fail("'revision' is \(metadata.revision) but 'revisions' lists \(metadata.revisions.count)")
        }
        for (index, entry) in metadata.revisions.enumerated() {
            guard entry.revision == index + 1 else {
                throw fail("revision \(index + 1) is numbered \(entry.revision)")
            }
            let expected = textFileName(metadata.id, revision: entry.revision)
            guard entry.file == expected else {
                throw fail("revision \(entry.revision) names the file '\(entry.file)'; its text must be sources/\(expected)")
            }
        }
        guard let current = metadata.revisions.last, current.sha256 == metadata.sha256, current.length == metadata.length else {
            throw fail("the current revision's sha256 or length differs from the one in 'revisions'")
        }
        return metadata
    }

    /// The text of a revision (the current one when `revision` is nil).
    public func text(of id: SourceID, revision: Int? = nil) throws(StoreError) -> String {
        String(decoding: try bytes(of: id, revision: revision), as: UTF8.self)
    }

    /// The stored UTF-8 bytes of a revision (the current one when `revision` is nil), checked
    /// against its sha256.
    public func bytes(of id: SourceID, revision: Int? = nil) throws(StoreError) -> [UInt8] {
        try bytes(of: metadata(for: id), revision: revision)
    }

    /// The stored UTF-8 bytes of a revision of the source `metadata` describes (the current one when
    /// `revision` is nil), checked against its sha256 as `check` says.
    public func bytes(of metadata: SourceMetadata, revision: Int? = nil, check: TextCheck = .always) throws(StoreError) -> [UInt8] {
        let number = revision ?? metadata.revision
        guard let entry = metadata.revision(number) else {
            throw .unknownRevision(metadata.id, number, latest: metadata.revision)
        }
        let url = workspace.sourcesDirectory.appendingPathComponent(entry.file, isDirectory: false)
        let start = VerifiedTexts.now()
        let (bytes, signature) = try FileBytes.readSigned(url)
        if check == .unlessUnchanged, let signature, verified.contains(entry.file, sha256: entry.sha256, signature: signature) {
            return bytes
        }
        guard sha256Hex(bytes) == entry.sha256 else { throw .textDamaged(path: url.path) }
        if let signature { verified.insert(entry.file, sha256: entry.sha256, signature: signature, readStart: start) }
        return bytes
    }

    /// Calls `body` with the stored UTF-8 bytes of the current revision of the text `metadata`
    /// describes, checked against its sha256 as `check` says, and returns what it returns.
    ///
    /// The bytes are read into a buffer kept from text to text (``TextReader``), not mapped: with
    /// texts scanned on all cores, mapping and unmapping each one made the threads queue on the
    /// process's memory-map lock. A text that cannot be read so (an empty one) is read into an array
    /// instead; one whose stat signature changed while `body` ran is read again, checked, and given
    /// to `body` again.
    public func withText<T>(of metadata: SourceMetadata, check: TextCheck = .always,
                            _ body: (UnsafeBufferPointer<UInt8>) -> T) throws(StoreError) -> T {
        guard let entry = metadata.revision(metadata.revision) else {
            throw .unknownRevision(metadata.id, metadata.revision, latest: metadata.revision)
        }
        // The path as a string: a `URL` is slow to extend, and this runs for every text of a scan.
        let path = sourcesPath + "/" + entry.file
        let start = VerifiedTexts.now()
        let read = try reader.withContents(ofFile: path) { bytes, signature throws(StoreError) -> T? in
            let vouched = check == .unlessUnchanged && verified.contains(entry.file, sha256: entry.sha256, signature: signature)
            guard vouched || sha256Hex(UnsafeRawBufferPointer(bytes)) == entry.sha256 else { throw .textDamaged(path: path) }
            let result = body(bytes)
            // A text changed while it was read is read again below, and hashed.
            guard FileSignature(path: path) == signature else { return nil }
            if !vouched { verified.insert(entry.file, sha256: entry.sha256, signature: signature, readStart: start) }
            return result
        }
        if let read, let result = read { return result }
        return try bytes(of: metadata, check: check).withUnsafeBufferPointer(body)
    }

    /// Records the texts verified so far in `.gloss-cache/verified`, so that later reads with
    /// `.unlessUnchanged` skip their hash. Failing to write it only costs those hashes.
    public func rememberVerifiedTexts() {
        verified.save()
    }

    /// The file name of a revision's text.
    public static func textFileName(_ id: SourceID, revision: Int) -> String {
        revision == 1 ? "\(id).txt" : "\(id)@\(revision).txt"
    }

    func metadataURL(_ id: SourceID) -> URL {
        workspace.sourcesDirectory.appendingPathComponent("\(id).json", isDirectory: false)
    }

    func writeText(_ text: PreparedText, id: SourceID, revision: Int, now: Date) throws(StoreError) -> SourceRevision {
        let bytes = Array(text.text.utf8)
        let file = Self.textFileName(id, revision: revision)
        try AtomicFile.write(bytes, to: workspace.sourcesDirectory.appendingPathComponent(file))
        return Self.revision(revision, of: text, bytes: bytes, file: file, now: now)
    }

    /// The sidecar's record of revision `revision`: `text` stored as `bytes` in `file`.
    static func revision(_ revision: Int, of text: PreparedText, bytes: [UInt8], file: String, now: Date) -> SourceRevision {
        SourceRevision(
            revision: revision,
            sha256: sha256Hex(bytes),
            length: text.text.unicodeScalars.count,
            file: file,
            importedFrom: URL(fileURLWithPath: text.path).lastPathComponent,
            importedAt: Self.timestamp(now),
            original: text.original,
            pages: text.pages,
            footnoteAreas: text.footnoteAreas
        )
    }

    /// Writes the sidecar; `durable: false` leaves the fsync to the caller's sync of the batch.
    func writeMetadata(_ metadata: SourceMetadata, durable: Bool = true) throws(StoreError) {
        let url = metadataURL(metadata.id)
        let bytes: [UInt8]
        do {
            bytes = try StoredJSON.encode(metadata)
        } catch {
            throw .writeFailed(path: url.path, reason: "\(error)")
        }
        try AtomicFile.write(bytes, to: url, durable: durable)
    }

    static func timestamp(_ date: Date) -> String {
        Date.ISO8601FormatStyle().format(date)
    }
}

/// The sources of a workspace as ``SourceStore/survey()`` finds them.
public struct SourceSurvey: Sendable {
    /// The sources whose sidecars read and are consistent, ordered by id.
    public var sources: [SourceMetadata] = []
    /// What is wrong with the other files of `sources/`.
    public var problems: [SourceFileProblem] = []
}

