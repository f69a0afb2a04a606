#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a path names: nothing, a folder or a file, following symbolic links as
/// `FileManager.fileExists(atPath:isDirectory:)` does (whose flag is an `ObjCBool` in Foundation
/// and a `Bool` in FoundationEssentials).
enum PathKind: Equatable {
    case missing
    case folder
    case file

    /// The kind of `path`.
    init(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { self = .missing; return }
        self = info.st_mode & S_IFMT == S_IFDIR ? .folder : .file
    }
}
