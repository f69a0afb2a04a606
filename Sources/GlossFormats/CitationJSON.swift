import Foundation
import GlossCore

/// Citations as JSON objects in the shape of the `gloss cites` contract (DESIGN.md), keys in the
/// contract's order: `{"source", "start", "end", "text", "kind", "items": [{"author", "year",
/// "locator", "ref"}], "id", "malformed"}`. Absent values are written as `null`, never left out;
/// an item's `prefix` and `title_fragment` appear when present.
public enum CitationJSON {
    /// One citation a line (JSON Lines), each line ending in a line feed.
    public static func lines(_ citations: [Citation]) throws -> String {
        var out = ""
        for citation in citations {
            out += try object(citation)
            out += "\n"
        }
        return out
    }

    /// A JSON array of the citations, one a line.
    public static func array(_ citations: [Citation]) throws -> String {
        guard !citations.isEmpty else { return "[]\n" }
        return "[\n  " + (try citations.map(object).joined(separator: ",\n  ")) + "\n]\n"
    }

    /// One citation as a JSON object on one line.
    public static func object(_ citation: Citation) throws -> String {
        let items = try citation.items.map { item in
            var fields = [("author", try value(item.author)), ("year", try value(item.year)),
                          ("locator", try value(item.locator)), ("ref", try value(item.ref))]
            if let prefix = item.prefix { fields.append(("prefix", try value(prefix))) }
            if let fragment = item.titleFragment { fields.append(("title_fragment", try value(fragment))) }
            return try join(fields)
        }
        return try join([
            ("source", try value(citation.source.rawValue)),
            ("start", String(citation.span.start)),
            ("end", String(citation.span.end)),
            ("text", try value(citation.text)),
            ("kind", try value(citation.kind.rawValue)),
            ("items", "[" + items.joined(separator: ",") + "]"),
            ("id", try value(citation.id.description)),
            ("malformed", citation.malformed ? "true" : "false"),
        ])
    }

    private static func join(_ fields: [(String, String)]) throws -> String {
        "{" + (try fields.map { "\(try value($0.0)):\($0.1)" }.joined(separator: ",")) + "}"
    }

    /// A JSON value written by JSONEncoder (so strings are escaped by Foundation, not by hand).
    private static func value<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()
}
