/// A text reduced to what a quote typed by a person is compared on: whitespace dropped,
/// typographic quotes, apostrophes and dashes folded to their ASCII forms, an ellipsis made three
/// full stops, soft hyphens dropped,
/// and each kept scalar remembering its offset in the stored text.
///
/// PDF-extracted texts break lines inside sentences (often with a blank line between) and
/// hyphenate words across them (`geliş-\n\nmeye`); a hyphen before a line break is kept but
/// marked optional, so both `gelişmeye` and `Türkiye-Azerbaycan` match.
struct QuoteSkeleton {
    /// Folded scalar values.
    var values: [UInt32] = []
    /// `offsets[k]` is the code-point offset in the stored text of `values[k]`.
    var offsets: [Int] = []
    /// Whether `values[k]` is a hyphen directly before a line break, which a quote may omit.
    var optional: [Bool] = []

    init<S: Sequence>(_ scalars: S, startingAt base: Int = 0) where S.Element == Unicode.Scalar {
        var offset = base
        var pendingHyphen: Int?
        for scalar in scalars {
            defer { offset += 1 }
            if scalar.properties.isWhitespace {
                if scalar == "\n", let hyphen = pendingHyphen { optional[hyphen] = true }
                continue
            }
            // An ellipsis character is typed as three full stops.
            if scalar == "\u{2026}" {
                pendingHyphen = nil
                values += [0x2E, 0x2E, 0x2E]
                offsets += [offset, offset, offset]
                optional += [false, false, false]
                continue
            }
            guard let value = Self.fold(scalar) else { continue }
            pendingHyphen = value == 0x2D ? values.count : nil
            values.append(value)
            offsets.append(offset)
            optional.append(false)
        }
    }

    init(_ string: String) {
        self.init(string.unicodeScalars)
    }

    var count: Int { values.count }

    /// The folded value of a scalar, or nil for one that quotes ignore.
    static func fold(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar.value {
        case 0x00AD, 0x200B, 0x200C, 0x200D, 0xFEFF: return nil
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x02BC, 0x02BB, 0x2032, 0x0060, 0x00B4, 0x2039, 0x203A, 0xFF07: return 0x27
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2033, 0xFF02: return 0x22
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE63, 0xFF0D, 0xF02D: return 0x2D
        default: return scalar.value
        }
    }

    /// Start indexes (into `values`) and end indexes (exclusive) where `quote` matches exactly,
    /// allowing optional hyphens of the text to be skipped.
    func matches(of quote: QuoteSkeleton) -> [Range<Int>] {
        guard let first = quote.values.first else { return [] }
        var result: [Range<Int>] = []
        var start = 0
        while start < values.count {
            if values[start] == first {
                var k = start
                var j = 0
                while j < quote.count, k < values.count {
                    if values[k] == quote.values[j] {
                        k += 1
                        j += 1
                    } else if optional[k] {
                        k += 1
                    } else {
                        break
                    }
                }
                if j == quote.count { result.append(start..<k) }
            }
            start += 1
        }
        return result
    }

    /// The stored-text span covered by the skeleton indexes `range` (which must not be empty).
    func span(of range: Range<Int>) -> TextSpan {
        TextSpan(start: offsets[range.lowerBound], end: offsets[range.upperBound - 1] + 1)
    }
}
