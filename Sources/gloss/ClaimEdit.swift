import ArgumentParser
import GlossCore
import GlossStore

struct ClaimEdit: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change a claim's tags, note, citations or span.",
        discussion: "A new --span or --quote anchors the claim on the current revision and clears a needs-review or orphaned status.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The claim id.")
    var claim: String

    @Option(name: .customLong("tag"), help: "Add a tag (repeat for several).")
    var addTags: [String] = []

    @Option(name: .customLong("untag"), help: "Remove a tag (repeat for several).")
    var removeTags: [String] = []

    @Option(help: "Replace the note.")
    var note: String?

    @Flag(name: .customLong("clear-note"), help: "Remove the note.")
    var clearNote = false

    @Option(help: ArgumentHelp("Link a citation: SOURCE:START-END, START-END, or 'nearest' for the citation that ends the claim's sentence (repeat for several).", valueName: "citation"))
    var cite: [String] = []

    @Option(help: ArgumentHelp("Unlink a citation (repeat for several).", valueName: "citation"))
    var uncite: [String] = []

    @Option(help: ArgumentHelp("Move the claim to the code points START..END (or START-END, as citation ids write spans).", valueName: "start..end"))
    var span: String?

    @Option(help: "Move the claim to this quote.")
    var quote: String?

    @Option(help: "Which occurrence of the quote (1 for the first).")
    var occurrence: Int?

    func validate() throws {
        if span != nil, quote != nil { throw ValidationError(ClaimError.needsQuoteOrSpan.description) }
        if occurrence != nil, quote == nil { throw ValidationError("--occurrence goes with --quote") }
        if note != nil, clearNote { throw ValidationError("--note and --clear-note cannot be used together") }
        if addTags.isEmpty, removeTags.isEmpty, note == nil, !clearNote, cite.isEmpty, uncite.isEmpty, span == nil, quote == nil {
            throw ValidationError("nothing to change; give --tag, --untag, --note, --clear-note, --cite, --uncite, --span or --quote")
        }
    }

    func execute() throws {
        var change = ClaimChange()
        change.addTags = addTags
        change.removeTags = removeTags
        if let note { change.note = .some(note) }
        if clearNote { change.note = .some(nil) }
        change.addCitations = cite
        change.removeCitations = uncite
        if let span { change.place = .span(try TextSpan(parsing: span)) }
        if let quote { change.place = .quote(quote, occurrence: occurrence) }
        let opened = try workspace.open()
        let store = ClaimStore(opened)
        let edited = try store.edit(claim, change)
        Terminal.write("\(edited.id): updated (\(edited.source) \(edited.position), \(edited.status.rawValue))\n")
        if let quote { ClaimText.noteVariants(typed: quote, stored: edited.quote.exact) }
    }
}
