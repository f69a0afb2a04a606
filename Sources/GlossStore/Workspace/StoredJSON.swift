import Foundation

/// The one JSON style of the workspace: pretty, sorted keys, no escaped slashes, final newline,
/// so that `git diff` of a change is small and readable.
public enum StoredJSON {
    /// Encodes `value` in the workspace style.
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var bytes = Array(try encoder.encode(value))
        bytes.append(0x0A)
        return bytes
    }

    /// Decodes `T` from the file at `url`.
    public static func read<T: Decodable>(_ type: T.Type, from url: URL) throws(StoreError) -> T {
        try read(type, fromPath: url.path)
    }

    /// Decodes `T` from the file at `path`.
    public static func read<T: Decodable>(_ type: T.Type, fromPath path: String) throws(StoreError) -> T {
        try decode(type, from: try FileBytes.read(path: path), path: path)
    }

    /// Decodes `T` from `bytes`, the contents of the file at `path`.
    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], path: String) throws(StoreError) -> T {
        let data = Data(bytes)
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw .corruptMetadata(path: path, reason: describe(error))
        }
    }

    /// A short account of a decoding error, naming the field.
    static func describe(_ error: Error) -> String {
        switch error {
        case let DecodingError.keyNotFound(key, _):
            return "missing field '\(key.stringValue)'"
        case let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context):
            return "wrong value at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        case let DecodingError.dataCorrupted(context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? "not valid JSON" : "bad value at '\(path)': \(context.debugDescription)"
        default:
            return "\(error)"
        }
    }
}

/// A JSON array in the workspace style written an element at a time, so that a long output never
/// sits whole in memory: the parts joined are the bytes of `StoredJSON.encode` of the array.
public struct StoredJSONArray {
    private var empty = true

    public init() {}

    /// The next element, with what comes before it (`[` and a line feed, or a comma and one).
    public mutating func element<T: Encodable>(_ value: T) throws -> [UInt8] {
        var out: [UInt8] = Array((empty ? "[\n" : ",\n").utf8)
        empty = false
        // An element alone is indented one level less than inside the array.
        var encoded = try StoredJSON.encode(value)
        encoded.removeLast()
        out.append(contentsOf: "  ".utf8)
        for byte in encoded {
            out.append(byte)
            if byte == 0x0A { out.append(contentsOf: "  ".utf8) }
        }
        return out
    }

    /// The end of the array (the whole array when no element was written).
    public func end() throws -> [UInt8] {
        empty ? try StoredJSON.encode([Int]()) : Array("\n]\n".utf8)
    }
}
