/// A source whose stored text no longer matches its sha256: the store was edited by hand or damaged,
/// and every offset into it is suspect.
public struct DamagedTextRule: CheckRule {
    public static let code = "text-damaged"
    public static let summary = "the stored text of a source does not match the sha256 recorded at import"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        context.sources.compactMap { source in
            guard let damage = source.damage else { return nil }
            return Finding(
                rule: Self.code, severity: .error, source: source.metadata.id,
                message: damage,
                hint: "restore sources/\(source.metadata.current.file) from git, or import the corrected text with 'gloss add --revise'")
        }
    }
}
