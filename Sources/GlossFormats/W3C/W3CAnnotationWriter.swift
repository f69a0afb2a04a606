import Foundation
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
                    "urn:gloss:claim:\(claim.source.rawValue):" + (claim.id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? claim.id)
                }) {
        self.sourceIRI = sourceIRI
        self.claimIRI = claimIRI
    }

    /// The JSON-LD document, pretty-printed with sorted keys, ending in a newline.
    public func write(_ claims: [Claim]) throws(FormatError) -> String {
        let ordered = claims.sorted { ($0.source, $0.position, $0.id) < ($1.source, $1.position, $1.id) }
        let items = ordered.map(annotation)
        let collection: [String: Any] = [
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "type": "AnnotationCollection",
            "label": "Gloss claims",
            "total": items.count,
            "first": ["type": "AnnotationPage", "startIndex": 0, "items": items] as [String: Any],
        ]
        do {
            let data = try JSONSerialization.data(withJSONObject: collection, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self) + "\n"
        } catch {
            throw .encoding("\(error)")
        }
    }

    private func annotation(_ claim: Claim) -> [String: Any] {
        var bodies: [[String: Any]] = claim.tags.map { ["type": "TextualBody", "purpose": "tagging", "value": $0] }
        if let note = claim.note, !note.isEmpty {
            bodies.append(["type": "TextualBody", "purpose": "commenting", "value": note, "format": "text/plain"])
        }
        for citation in claim.citations {
            bodies.append(["type": "SpecificResource", "purpose": "linking",
                           "source": sourceIRI(citation.source),
                           "selector": ["type": "TextPositionSelector", "start": citation.span.start, "end": citation.span.end] as [String: Any]])
        }
        var annotation: [String: Any] = [
            "id": claimIRI(claim),
            "type": "Annotation",
            "motivation": "describing",
            "created": claim.created,
            "modified": claim.modified,
            "target": [
                "type": "SpecificResource",
                "source": sourceIRI(claim.source),
                "selector": [
                    ["type": "TextPositionSelector", "start": claim.position.start, "end": claim.position.end] as [String: Any],
                    ["type": "TextQuoteSelector", "exact": claim.quote.exact, "prefix": claim.quote.prefix, "suffix": claim.quote.suffix],
                ],
            ] as [String: Any],
        ]
        if !bodies.isEmpty { annotation["body"] = bodies.count == 1 ? bodies[0] : bodies }
        return annotation
    }
}
