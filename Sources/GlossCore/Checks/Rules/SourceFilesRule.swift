/// A file of `sources/` that hides a source: its sidecar is unreadable, inconsistent (an id, a
/// revision list or a text file name that does not hold together) or missing. Every other command
/// would silently leave such a source out.
public struct SourceFilesRule: CheckRule {
    public static let code = "source-files"
    public static let summary = "a source's sidecar is missing, unreadable or inconsistent, so commands cannot see it"
    public static let scope = CheckScope.workspace

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        context.sourceFileProblems.map { problem in
            Finding(
                rule: Self.code, severity: .error, source: problem.source,
                message: problem.message,
                hint: "restore sources/\(problem.file) and its sidecar from git, or remove them and import the text again with 'gloss add'")
        }
    }
}
