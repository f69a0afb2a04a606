/// A consistency rule of `gloss check`. One rule a file under `Checks/Rules/`, as swift-format
/// keeps its rules: a stable code, a default severity, a summary, and a pure function from what
/// is known about the workspace to findings.
public protocol CheckRule: Sendable {
    /// The stable code researchers use in `--rule`, `--ignore` and `--accept`.
    static var code: String { get }
    /// One line for `gloss check --list-rules`.
    static var summary: String { get }
    init()
    func findings(in context: CheckContext) -> [Finding]
}
