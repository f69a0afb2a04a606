/// Keeps citation keys unique when records are added beside others (`CitationKeyGenerator`
/// makes the keys themselves).
public enum CitationKey {
    /// `base`, or `base-2`, `base-3`… when `base` is taken. The hyphen keeps the suffix apart
    /// from a year suffix (`smith2020a`).
    public static func unique(_ base: String, taken: Set<String>) -> String {
        guard taken.contains(base) else { return base }
        var counter = 2
        while taken.contains("\(base)-\(counter)") { counter += 1 }
        return "\(base)-\(counter)"
    }
}
