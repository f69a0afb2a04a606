import ArgumentParser
import GlossCore
import GlossStore

struct ClaimSuggest: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Suggest claims: the sentence each citation closes. --accept stores them.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The source id.")
    var id: String

    @Flag(help: "Store the suggestions as claims linked to their citations.")
    var accept = false

    @Option(help: "A tag for the accepted claims (repeat for several).")
    var tag: [String] = []

    @Option(help: "text for people, json for scripts.")
    var format: OutputFormat = .text

    func validate() throws {
        if !tag.isEmpty, !accept { throw ValidationError("--tag goes with --accept") }
    }

    func execute() throws {
        let workspace = try workspace.open()
        let store = ClaimStore(workspace)
        let suggestions = try store.suggest(for: id, detected: CitationIndex(workspace).citations(of: id))
        if accept {
            let stored = try store.accept(suggestions, for: id, tags: tag)
            switch format {
            case .json: Terminal.write(String(decoding: try StoredJSON.encode(stored), as: UTF8.self))
            case .text: Terminal.write(stored.isEmpty ? "no new claims\n" : ClaimText.table(stored))
            }
            return
        }
        switch format {
        case .json:
            Terminal.write(String(decoding: try StoredJSON.encode(suggestions.map { SuggestionJSON($0) }), as: UTF8.self))
        case .text:
            for suggestion in suggestions {
                Terminal.write("\(suggestion.span)  cites \(suggestion.citations.map(\.description).joined(separator: ", "))\n")
                Terminal.write("    “\(QuoteError.short(suggestion.text, limit: 160))”\n")
            }
            if suggestions.isEmpty {
                Terminal.write("no suggestions: no citation of \(id) closes a sentence that is not already a claim\n")
            } else {
                let count = suggestions.count == 1 ? "1 suggestion; store it" : "\(suggestions.count) suggestions; store them"
                Terminal.write("\(count) with 'gloss claim suggest \(id) --accept'\n")
            }
        }
    }
}

/// A suggestion as scripts read it.
private struct SuggestionJSON: Encodable {
    var start: Int
    var end: Int
    var text: String
    var citations: [String]

    init(_ suggestion: ClaimSuggestion) {
        start = suggestion.span.start
        end = suggestion.span.end
        text = suggestion.text
        citations = suggestion.citations.map(\.description)
    }
}
