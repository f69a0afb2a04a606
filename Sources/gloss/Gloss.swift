import ArgumentParser
import GlossFormats

@main
struct Gloss: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gloss",
        abstract: "Find, link and check the citations of scholarly texts.",
        discussion: """
        A workspace is a folder with sources/ and annotations/; gloss finds it like git finds .git.
        Offsets are Unicode code points into the stored text, end exclusive.
        """,
        version: "gloss 0.1.0 (libxml2 \(XMLLibrary.version))",
        subcommands: [Init.self, Add.self, Sources.self, Show.self, Cites.self, Refs.self, ClaimCommand.self, Bib.self, Link.self, Unlink.self, Cite.self, Meta.self, Check.self, Export.self, Report.self]
    )
}
