import GlossCore

extension CitationIndex {
    /// The citations of the current revision of the source named `name` as people decided them:
    /// detections less rejections, plus citations added by hand.
    public func citations(of name: String) throws -> [Citation] {
        let id = try sources.id(named: name)
        let detections = try detections(sources.metadata(for: id))
        return try AnnotationStore(sources.workspace).annotations(for: id).effectiveCitations(detections.scan.citations)
    }
}
