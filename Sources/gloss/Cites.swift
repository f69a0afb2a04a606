import ArgumentParser
import GlossCore
import GlossFormats
import GlossStore

struct Cites: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "cites",
        abstract: "List the in-text citations of sources (all sources when no id is given).",
        discussion: "Offsets are code points into the stored text, end exclusive; a citation's id is SOURCE:START-END. Detections rejected with 'gloss cite reject' are marked REJECTED.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "Source ids (default: every source).")
    var ids: [String] = []

    @Option(help: "text for people, json for scripts, jsonl for one citation a line.")
    var format: CitesFormat = .text

    func execute() throws {
        let opened = try workspace.open()
        let index = CitationIndex(opened)
        switch format {
        case .jsonl:
            try Terminal.write(parts: try index.citationLineParts(of: ids))
        case .json:
            try Terminal.write(parts: CitationJSONLine.arrayParts(try index.detections(of: ids).map(\.scan.citations)))
        case .text:
            let annotations = AnnotationStore(opened)
            for source in try index.detections(of: ids, withLines: true) {
                let rejected = Set(try annotations.annotations(for: source.metadata.id).rejectedCitations)
                Terminal.write(CitationListing.render(source: source.metadata.id, lines: source.lines, citations: source.scan.citations,
                                                      footnotes: source.scan.footnotes.count, rejected: rejected,
                                                      revision: source.metadata.current))
            }
        }
    }
}

enum CitesFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl
}
