import Foundation

/// One place where a quote occurs in a text.
public struct QuoteOccurrence: Sendable, Hashable {
    /// The stored text it covers (code points, end exclusive).
    public var span: TextSpan
    /// One-based line and column of its start.
    public var line: Int
    public var column: Int
}

/// The nearest thing to a quote that does not occur.
public struct ClosestQuote: Sendable, Hashable {
    public var span: TextSpan
    public var line: Int
    /// The stored text of the span.
    public var text: String
    /// 0...1: 1 minus the edit distance over the quote length, compared as quotes are.
    public var similarity: Double
}

/// Finds a quote typed by a person in a stored text.
///
/// Matching ignores whitespace (quotes may span PDF line breaks and blank lines), folds
/// typographic quotes, apostrophes and dashes, and lets a hyphen before a line break be left out.
/// Case and letters are compared exactly: `İ`, `ı`, `ə` and Cyrillic are distinct letters.
public struct QuoteMatcher: Sendable {
    public let text: SourceText
    private let skeleton: QuoteSkeleton

    public init(_ text: SourceText) {
        self.text = text
        skeleton = QuoteSkeleton(text.string)
    }

    /// Every occurrence of `quote`, in text order.
    public func occurrences(of quote: String) -> [QuoteOccurrence] {
        let pattern = QuoteSkeleton(quote.precomposedForMatching)
        var result: [QuoteOccurrence] = []
        for range in skeleton.matches(of: pattern) {
            let span = skeleton.span(of: range)
            let position = text.lineColumn(ofScalar: span.start)
            result.append(QuoteOccurrence(span: span, line: position.line, column: position.column))
        }
        return result
    }

    /// The closest approximate match of a quote, if anything is at least half similar.
    public func closest(to quote: String) -> ClosestQuote? {
        let pattern = QuoteSkeleton(quote.precomposedForMatching)
        guard pattern.count > 0,
              let hit = ApproximateMatch.search(pattern.values, in: skeleton.values,
                                                maxDistance: pattern.count / 2, limit: 1).first
        else { return nil }
        let span = skeleton.span(of: hit.range)
        return ClosestQuote(span: span, line: text.lineColumn(ofScalar: span.start).line,
                            text: text.slice(span),
                            similarity: 1 - Double(hit.distance) / Double(pattern.count))
    }

    /// The span of `quote`: its only occurrence, or occurrence number `occurrence` (one-based).
    public func span(of quote: String, occurrence: Int? = nil) throws(QuoteError) -> TextSpan {
        guard QuoteSkeleton(quote.precomposedForMatching).count > 0 else { throw .empty }
        let found = occurrences(of: quote)
        if let occurrence {
            guard occurrence >= 1, occurrence <= found.count else {
                throw found.isEmpty ? .notFound(quote, closest: closest(to: quote))
                    : .noSuchOccurrence(occurrence, count: found.count)
            }
            return found[occurrence - 1].span
        }
        switch found.count {
        case 0: throw .notFound(quote, closest: closest(to: quote))
        case 1: return found[0].span
        default: throw .ambiguous(quote, found)
        }
    }
}

/// A character of a typed quote that matched a different character of the text: `'` typed for
/// `’`, `"` for `“`, `-` for `–`.
public struct TypographicVariant: Sendable, Hashable {
    public var typed: Unicode.Scalar
    public var stored: Unicode.Scalar

    public init(typed: Unicode.Scalar, stored: Unicode.Scalar) {
        self.typed = typed
        self.stored = stored
    }
}

extension QuoteMatcher {
    /// Where `typed`, a quote that matched, differs from `stored`, the text it matched: each pair
    /// of typed and stored characters once, in the order met. Empty when they differ in
    /// whitespace and line-break hyphens alone.
    public static func typographicVariants(typed: String, stored: String) -> [TypographicVariant] {
        let typedScalars = Array(typed.precomposedForMatching.unicodeScalars)
        let storedScalars = Array(stored.unicodeScalars)
        let quote = QuoteSkeleton(typedScalars)
        let text = QuoteSkeleton(storedScalars)
        var variants: [TypographicVariant] = []
        var j = 0
        var k = 0
        while j < quote.count, k < text.count {
            if quote.values[j] == text.values[k] {
                let variant = TypographicVariant(typed: typedScalars[quote.offsets[j]], stored: storedScalars[text.offsets[k]])
                if variant.typed != variant.stored, !variants.contains(variant) { variants.append(variant) }
                j += 1
                k += 1
            } else if text.optional[k] {
                k += 1
            } else {
                break
            }
        }
        return variants
    }
}

extension String {
    /// The text is stored in NFC; a typed quote may not be.
    var precomposedForMatching: String { precomposedStringWithCanonicalMapping }
}

/// Why a quote cannot be placed.
public enum QuoteError: GlossError, Equatable {
    case empty
    case notFound(String, closest: ClosestQuote?)
    case ambiguous(String, [QuoteOccurrence])
    case noSuchOccurrence(Int, count: Int)

    public var category: ErrorCategory {
        switch self {
        case .empty, .ambiguous, .noSuchOccurrence: return .usage
        case .notFound: return .data
        }
    }

    public var description: String {
        switch self {
        case .empty:
            return "the quote is empty; give the words of the claim with --quote, or use --span START..END"
        case let .notFound(quote, closest):
            var message = "the quote “\(Self.short(quote))” does not occur in the text"
            if let closest {
                let percent = Int((closest.similarity * 100).rounded(.down))
                message += "; closest (\(percent)% similar) at line \(closest.line), span \(closest.span): “\(Self.short(closest.text))”"
            }
            return message
        case let .ambiguous(quote, found):
            let places = found.prefix(10).enumerated().map { index, occurrence in
                "\(index + 1): line \(occurrence.line) (\(occurrence.span))"
            }.joined(separator: ", ")
            let more = found.count > 10 ? ", …" : ""
            return "the quote “\(Self.short(quote))” occurs \(found.count) times (\(places)\(more)); choose one with --occurrence N"
        case let .noSuchOccurrence(number, count):
            return "--occurrence \(number) is out of range: the quote occurs \(count) time\(count == 1 ? "" : "s")"
        }
    }

    /// A quote shortened for a one-line message, whitespace collapsed.
    public static func short(_ text: String, limit: Int = 60) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        let scalars = Array(words.unicodeScalars)
        guard scalars.count > limit else { return words }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[..<limit])
        return String(view) + "…"
    }
}
