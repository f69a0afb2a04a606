import Dispatch
import Foundation
import GlossCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A ``ProgressMeter`` drawn on stderr, only when stderr is a terminal and `--quiet` was not
/// given; without colour when `NO_COLOR` is set (https://no-color.org).
final class ProgressDisplay {
    private let label: String
    private let enabled: Bool
    private var meter: ProgressMeter?

    init(label: String, quiet: Bool) {
        self.label = label
        enabled = !quiet && isatty(STDERR_FILENO) != 0
    }

    /// Shows `done` of `total` items.
    func update(_ done: Int, of total: Int) {
        guard enabled else { return }
        if meter == nil {
            let environment = ProcessInfo.processInfo.environment
            let width = environment["COLUMNS"].flatMap(Int.init) ?? 80
            meter = ProgressMeter(label: label, total: total, width: width - 1, color: (environment["NO_COLOR"] ?? "").isEmpty)
        }
        let now = Double(DispatchTime.now().uptimeNanoseconds) / 1e9
        if let text = meter?.update(done: done, now: now) { Terminal.progress(text) }
    }

    /// Takes the bar off the line (before other output, and at the end).
    func clear() {
        if let text = meter?.finish(), !text.isEmpty { Terminal.progress(text) }
    }
}
