import GlossCore
import Testing

@Suite("Span overlap index")
struct SpanOverlapIndexTests {
    /// The index answers as the linear scan it replaces, on spans that overlap, nest, touch and
    /// are empty.
    @Test(arguments: 1...20)
    func answersAsALinearScan(seed: UInt64) {
        var random = SplitMix64(state: seed)
        let spans = (0..<Int(random.next() % 40)).map { _ -> TextSpan in
            let start = Int(random.next() % 200)
            return TextSpan(start: start, end: start + Int(random.next() % 30))
        }
        let index = SpanOverlapIndex(spans)
        for start in 0..<230 {
            for length in [0, 1, 2, 7, 40] {
                let query = TextSpan(start: start, end: start + length)
                let expected = spans.contains { $0.start < query.end && query.start < $0.end }
                #expect(index.overlaps(query) == expected, "\(query) in \(spans)")
            }
        }
    }

    @Test func noSpansOverlapNothing() {
        #expect(!SpanOverlapIndex([]).overlaps(TextSpan(start: 0, end: 10)))
        #expect(SpanOverlapIndex([TextSpan(start: 0, end: 100), TextSpan(start: 3, end: 4)]).overlaps(TextSpan(start: 50, end: 51)))
        #expect(!SpanOverlapIndex([TextSpan(start: 0, end: 10)]).overlaps(TextSpan(start: 10, end: 12)))
    }
}
