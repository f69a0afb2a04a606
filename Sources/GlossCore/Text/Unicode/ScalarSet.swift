/// A set of Unicode scalars to trim from the ends of a string: `.whitespaces`,
/// `.whitespacesAndNewlines`, or the scalars of a literal (`" .,()"`).
///
/// The two named sets are Foundation's `CharacterSet.whitespaces` and
/// `.whitespacesAndNewlines` (`ScalarSetTests` compares every scalar), so trimming gives what
/// `trimmingCharacters(in:)` gave.
public struct ScalarSet: Sendable, ExpressibleByStringLiteral {
    private enum Kind: Sendable {
        case whitespaces
        case whitespacesAndNewlines
        case listed([Unicode.Scalar])
    }

    private let kind: Kind

    /// Spaces (general category Zs, and U+200B as Foundation has it) and tab.
    public static let whitespaces = ScalarSet(kind: .whitespaces)
    /// ``whitespaces`` and the line breaks U+000A–U+000D, U+0085, U+2028, U+2029.
    public static let whitespacesAndNewlines = ScalarSet(kind: .whitespacesAndNewlines)

    private init(kind: Kind) { self.kind = kind }

    /// The scalars of `scalars`.
    public init(_ scalars: String) { kind = .listed(Array(scalars.unicodeScalars)) }

    public init(stringLiteral value: String) { self.init(value) }

    /// Whether `scalar` is in the set.
    public func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch kind {
        case .whitespaces: return Self.isSpace(scalar)
        case .whitespacesAndNewlines: return Self.isSpace(scalar) || Self.isNewline(scalar)
        case .listed(let scalars): return scalars.contains(scalar)
        }
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    private static func isNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }
}

extension StringProtocol {
    /// The string without the scalars of `set` at its start and end (scalar by scalar, so a
    /// combining mark after a trimmed space stays).
    public func trimming(_ set: ScalarSet) -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, set.contains(scalars[start]) { start = scalars.index(after: start) }
        while start < end {
            let last = scalars.index(before: end)
            guard set.contains(scalars[last]) else { break }
            end = last
        }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}
