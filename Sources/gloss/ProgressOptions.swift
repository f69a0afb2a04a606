import ArgumentParser

/// `--quiet`, for the commands that draw a ``ProgressDisplay`` while they work over many sources,
/// files or entries.
struct ProgressOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "No progress bar (it is shown on stderr only when stderr is a terminal).")
    var quiet = false

    /// A progress bar labelled `label` (the command's name), unless `--quiet`.
    func display(_ label: String) -> ProgressDisplay { ProgressDisplay(label: label, quiet: quiet) }
}
