import GlossCore

/// What can go wrong with the workspace on disk.
public enum StoreError: GlossError, Equatable {
    /// No `sources/` + `annotations/` in the folder or any parent.
    case notAWorkspace(searchedFrom: String)
    /// `--workspace` or `GLOSS_WORKSPACE` names a folder that is not a workspace.
    case notAWorkspaceAt(path: String, via: String)
    case fileMissing(path: String)
    case readFailed(path: String, reason: String)
    case writeFailed(path: String, reason: String)
    case sourceExists(SourceID)
    case unknownSource(String)
    case unknownRevision(SourceID, Int, latest: Int)
    case corruptMetadata(path: String, reason: String)
    /// A stored text that no longer matches the sha256 its sidecar records.
    case textDamaged(path: String)
    case tooManyFilesWithID
    case duplicateIDInBatch(SourceID)
    /// `gloss rm` of a source that claims or manual links rest on, without `--force`.
    case sourceAnnotated(SourceID, claims: Int, links: Int)

    public var category: ErrorCategory {
        switch self {
        case .notAWorkspace, .notAWorkspaceAt, .fileMissing, .unknownSource, .unknownRevision: return .missingFile
        case .readFailed, .writeFailed: return .io
        case .sourceExists, .corruptMetadata, .textDamaged, .duplicateIDInBatch, .sourceAnnotated: return .data
        case .tooManyFilesWithID: return .usage
        }
    }

    public var description: String {
        switch self {
        case let .notAWorkspace(start):
            return "not in a Gloss workspace (no sources/ and annotations/ in \(start) or any parent); run 'gloss init' to make one, or pass --workspace PATH"
        case let .notAWorkspaceAt(path, via):
            return "\(via) points at \(path), which is not a Gloss workspace (no sources/ and annotations/); run 'gloss init \(path)' first"
        case let .fileMissing(path):
            return "\(path): no such file"
        case let .readFailed(path, reason):
            return "\(path): cannot read: \(reason)"
        case let .writeFailed(path, reason):
            return "\(path): cannot write: \(reason)"
        case let .sourceExists(id):
            return "a source with id '\(id)' already exists; choose another with --id, or store a new revision with 'gloss add --revise \(id) FILE'"
        case let .unknownSource(id):
            return "no source '\(id)' in this workspace; 'gloss sources' lists them"
        case let .unknownRevision(id, number, latest):
            return "source '\(id)' has no revision \(number); its revisions are 1 to \(latest)"
        case let .corruptMetadata(path, reason):
            return "\(path): unreadable metadata: \(reason)"
        case let .textDamaged(path):
            return "\(path): the text does not match the sha256 recorded for it; the store is damaged or was edited by hand"
        case .tooManyFilesWithID:
            return "--id names one source, but several files were given; import them one at a time"
        case let .duplicateIDInBatch(id):
            return "two of the files would both get the id '\(id)'; import one of them with --id"
        case let .sourceAnnotated(id, claims, links):
            let parts = [claims > 0 ? "\(claims) claim\(claims == 1 ? "" : "s")" : nil,
                         links > 0 ? "\(links) manual link\(links == 1 ? "" : "s")" : nil].compactMap { $0 }
            return "source '\(id)' has \(parts.joined(separator: " and ")); 'gloss rm --force \(id)' removes them with it"
        }
    }
}
