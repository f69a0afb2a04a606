import ArgumentParser
import GlossCore
import GlossStore

struct Check: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check citations and claims for consistency.",
        discussion: "Exits 1 when a finding reaches --fail-on (default: error), 0 otherwise.")

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case error, warning, never
    }

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The sources to check (default: all).")
    var ids: [String] = []

    @Option(help: "text for people, json for scripts.")
    var format: OutputFormat = .text

    @Option(name: .customLong("fail-on"), help: "The lowest severity that makes the exit status 1.")
    var failOn: FailOn = .error

    @Option(name: .customLong("rule"), help: ArgumentHelp("Run only this rule (repeatable).", valueName: "code"))
    var only: [String] = []

    @Option(help: ArgumentHelp("Skip this rule (repeatable).", valueName: "code"))
    var ignore: [String] = []

    @Option(help: ArgumentHelp("Accept a reviewed finding of the one source named, so it is no longer reported.", valueName: "code@start-end"))
    var accept: String?

    @Option(help: "Why the accepted finding is fine (with --accept).")
    var note: String?

    @OptionGroup var progressOptions: ProgressOptions

    @Flag(help: "List the rules and exit.")
    var listRules = false

    func validate() throws {
        if accept != nil, note == nil { throw ValidationError("--accept needs --note saying why the finding is fine") }
        if note != nil, accept == nil { throw ValidationError("--note goes with --accept") }
    }

    func execute() throws {
        if listRules {
            Terminal.write(Checker.allRules.map { "\($0.code)\t\($0.summary)" }.joined(separator: "\n") + "\n")
            return
        }
        let checker = try Checker(only: only, ignoring: ignore)
        if let accept, let note {
            let context = try CheckInputLoader(workspace.open()).load(ids)
            guard context.sources.count == 1, ids.count == 1 else { throw CheckError.acceptNeedsOneSource }
            let id = context.sources[0].metadata.id
            try AnnotationStore(workspace.open()).accept(accept, note: note, for: id, current: checker.run(context))
            Terminal.write("\(id): accepted \(accept)\n")
            return
        }
        let threshold: Severity? = switch failOn {
        case .error: .error
        case .warning: .warning
        case .never: nil
        }
        // Each source's findings are written as soon as it and the sources before it are checked;
        // the findings of the rules that look across sources come last.
        var failed = false
        var text = CheckReport.Writer()
        var json = StoredJSONArray()
        let progress = progressOptions.display("check")
        func write(_ findings: [Finding], _ positions: [SourceCheckResult.LineColumn?]) throws {
            if let threshold, findings.contains(where: { $0.severity >= threshold }) { failed = true }
            guard !findings.isEmpty else { return }
            progress.clear()
            switch format {
            case .text: Terminal.write(text.add(findings, positions: positions))
            case .json: try Terminal.write(parts: findings.map { try json.element($0) })
            }
        }
        let outcome = try CheckRun(workspace.open(), checker: checker).run(ids, progress: progress.update) { _, result in
            try write(result.findings, result.positions)
        }
        progress.clear()
        try write(outcome.workspaceFindings, outcome.workspacePositions)
        switch format {
        case .text: Terminal.write(text.end(checkedSources: outcome.checkedSources))
        case .json: try Terminal.write(parts: [json.end()])
        }
        if failed { throw ExitCode(1) }
    }
}
