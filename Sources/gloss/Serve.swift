import ArgumentParser
import GlossCore
import GlossServer

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Read and annotate the workspace in a browser, on this machine only.",
        discussion: """
        Listens on 127.0.0.1 and prints an address with a random token: open it in a browser. \
        Select a passage to make it a claim; click a citation to see its items and records, reject \
        it or link it to a library record. Changes are written to annotations/ as the CLI writes \
        them. Ctrl-C stops the server.
        """)

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: "The port to listen on (0: any free port).")
    var port: Int = 8765

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port takes 0 to 65535") }
    }

    func run() async throws {
        let server: ReadingServer
        do {
            server = ReadingServer(workspace: try workspace.open())
        } catch let error as GlossError {
            Terminal.error(error.description)
            throw ExitCode(Report.exitStatus(error.category))  // the sysexits status every GlossCommand uses
        }
        let root = server.workspace.root.path
        try await server.run(port: port) { address in
            Terminal.write("gloss serve: \(root)\n\(address)\n")
        }
    }
}
