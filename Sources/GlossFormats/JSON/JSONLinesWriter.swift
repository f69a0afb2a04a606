import Foundation
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
                let items: [[String: Any]] = citation.items.map { item in
                    ["author": item.author ?? NSNull(), "year": item.year ?? NSNull(),
                     "locator": item.locator ?? NSNull(), "ref": item.ref ?? NSNull()]
                }
                lines.append(try line(["object": "citation", "source": citation.source.rawValue,
                                       "start": citation.span.start, "end": citation.span.end, "text": citation.text,
                                       "kind": citation.kind.rawValue, "items": items, "malformed": citation.malformed]))
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

    /// `value` as a dictionary for `JSONSerialization`, which sorts keys as these lines always
    /// had them (`JSONEncoder` sorts by code point). Its parser drops a U+FEFF at the start of a
    /// string or after an escape as if it were a byte-order mark, so each one is handed to it as
    /// the escape `\ufeff`, which it keeps.
    private func encoded<T: Encodable>(_ value: T, object: String) throws -> [String: Any] {
        let data = try JSONEncoder().encode(value).replacing([0xEF, 0xBB, 0xBF], with: Array(#"\ufeff"#.utf8))
        var dictionary = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        dictionary["object"] = object
        return dictionary
    }

    private func line(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
    }
}
