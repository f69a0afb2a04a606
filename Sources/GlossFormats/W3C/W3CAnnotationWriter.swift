#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GlossCore

/// Writes claims as W3C Web Annotations (JSON-LD, http://www.w3.org/ns/anno.jsonld): an
/// `AnnotationCollection` whose page holds one annotation per claim. The target is a
/// `SpecificResource` on the source with a `TextPositionSelector` (code points, as the model
/// defines them) and a `TextQuoteSelector`; tags are `TextualBody`s with `purpose: tagging`, the
/// note one with `purpose: commenting`, supporting citations `purpose: linking` bodies.
public struct W3CAnnotationWriter: Sendable {
    /// The IRI of a source (default `urn:gloss:source:ID`).
    public var sourceIRI: @Sendable (SourceID) -> String
    /// The IRI of a claim (default `urn:gloss:claim:SOURCE:ID`).
    public var claimIRI: @Sendable (Claim) -> String

    public init(sourceIRI: @escaping @Sendable (SourceID) -> String = { "urn:gloss:source:\($0.rawValue)" },
                claimIRI: @escaping @Sendable (Claim) -> String = { claim in
                    "urn:gloss:claim:\(claim.source.rawValue):" + URLPathEncoding.encode(claim.id)
                }) {
        self.sourceIRI = sourceIRI
        self.claimIRI = claimIRI
    }

    /// The JSON-LD document, pretty-printed with sorted keys, ending in a newline.
    public func write(_ claims: [Claim]) throws(FormatError) -> String {
        let ordered = claims.sorted { ($0.source, $0.position, $0.id) < ($1.source, $1.position, $1.id) }
        let items = ordered.map(annotation)
        let collection: JSONValue = [
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "type": "AnnotationCollection",
            "label": "Gloss claims",
            "total": .int(items.count),
            "first": ["type": "AnnotationPage", "startIndex": 0, "items": .array(items)],
        ]
        do {
            return try collection.text(pretty: true) + "\n"
        } catch {
            throw .encoding("\(error)")
        }
    }

    private func annotation(_ claim: Claim) -> JSONValue {
        var bodies: [JSONValue] = claim.tags.map { ["type": "TextualBody", "purpose": "tagging", "value": .string($0)] }
        if let note = claim.note, !note.isEmpty {
            bodies.append(["type": "TextualBody", "purpose": "commenting", "value": .string(note), "format": "text/plain"])
        }
        for citation in claim.citations {
            bodies.append(["type": "SpecificResource", "purpose": "linking",
                           "source": .string(sourceIRI(citation.source)),
                           "selector": ["type": "TextPositionSelector", "start": .int(citation.span.start), "end": .int(citation.span.end)]])
        }
        var annotation: [String: JSONValue] = [
            "id": .string(claimIRI(claim)),
            "type": "Annotation",
            "motivation": "describing",
            "created": .string(claim.created),
            "modified": .string(claim.modified),
            "target": [
                "type": "SpecificResource",
                "source": .string(sourceIRI(claim.source)),
                "selector": [
                    ["type": "TextPositionSelector", "start": .int(claim.position.start), "end": .int(claim.position.end)],
                    ["type": "TextQuoteSelector", "exact": .string(claim.quote.exact), "prefix": .string(claim.quote.prefix),
                     "suffix": .string(claim.quote.suffix)],
                ],
            ],
        ]
        if !bodies.isEmpty { annotation["body"] = bodies.count == 1 ? bodies[0] : .array(bodies) }
        return .object(annotation)
    }
}
