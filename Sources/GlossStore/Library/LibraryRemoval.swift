import GlossCore

/// Removes a record from the library (`gloss bib rm`). A record that citations are linked to is
/// kept unless forced, so that no link is left dangling without the researcher knowing.
public struct LibraryRemoval: Sendable {
    public let workspace: Workspace

    public init(_ workspace: Workspace) {
        self.workspace = workspace
    }

    /// What a removal took away besides the record.
    public struct Removed: Sendable, Equatable {
        /// The citations whose links to the record went with it.
        public var links: [CitationID]
    }

    /// Removes record `key`; with `force`, the links to it too. Without `force`, links to it are
    /// an error naming them, and nothing changes.
    public func remove(_ key: String, force: Bool) throws -> Removed {
        _ = try LibraryStore(workspace).record(key)
        let annotations = AnnotationStore(workspace)
        var linked: [CitationID] = []
        for source in try SourceStore(workspace).all() {
            linked += try annotations.annotations(for: source.id).links.filter { $0.record == key }.map(\.citation)
        }
        guard linked.isEmpty || force else { throw LibraryRemovalError.linked(key: key, links: linked) }
        for source in Set(linked.map(\.source)) {
            try annotations.update(source) { $0.links.removeAll { $0.record == key } }
        }
        try LibraryStore(workspace).update { $0.removeAll { $0.id == key } }
        return Removed(links: linked.sorted())
    }
}

/// A record that cannot be removed as asked.
public enum LibraryRemovalError: GlossError, Equatable {
    case linked(key: String, links: [CitationID])

    public var category: ErrorCategory { .data }

    public var description: String {
        switch self {
        case let .linked(key, links):
            let names = links.prefix(3).map(\.description).joined(separator: ", ") + (links.count > 3 ? ", …" : "")
            return "record '\(key)' is linked from \(links.count) citation\(links.count == 1 ? "" : "s") (\(names)); "
                + "'gloss unlink' them first, or use --force to remove the links with the record"
        }
    }
}
