#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A JSON value of any shape, for documents assembled rather than encoded from one type (the W3C
/// annotations, the JSON Lines export's objects), written as Foundation's `JSONSerialization`
/// wrote them with `.sortedKeys` and `.withoutEscapingSlashes`: keys in ``JSONKeyOrder`` (which
/// `JSONEncoder` cannot give: it sorts by code point), its escapes, numbers and indentation.
/// `JSONValueTests` compares the two.
public indirect enum JSONValue: Decodable, Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The value of an `Encodable` as its JSON object (or other shape).
    public init<T: Encodable>(encoding value: T) throws {
        self = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// The JSON text: one line, or indented by two spaces with `pretty`.
    public func text(pretty: Bool = false) throws -> String {
        var out = ""
        try write(to: &out, pretty: pretty, indent: 0)
        return out
    }

    private func write(to out: inout String, pretty: Bool, indent: Int) throws {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .double(let value): out += try Self.number(value)
        case .string(let value): Self.quote(value, into: &out)
        case .array(let values):
            out += "["
            for (index, value) in values.enumerated() {
                if index > 0 { out += "," }
                if pretty { Self.newline(indent + 1, into: &out) }
                try value.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { Self.close(empty: values.isEmpty, indent, into: &out) }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, key) in members.keys.sorted(by: JSONKeyOrder.precedes).enumerated() {
                if index > 0 { out += "," }
                if pretty { Self.newline(indent + 1, into: &out) }
                Self.quote(key, into: &out)
                out += pretty ? " : " : ":"
                try members[key]!.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { Self.close(empty: members.isEmpty, indent, into: &out) }
            out += "}"
        }
    }

    private static func newline(_ indent: Int, into out: inout String) {
        out += "\n" + String(repeating: "  ", count: indent)
    }

    /// An empty container is written with a blank line inside it, as `JSONSerialization` did.
    private static func close(empty: Bool, _ indent: Int, into out: inout String) {
        if empty { out += "\n" }
        newline(indent, into: &out)
    }

    /// A double as `JSONEncoder` writes it (which `JSONSerialization` matched).
    private static func number(_ value: Double) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    private static func quote(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
