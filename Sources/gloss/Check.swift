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
        let context = try CheckInputLoader(workspace.open()).load(ids)
        let findings = checker.run(context)
        if let accept, let note {
            guard context.sources.count == 1, ids.count == 1 else { throw CheckError.acceptNeedsOneSource }
            let id = context.sources[0].metadata.id
            try AnnotationStore(workspace.open()).accept(accept, note: note, for: id, current: findings)
            Terminal.write("\(id): accepted \(accept)\n")
            return
        }
        switch format {
        case .json:
            Terminal.write(String(decoding: try StoredJSON.encode(findings), as: UTF8.self))
        case .text:
            var texts: [SourceID: SourceText] = [:]
            for source in context.sources { texts[source.metadata.id] = source.text }
            Terminal.write(CheckReport.render(findings, texts: texts, checkedSources: context.sources.count))
        }
        let threshold: Severity? = switch failOn {
        case .error: .error
        case .warning: .warning
        case .never: nil
        }
        if let threshold, findings.contains(where: { $0.severity >= threshold }) {
            throw ExitCode(1)
        }
    }
}
