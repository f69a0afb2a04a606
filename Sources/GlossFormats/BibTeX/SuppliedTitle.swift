import GlossCore

/// A title in square brackets for a stub record, which is known only from in-text citations:
/// the cataloguer's convention for a title supplied by someone other than the author. It keeps the
/// work in bibliographies whose styles require a title, and shows the reader it is not the real one.
enum SuppliedTitle {
    /// `[Work cited as Zeytinci 2025, pp. 3, 4, 5]` for a stub without a title; nil otherwise.
    static func forStub(_ record: BibRecord) -> String? {
        guard record.custom?.stub == true, record.title == nil else { return nil }
        var label = "Work cited as \(RecordSummary.authors(record))"
        if let year = record.issued?.year { label += " \(year)\(record.yearSuffix ?? "")" }
        if let pages = record.custom?.citedLocators, !pages.isEmpty {
            label += ", \(pages.count == 1 && !pages[0].contains("-") ? "p." : "pp.") \(pages.joined(separator: ", "))"
        }
        return "[\(label)]"
    }

    /// `[Untitled work by Anadolu Ajansı]` for a record with no title, stub or not.
    static func untitled(_ record: BibRecord) -> String {
        if let container = record.containerTitle { return "[\(container)]" }
        let authors = RecordSummary.authors(record)
        return authors == "—" ? "[Untitled]" : "[Untitled work by \(authors)]"
    }
}
