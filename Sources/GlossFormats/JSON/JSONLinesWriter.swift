#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GlossCore

/// Writes a workspace's data one JSON object a line, for scripts: citations in the shape
/// `gloss cites --format jsonl` uses (`source`, `start`, `end`, `text`, `kind`, `items`), claims and
/// records as stored. Each line names what it is in `"object"`: `citation`, `claim` or `record`.
public struct JSONLinesWriter: Sendable {
    public init() {}

    public func write(citations: [Citation], claims: [Claim], records: [BibRecord]) throws(FormatError) -> String {
        var lines: [String] = []
        do {
            for citation in citations.sorted(by: { ($0.source, $0.span) < ($1.source, $1.span) }) {
                let items: [JSONValue] = citation.items.map { item in
                    ["author": item.author.map(JSONValue.string) ?? .null, "year": item.year.map(JSONValue.string) ?? .null,
                     "locator": item.locator.map(JSONValue.string) ?? .null, "ref": item.ref.map(JSONValue.int) ?? .null]
                }
                lines.append(try line(["object": "citation", "source": .string(citation.source.rawValue),
                                       "start": .int(citation.span.start), "end": .int(citation.span.end), "text": .string(citation.text),
                                       "kind": .string(citation.kind.rawValue), "items": .array(items), "malformed": .bool(citation.malformed)]))
            }
            for claim in claims.sorted(by: { ($0.source, $0.position, $0.id) < ($1.source, $1.position, $1.id) }) {
                lines.append(try line(encoded(claim, object: "claim")))
            }
            for record in records.sorted(by: { $0.id < $1.id }) {
                lines.append(try line(encoded(record, object: "record")))
            }
        } catch {
            throw .encoding("\(error)")
        }
        return lines.map { $0 + "\n" }.joined()
    }

    private func encoded<T: Encodable>(_ value: T, object: String) throws -> JSONValue {
        guard case .object(var members) = try JSONValue(encoding: value) else { return ["object": .string(object)] }
        members["object"] = .string(object)
        return .object(members)
    }

    private func line(_ object: JSONValue) throws -> String {
        try object.text()
    }
}
