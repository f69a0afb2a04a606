/// Short human renderings of a record for lists.
public enum RecordSummary {
    /// `Şimşir`, `Cafersoy and Aslanlı`, `Wezeman et al.`, an institution's name, or `—`.
    public static func authors(_ record: BibRecord) -> String {
        let names = (record.author ?? record.editor ?? []).map { $0.family ?? $0.literal ?? $0.given ?? "?" }
        switch names.count {
        case 0: return "—"
        case 1: return names[0]
        case 2: return "\(names[0]) and \(names[1])"
        default: return "\(names[0]) et al."
        }
    }
}
