import Dispatch
import Foundation
import GlossCore
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A ``ProgressMeter`` drawn on stderr, only when stderr is a terminal and `--quiet` was not
/// given; without colour when `NO_COLOR` is set (https://no-color.org). May be updated from
/// several threads: each line is drawn whole, in turn.
final class ProgressDisplay: Sendable {
    private let label: String
    private let enabled: Bool
    private let meter = Mutex<ProgressMeter?>(nil)

    init(label: String, quiet: Bool) {
        self.label = label
        enabled = !quiet && isatty(STDERR_FILENO) != 0
    }

    /// Shows `done` of `total` items.
    func update(_ done: Int, of total: Int) {
        guard enabled else { return }
        meter.withLock { meter in
            if meter == nil {
                let environment = ProcessInfo.processInfo.environment
                let width = environment["COLUMNS"].flatMap(Int.init) ?? 80
                meter = ProgressMeter(label: label, total: total, width: width - 1, color: (environment["NO_COLOR"] ?? "").isEmpty)
            }
            let now = Double(DispatchTime.now().uptimeNanoseconds) / 1e9
            if let text = meter?.update(done: done, now: now) { Terminal.progress(text) }
        }
    }

    /// Takes the bar off the line (before other output, and at the end).
    func clear() {
        meter.withLock { meter in
            if let text = meter?.finish(), !text.isEmpty { Terminal.progress(text) }
        }
    }

    /// A command that stops on an error leaves no bar before the error's line.
    deinit { clear() }
}
