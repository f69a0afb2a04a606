/// A file of `sources/` that hides a source from every command: an unreadable or inconsistent
/// sidecar, or a text whose sidecar is gone.
public struct SourceFileProblem: Sendable, Equatable {
    /// The file's name inside `sources/`.
    public var file: String
    /// The source the file belongs to, when its name gives a valid id.
    public var source: SourceID?
    /// What is wrong, in one line.
    public var message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
        let stem = file.split(separator: ".", maxSplits: 1).first.map(String.init) ?? file
        source = try? SourceID(String(stem.split(separator: "@", maxSplits: 1).first ?? ""))
    }
}
