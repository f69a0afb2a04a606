import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that a crash leaves the old file or the new one, never a mix:
/// a temporary file in the same folder, fsync, rename over the target, fsync of the folder.
public enum AtomicFile {
    /// Replaces (or creates) the file at `url` with `bytes`.
    ///
    /// `durable: false` skips the fsyncs: the rename still leaves the old file or the new one if the
    /// process dies, but a power cut may leave a damaged file. Only for derived data (the cache),
    /// which is checked when read and rebuilt when damaged.
    public static func write(_ bytes: [UInt8], to url: URL, durable: Bool = true) throws(StoreError) {
        try write(parts: [bytes], to: url, durable: durable)
    }

    /// Replaces (or creates) the file at `url` with `parts` one after the other (written as they
    /// are, not joined first). With `creatingFolder`, a missing folder is created.
    public static func write(parts: [[UInt8]], to url: URL, durable: Bool = true, creatingFolder: Bool = false) throws(StoreError) {
        try write(parts: parts, toPath: url.path, durable: durable, creatingFolder: creatingFolder)
    }

    /// `write(parts:to:durable:creatingFolder:)` for a file path. The paths around it are made as
    /// strings: `URL`'s path operations cost more than writing a small file.
    static func write(parts: [[UInt8]], toPath path: String, durable: Bool = true, creatingFolder: Bool = false) throws(StoreError) {
        _ = try write(parts: parts, toPath: path, durable: durable, creatingFolder: creatingFolder, mapping: false)
    }

    /// `write(parts:toPath:durable:creatingFolder:)` that also maps the file it wrote (nil when it
    /// cannot be mapped), so that its bytes can be handed on without being kept in memory.
    static func writeMapped(parts: [[UInt8]], toPath path: String, durable: Bool = true,
                            creatingFolder: Bool = false) throws(StoreError) -> MappedFile? {
        try write(parts: parts, toPath: path, durable: durable, creatingFolder: creatingFolder, mapping: true)
    }

    /// `writeMapped` for derived data whose readers check that a file is whole (the detection
    /// cache, whose header gives the size): a file that does not exist yet is created and written
    /// in place, which spares a temporary name and a rename for every entry of a first scan; one that
    /// exists is replaced as `writeMapped` replaces it. Nothing is synced. A crash may leave a short
    /// file, which such readers reject and the next write replaces.
    static func createMapped(parts: [[UInt8]], toPath path: String, creatingFolder: Bool = false) throws(StoreError) -> MappedFile? {
        let flags = O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC
        var fd = open(path, flags, 0o644)
        if fd < 0, errno == ENOENT, creatingFolder {
            try createFolder(of: path)
            fd = open(path, flags, 0o644)
        }
        guard fd >= 0 else {
            if errno == EEXIST { return try writeMapped(parts: parts, toPath: path, durable: false, creatingFolder: creatingFolder) }
            throw .writeFailed(path: path, reason: lastError())
        }
        if let failure = write(parts, to: fd) {
            close(fd)
            unlink(path)
            throw .writeFailed(path: path, reason: failure)
        }
        let mapped = MappedFile(fd: fd)
        close(fd)
        return mapped
    }

