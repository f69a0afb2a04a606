import GlossCore

extension AnnotationStore {
    /// Records that the finding `key` (`CODE@START-END`) of source `id` was reviewed and is fine.
    /// The finding must be one the checker reports now; `current` are those findings.
    public func accept(_ key: String, note: String, for id: SourceID, current: [Finding]) throws {
        guard current.contains(where: { $0.source == id && $0.acceptanceKey == key }) else {
            throw CheckError.noSuchFinding(key, source: id)
        }
        try update(id) { annotations in
            annotations.acceptedFindings.removeAll { $0.finding == key }
            annotations.acceptedFindings.append(AcceptedFinding(finding: key, note: note))
        }
    }
}
