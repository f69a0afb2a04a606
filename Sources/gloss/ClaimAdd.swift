import ArgumentParser
import GlossCore
import GlossStore

struct ClaimAdd: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Tag a span of a source as a claim.",
        discussion: """
        Give the claim's words with --quote (matched ignoring line breaks and spacing, and typographic \
        variants: ' for ’, " for “ ”, - for – —, said in a note; the stored quote is the exact stored \
        text) or its code points with --span. A quote that occurs more \
        than once needs --occurrence N.
        """)

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The source id.")
    var id: String

    @Option(help: "The words of the claim as they appear in the text.")
    var quote: String?

    @Option(help: "Which occurrence of the quote (1 for the first).")
    var occurrence: Int?

    @Option(help: ArgumentHelp("The code points START..END, end exclusive (START-END, as citation ids write spans, works too).", valueName: "start..end"))
    var span: String?

    @Option(help: ArgumentHelp("A citation that supports the claim: SOURCE:START-END, START-END, or 'nearest' for the citation that ends the claim's sentence (repeat for several).", valueName: "citation"))
    var cite: [String] = []

    @Option(help: "A tag (repeat for several).")
    var tag: [String] = []

    @Option(help: "A note on the claim.")
    var note: String?

    func validate() throws {
        guard (quote == nil) != (span == nil) else { throw ValidationError(ClaimError.needsQuoteOrSpan.description) }
        if occurrence != nil, quote == nil { throw ValidationError("--occurrence goes with --quote") }
    }

    func execute() throws {
        let workspace = try workspace.open()
        let store = ClaimStore(workspace)
        let place: ClaimPlace = try quote.map { .quote($0, occurrence: occurrence) } ?? .span(TextSpan(parsing: span ?? ""))
        let claim = try store.add(to: id, at: place, citations: cite, tags: tag, note: note)
        Terminal.write("\(claim.id): claim on \(claim.source) \(claim.position): “\(QuoteError.short(claim.quote.exact))”\n")
        if let quote { ClaimText.noteVariants(typed: quote, stored: claim.quote.exact) }
    }
}
