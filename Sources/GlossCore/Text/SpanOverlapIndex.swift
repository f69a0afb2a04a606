/// Spans that may overlap or nest, asked whether any of them overlaps a given span in
/// O(log n): sorted by start, with the furthest end reached by each prefix. (A linear scan for
/// each question made `gloss check` quadratic in the citations of a text.)
public struct SpanOverlapIndex: Sendable {
    /// The starts, ascending.
    private let starts: [Int]
    /// `furthestEnd[k]` is the largest end among the first `k + 1` spans by start.
    private let furthestEnd: [Int]

    public init<S: Sequence<TextSpan>>(_ spans: S) {
        let sorted = spans.sorted { $0.start < $1.start }
        starts = sorted.map(\.start)
        var furthest = Int.min
        furthestEnd = sorted.map { span in
            furthest = max(furthest, span.end)
            return furthest
        }
    }

    /// Whether some span shares a code point with `span` (`a.start < span.end && span.start < a.end`).
    public func overlaps(_ span: TextSpan) -> Bool {
        // The spans that start before `span` ends: the first `count` of them.
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] < span.end { low = middle + 1 } else { high = middle }
        }
        return low > 0 && furthestEnd[low - 1] > span.start
    }
}
