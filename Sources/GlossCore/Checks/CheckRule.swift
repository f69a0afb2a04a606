/// A consistency rule of `gloss check`. One rule a file under `Checks/Rules/`, as swift-format
/// keeps its rules: a stable code, a default severity, a summary, and a pure function from what
/// is known about the workspace to findings.
public protocol CheckRule: Sendable {
    /// The stable code researchers use in `--rule`, `--ignore` and `--accept`.
    static var code: String { get }
    /// One line for `gloss check --list-rules`.
    static var summary: String { get }
    /// What a rule's findings depend on (``CheckScope/source`` unless the rule says otherwise).
    static var scope: CheckScope { get }
    init()
    func findings(in context: CheckContext) -> [Finding]
}

/// What a rule's findings about a source depend on: that source alone (with the library), so
/// they can be worked out source by source, in parallel, and cached per source; or the whole
/// workspace, so they are worked out once all sources are known.
public enum CheckScope: Sendable {
    /// Only the source the finding is about, and the library.
    case source
    /// Several sources at once (an author spelled two ways across texts), the library alone
    /// (duplicate records) or the files of `sources/`. Such a rule sees each source through
    /// ``Checker/workspaceView(of:)``: its metadata and its author-date citations.
    case workspace
}

extension CheckRule {
    public static var scope: CheckScope { .source }
}
