import ArgumentParser
import GlossStore

struct ClaimRemove: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm",
        abstract: "Remove claims (all named claims must exist, or nothing is removed).")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The claim ids.")
    var claims: [String]

    func validate() throws {
        guard !claims.isEmpty else { throw ValidationError("name at least one claim") }
    }

    func execute() throws {
        for claim in try ClaimStore(try workspace.open()).remove(claims) {
            Terminal.write("\(claim.id): removed\n")
        }
    }
}
