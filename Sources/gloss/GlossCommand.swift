import ArgumentParser
import Foundation
import GlossCore

/// A subcommand whose errors reach the researcher as one line on stderr with a sysexits status.
protocol GlossCommand: ParsableCommand {
    func execute() throws
}

extension GlossCommand {
    func run() throws {
        do {
            try execute()
        } catch let error as GlossError {
            Terminal.error(error.description)
            throw ExitCode(Self.exitStatus(error.category))
        }
    }

    static func exitStatus(_ category: ErrorCategory) -> Int32 {
        switch category {
        case .usage: return 64
        case .data: return 65
        case .missingFile: return 66
        case .io: return 74
        }
    }
}
