import ArgumentParser
import GlossCore
import GlossFormats
import GlossStore
#if canImport(Glibc)
import Glibc
#endif

struct Cites: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "cites",
        abstract: "List the in-text citations of sources (all sources when no id is given).",
        discussion: "Offsets are code points into the stored text, end exclusive; a citation's id is SOURCE:START-END. Detections rejected with 'gloss cite reject' are marked REJECTED.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "Source ids (default: every source).")
    var ids: [String] = []

    @Option(help: "text for people, json for scripts, jsonl for one citation a line.")
    var format: CitesFormat?

    @Flag(help: ArgumentHelp("Read JSON lines {\"id\", \"text\"} from standard input and write their citations as JSON lines, with no workspace.",
                             discussion: "Each citation line is that of --format jsonl with the input's id as its source; offsets are code points into the text (LF line ends, NFC)."))
    var stdin = false

    @OptionGroup var progressOptions: ProgressOptions

    func validate() throws {
        guard stdin else { return }
        if !ids.isEmpty { throw ValidationError("--stdin reads its texts from standard input: give no source ids") }
        if let format, format != .jsonl { throw ValidationError("--stdin writes JSON lines: --format \(format.rawValue) cannot be used with it") }
    }

    func execute() throws {
        if stdin { return try answerStandardInput() }
        let opened = try workspace.open()
        let index = CitationIndex(opened)
        let progress = progressOptions.display("cites")
        switch format ?? .text {
        case .jsonl:
            let parts = try index.citationLineParts(of: ids, progress: progress.update)
            progress.clear()
            try Terminal.write(parts: parts)
        case .json:
            let detections = try index.detections(of: ids, progress: progress.update)
            progress.clear()
            try Terminal.write(parts: CitationJSONLine.arrayParts(detections.map(\.scan.citations)))
        case .text:
            let annotations = AnnotationStore(opened)
            let detections = try index.detections(of: ids, withLines: true, progress: progress.update)
            progress.clear()
            for source in detections {
                let rejected = Set(try annotations.annotations(for: source.metadata.id).rejectedCitations)
                Terminal.write(CitationListing.render(source: source.metadata.id, lines: source.lines, citations: source.scan.citations,
                                                      footnotes: source.scan.footnotes.count, rejected: rejected,
                                                      revision: source.metadata.current))
            }
        }
    }
}

extension Cites {
    /// `--stdin`: the lines answered on all cores a batch at a time, in input order, each batch
    /// handed on when answered and whenever the input has to be waited for; what was answered
    /// before a bad line is written before its error.
    private func answerStandardInput() throws {
        try ParallelLineAnswers(LineStream(fd: STDIN_FILENO, name: "standard input")).run(answer: { line, number in
            guard !CitationStream.isBlank(line) else { return [] }
            var out = JSONBytes()
            try CitationStream.answer(line: line, number: number, to: &out)
            return out.finish()
        }, write: { bytes in
            if !bytes.isEmpty { try Terminal.write(parts: [bytes]) }
        })
    }
}

enum CitesFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl
}