    /// Creates the folder `path` lies in, and the folders above it that are missing.
    private static func createFolder(of path: String) throws(StoreError) {
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(path: folder, reason: error.localizedDescription)
        }
    }

    /// Writes `parts` one after the other to `fd`, again after an interrupted or partial write;
    /// the reason of a failure, or nil.
    private static func write(_ parts: [[UInt8]], to fd: Int32) -> String? {
        for part in parts {
            let failure = part.withUnsafeBytes { buffer -> String? in
                var written = 0
                while written < buffer.count {
                    let n = posixWrite(fd, buffer.baseAddress! + written, buffer.count - written)
                    if n < 0 {
                        if errno == EINTR { continue }
                        return lastError()
                    }
                    written += n
                }
                return nil
            }
            if let failure { return failure }
        }
        return nil
    }

    private static func write(parts: [[UInt8]], toPath path: String, durable: Bool, creatingFolder: Bool,
                              mapping: Bool) throws(StoreError) -> MappedFile? {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = folder + "/.\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        // A file is only mapped from a descriptor that can read it.
        let flags = (mapping ? O_RDWR : O_WRONLY) | O_CREAT | O_EXCL | O_CLOEXEC
        var fd = open(temporary, flags, 0o644)
        if fd < 0, errno == ENOENT, creatingFolder {
            try createFolder(of: path)
            fd = open(temporary, flags, 0o644)
        }
        guard fd >= 0 else { throw .writeFailed(path: path, reason: lastError()) }
        var failure = write(parts, to: fd)
        if failure == nil, durable, fsync(fd) != 0 { failure = lastError() }
        let mapped = mapping && failure == nil ? MappedFile(fd: fd) : nil
        close(fd)
        if let failure {
            unlink(temporary)
            throw .writeFailed(path: path, reason: failure)
        }
        guard rename(temporary, path) == 0 else {
            let reason = lastError()
            unlink(temporary)
            throw .writeFailed(path: path, reason: reason)
        }
        let folderFD = durable ? open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1
        if folderFD >= 0 {
            fsync(folderFD)
            close(folderFD)
        }
        return mapped
    }

    /// Writes `text` as UTF-8.
    public static func write(_ text: String, to url: URL) throws(StoreError) {
        try write(Array(text.utf8), to: url)
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}

#if canImport(Glibc)
private let posixWrite = Glibc.write
#elseif canImport(Darwin)
private let posixWrite = Darwin.write
#endif

extension AtomicFile {
    /// Writes `bytes` to a new temporary file beside `path`, named as `write` names its temporaries
    /// (so that those of a process that died are cleared), without fsync; returns its path.
    /// ``commitStaged(_:to:)`` moves it into place.
    static func stage(_ bytes: [UInt8], for path: String) throws(StoreError) -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = folder + "/.\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .writeFailed(path: path, reason: lastError()) }
        let failure = write([bytes], to: fd)
        close(fd)
        if let failure {
            unlink(temporary)
            throw .writeFailed(path: path, reason: failure)
        }
        return temporary
    }

    /// Moves a file made by ``stage(_:for:)`` to `path`. Not durable until ``syncFileSystem(of:files:)``.
    static func commitStaged(_ temporary: String, to path: String) throws(StoreError) {
        guard rename(temporary, path) == 0 else { throw .writeFailed(path: path, reason: lastError()) }
    }

    /// Makes what was written to `files` in `folder` durable at once: one `syncfs` of the file
    /// system (one journal commit for a whole batch, where an fsync a file costs one each), then
    /// an fsync of the folder. Where `syncfs` is missing, each file is synced.
    static func syncFileSystem(of folder: String, files: [String]) throws(StoreError) {
        let folderFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folderFD >= 0 else { throw .writeFailed(path: folder, reason: lastError()) }
        defer { close(folderFD) }
        if let syncfs = Self.syncfs {
            guard syncfs(folderFD) == 0 else { throw .writeFailed(path: folder, reason: lastError()) }
        } else {
            for file in files {
                let fd = open(file, O_RDONLY | O_CLOEXEC)
                guard fd >= 0, fsync(fd) == 0 else {
                    let reason = lastError()
                    if fd >= 0 { close(fd) }
                    throw .writeFailed(path: file, reason: reason)
                }
                close(fd)
            }
        }
        guard fsync(folderFD) == 0 else { throw .writeFailed(path: folder, reason: lastError()) }
    }

    /// Linux's `syncfs(2)`, looked up at run time: the C library declares it only for GNU sources.
    private static let syncfs: (@convention(c) (Int32) -> Int32)? = {
        guard let symbol = dlsym(nil, "syncfs") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
    }()
}
