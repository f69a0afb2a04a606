import GlossCore
import GlossFormats
import GlossStore

/// The export downloads of `gloss serve`: the same writers, on the same selection, as `gloss export`
/// (TEI, one source at a time, stays with `gloss export tei ID`).
enum ServedExport {
    enum Format: String, CaseIterable {
        case bibtex, biblatex
        case cslJSON = "csl-json"
        case w3c, jsonl

        var summary: String {
            switch self {
            case .bibtex: "the bibliography as BibTeX"
            case .biblatex: "the bibliography as BibLaTeX"
            case .cslJSON: "the bibliography as CSL-JSON"
            case .w3c: "the claims as W3C Web Annotations"
            case .jsonl: "citations, claims and records, one JSON object a line"
            }
        }

        var fileName: String {
            switch self {
            case .bibtex, .biblatex: "gloss.bib"
            case .cslJSON: "gloss.json"
            case .w3c: "gloss-annotations.jsonld"
            case .jsonl: "gloss.jsonl"
            }
        }

        var contentType: String {
            switch self {
            case .bibtex, .biblatex: "application/x-bibtex; charset=utf-8"
            case .cslJSON: "application/json; charset=utf-8"
            case .w3c: "application/ld+json; charset=utf-8"
            case .jsonl: "application/jsonl; charset=utf-8"
            }
        }
    }

    /// The export of `format` for the sources `names` (all when empty).
    static func text(_ format: Format, workspace: Workspace, names: [String]) throws -> String {
        let data = try ExportSelection.load(workspace, names: names)
        switch format {
        case .bibtex: return BibTeXWriter().write(data.records).text
        case .biblatex: return BibLaTeXWriter().write(data.records).text
        case .cslJSON: return try CSLJSONWriter().write(data.records)
        case .w3c: return try W3CAnnotationWriter().write(data.claims)
        case .jsonl: return try JSONLinesWriter().write(citations: data.citations, claims: data.claims, records: data.records)
        }
    }
}
