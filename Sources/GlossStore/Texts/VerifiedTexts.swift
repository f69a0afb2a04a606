import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The stored texts that passed their sha256 check, with the stat signature each had then:
/// `.gloss-cache/verified`, like git's index. A text read again with the same signature (same
/// device, inode, size, modification and status-change times to the nanosecond) is not hashed again.
///
/// Writing a file changes its status-change time, and setting the times back by hand changes it
/// too, so an edit is seen. A signature is only recorded when the text's status-change time is
/// at least two seconds (`settle`) before the read began: an edit in the same clock tick as the read could
/// otherwise leave every time as it was (git's "racy clean" case). Bit rot on the disk and edits that
/// go around the file system are not seen; `gloss check` hashes every text on every run.
///
/// Read once per process; written atomically without fsync. A record that is missing, damaged or
/// lost to a concurrent writer only costs a hash.
final class VerifiedTexts: Sendable {
    /// The record file.
    let file: URL
    /// How long before a read (in nanoseconds) a text must have last changed for its signature to
    /// be recorded.
    let settle: Int64

    /// The records, read from the file the first time they are needed (see `loaded`), and whether
    /// any was added since.
    private let state = Mutex<(records: [String: Record]?, changed: Bool)>((nil, false))

    struct Record: Equatable {
        var sha256: String
        var signature: FileSignature
    }

    init(file: URL, settle: Int64 = 2_000_000_000) {
        self.file = file
        self.settle = settle
    }

    /// The one instance for the workspace in this process; `named` is its record file in the
    /// cache folder (`verified` for the texts, another name for other files verified so).
    static func shared(for workspace: Workspace, named: String = "verified") -> VerifiedTexts {
        let file = workspace.cacheDirectory.appendingPathComponent(named, isDirectory: false)
        return registry.withLock { registry in
            if let known = registry[file.path] { return known }
            let made = VerifiedTexts(file: file)
            registry[file.path] = made
            return made
        }
    }

    private static let registry = Mutex<[String: VerifiedTexts]>([:])

    /// Whether the text file `name` (in `sources/`), now with `signature`, passed as `sha256` before.
    func contains(_ name: String, sha256: String, signature: FileSignature) -> Bool {
        state.withLock { loaded(&$0.records)[name] == Record(sha256: sha256, signature: signature) }
    }

    /// Notes that the text file `name` had `signature` when it matched `sha256`; `readStart` is the
    /// wall-clock time just before it was read.
    func insert(_ name: String, sha256: String, signature: FileSignature, readStart: timespec) {
        let start = Int64(readStart.tv_sec) * 1_000_000_000 + Int64(readStart.tv_nsec)
        let changedAt = signature.changed.seconds * 1_000_000_000 + signature.changed.nanoseconds
        guard changedAt + settle <= start, !name.contains("\n") else { return }
        let record = Record(sha256: sha256, signature: signature)
        state.withLock { state in
            if loaded(&state.records)[name] != record {
                state.records![name] = record
                state.changed = true
            }
        }
    }

    /// Writes the records when any was added since they were read.
    func save() {
        state.withLock { state in
            guard state.changed, let records = state.records else { return }
            var text = Self.heading + "\n"
            for (name, record) in records.sorted(by: { $0.key < $1.key }) {
                let s = record.signature
                text += "\(record.sha256) \(s.device) \(s.inode) \(s.size) \(s.modified.seconds) \(s.modified.nanoseconds) "
                    + "\(s.changed.seconds) \(s.changed.nanoseconds) \(name)\n"
            }
            try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            if (try? AtomicFile.write(Array(text.utf8), to: file, durable: false)) != nil { state.changed = false }
        }
    }

    /// The wall-clock time now.
    static func now() -> timespec {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return time
    }

    private static let heading = "gloss-verified 1"

    /// `records`, read from the file first when they have not been (called under the lock).
    private func loaded(_ records: inout [String: Record]?) -> [String: Record] {
        if let records { return records }
        let read = (try? FileBytes.read(file)).flatMap { Self.parse(String(decoding: $0, as: UTF8.self)) } ?? [:]
        records = read
        return read
    }

    /// The records of a record file; nil when it is not one (garbage is as good as no file).
    /// Split on its UTF-8 bytes, not its characters: this runs before the first text of a run can be
    /// scanned, and splitting a hundred lines by characters took longer than scanning a megabyte.
    static func parse(_ text: String) -> [String: Record]? {
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard let first = lines.first, Substring(first) == Substring(heading), lines.last?.isEmpty == true else { return nil }
        lines.removeFirst()
        lines.removeLast()
        var records: [String: Record] = [:]
        for line in lines {
            let fields = line.split(separator: UInt8(ascii: " "), maxSplits: 8, omittingEmptySubsequences: false).map(Substring.init)
            guard fields.count == 9, fields[0].utf8.count == 64, fields[0].utf8.allSatisfy(Self.isHexDigit), !fields[8].isEmpty,
                  let device = UInt64(fields[1]), let inode = UInt64(fields[2]), let size = Int64(fields[3]),
                  let modifiedSeconds = Int64(fields[4]), let modifiedNanoseconds = Int64(fields[5]),
                  let changedSeconds = Int64(fields[6]), let changedNanoseconds = Int64(fields[7])
            else { return nil }
            records[String(fields[8])] = Record(
                sha256: String(fields[0]),
                signature: FileSignature(
                    device: device, inode: inode, size: size,
                    modified: .init(seconds: modifiedSeconds, nanoseconds: modifiedNanoseconds),
                    changed: .init(seconds: changedSeconds, nanoseconds: changedNanoseconds)))
        }
        return records
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }
}
