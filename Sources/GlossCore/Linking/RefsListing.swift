/// The human listing of `gloss refs` and `gloss refs --works` (JSON output encodes
/// `SourceReferences` and `Work` directly).
public enum RefsListing {
    /// Each source's records with their provenance and the citations linked to them, then the
    /// items that found no record or several.
    public static func render(_ sources: [SourceReferences]) -> String {
        var out = ""
        for source in sources {
            let linked = source.records.reduce(0) { $0 + $1.citations.filter { $0.status == .linked }.count }
            out += "\(source.source): \(source.records.count) record\(source.records.count == 1 ? "" : "s"), "
                + "\(linked) linked, \(source.unresolved.count) unresolved, \(source.ambiguous.count) ambiguous\n"
            for entry in source.records {
                out += "  \(entry.record.id)  \(summary(entry.record))  [\(origin(entry))]\n"
                for item in entry.citations {
                    let marker = item.status == .ambiguous ? " (one of \(item.records.joined(separator: ", ")))" : ""
                    out += "      \(item.citation)\(item.locator.map { " at \($0)" } ?? "")\(item.via.map { " via \($0.rawValue)" } ?? "")\(marker)\n"
                }
            }
            for item in source.unresolved { out += "  unresolved: \(item.citation) item \(item.item + 1)\n" }
        }
        return out
    }

    /// One line a work, with the sources and locators citing it.
    public static func render(works: [Work]) -> String {
        var out = ""
        for work in works {
            let representative = work.records.first { $0.record.id == work.id }?.record ?? work.records[0].record
            out += "\(work.id)  \(summary(representative))\n"
            for source in work.sources {
                let locators = work.citations.filter { $0.citation.source == source }.map { $0.locator ?? "—" }
                out += "    \(source): \(locators.count) citation\(locators.count == 1 ? "" : "s") (\(locators.joined(separator: ", ")))\n"
            }
        }
        return out
    }

    /// `Şimşir 2011 · Azerbaycan, … · book`
    public static func summary(_ record: BibRecord) -> String {
        let year = record.issued?.year.map { String($0) + (record.yearSuffix ?? "") } ?? record.issued?.literal ?? "n.d."
        var parts = ["\(RecordSummary.authors(record)) \(year)"]
        if let title = record.title { parts.append(title.count > 60 ? String(title.prefix(59)) + "…" : title) }
        parts.append(record.type)
        if record.custom?.stub == true, let locators = record.custom?.citedLocators { parts.append("pages cited: " + locators.joined(separator: ", ")) }
        return parts.joined(separator: " · ")
    }

    static func origin(_ entry: RecordCitations) -> String {
        let provenance = entry.record.custom?.provenance?.first
        switch entry.origin {
        case .footnote, .referenceList:
            return "\(entry.origin.rawValue)\(provenance?.span.map { " \($0.start)-\($0.end)" } ?? "")"
        case .stub:
            return "stub from \(entry.record.custom?.provenance?.count ?? 0) citation(s)"
        case .library:
            return "library\(provenance?.file.map { " (\($0)\(provenance?.line.map { ":\($0)" } ?? ""))" } ?? "")"
        }
    }
}
