/// The name of a source in a workspace: lower-case `[a-z0-9][a-z0-9._-]*`, at most 64 characters.
///
/// The form keeps ids safe as file names on every system (no `/`, no leading `.`, no case clashes)
/// and stable in URLs and xml:ids.
public struct SourceID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// The longest id accepted.
    public static let maxLength = 64

    /// Accepts `raw` only if it already has the id form.
    public init(_ raw: String) throws(SourceIDError) {
        guard !raw.isEmpty else { throw .empty }
        guard raw.utf8.count <= Self.maxLength else { throw .tooLong(raw) }
        if raw.contains("/") || raw.hasPrefix(".") {
            throw .escapesWorkspace(raw)
        }
        let bytes = Array(raw.utf8)
        guard Self.isLeading(bytes[0]), bytes.allSatisfy(Self.isAllowed) else {
            throw .invalidCharacters(raw)
        }
        rawValue = raw
    }

    /// Derives an id from a file name: the stem, lower-cased, with other characters turned into `-`.
    public init(derivingFrom fileName: String) throws(SourceIDError) {
        var stem = Substring(fileName.split(separator: "/").last ?? "")
        if let dot = stem.lastIndex(of: "."), dot != stem.startIndex {
            stem = stem[..<dot]
        }
        var out: [UInt8] = []
        for scalar in stem.lowercased().unicodeScalars {
            let folded = Self.asciiFold(scalar)
            for byte in folded.utf8 {
                if Self.isAllowed(byte) {
                    out.append(byte)
                } else if out.last != UInt8(ascii: "-") {
                    out.append(UInt8(ascii: "-"))
                }
            }
        }
        // "eliyev-2003-.tei" reads better as "eliyev-2003.tei".
        var index = 1
        while index < out.count {
            let pair = (out[index - 1], out[index])
            if pair == (UInt8(ascii: "-"), UInt8(ascii: ".")) {
                out.remove(at: index - 1)
            } else if pair == (UInt8(ascii: "."), UInt8(ascii: "-")) {
                out.remove(at: index)
            } else {
                index += 1
            }
        }
        while let first = out.first, !Self.isLeading(first) { out.removeFirst() }
        while out.last == UInt8(ascii: "-") { out.removeLast() }
        if out.count > Self.maxLength { out = Array(out.prefix(Self.maxLength)) }
        let candidate = String(decoding: out, as: UTF8.self)
        guard !candidate.isEmpty else { throw .cannotDerive(fileName) }
        try self.init(candidate)
    }

    public var description: String { rawValue }

    public static func < (a: SourceID, b: SourceID) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        try self.init(raw)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    private static func isLeading(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
    }

    private static func isAllowed(_ b: UInt8) -> Bool {
        isLeading(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
    }

    /// Turkish, Azerbaijani and other Latin letters to their base letter, so `Şuşa.txt` gives `susa`.
    private static func asciiFold(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "ı": return "i"
        case "ə": return "e"
        default:
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping
            var base = String.UnicodeScalarView()
            base.append(contentsOf: decomposed.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark })
            return String(base)
        }
    }
}

/// Why a string is not a usable source id.
public enum SourceIDError: GlossError, Equatable {
    case empty
    case tooLong(String)
    case escapesWorkspace(String)
    case invalidCharacters(String)
    case cannotDerive(String)

    public var category: ErrorCategory { .usage }

    public var description: String {
        switch self {
        case .empty:
            return "a source id cannot be empty"
        case let .tooLong(id):
            return "source id '\(id)' is longer than \(SourceID.maxLength) characters"
        case let .escapesWorkspace(id):
            return "source id '\(id)' would point outside sources/; use only a-z, 0-9, '.', '_' and '-'"
        case let .invalidCharacters(id):
            return "source id '\(id)' is not allowed: use lower-case a-z, 0-9, '.', '_' and '-', starting with a letter or digit"
        case let .cannotDerive(name):
            return "cannot make a source id from the file name '\(name)'; give one with --id"
        }
    }
}
