import Foundation
import GlossCore
import Testing

@Suite("Citation JSON lines")
struct CitationJSONLineTests {
    @Test func contractShapeWithNullsAndEscapes() throws {
        let citation = Citation(source: try SourceID("a"), span: TextSpan(start: 3, end: 9), text: "(\"x\\\n\u{1}",
                                kind: .footnoteMarker, items: [CitationItem(ref: 4), CitationItem(author: "Ö", year: "2020", prefix: "bkz.")])
        let line = CitationJSONLine.lines([citation])
        #expect(line.last == UInt8(ascii: "\n"))
        #expect(line.dropLast().contains(UInt8(ascii: "\n")) == false)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
        #expect(object["source"] as? String == "a")
        #expect(object["start"] as? Int == 3 && object["end"] as? Int == 9)
        #expect(object["text"] as? String == citation.text)
        #expect(object["kind"] as? String == "footnote-marker")
        #expect(object["id"] as? String == "a:3-9")
        #expect(object["malformed"] as? Bool == false)
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.count == 2)
        #expect(items[0]["author"] is NSNull && items[0]["year"] is NSNull && items[0]["locator"] is NSNull)
        #expect(items[0]["ref"] as? Int == 4)
        #expect(items[1]["author"] as? String == "Ö" && items[1]["ref"] is NSNull && items[1]["prefix"] as? String == "bkz.")
        let keys = String(decoding: line, as: UTF8.self).components(separatedBy: "\":").map { $0.split(separator: "\"").last.map(String.init) ?? "" }
        #expect(Array(keys.prefix(6)) == ["source", "start", "end", "text", "kind", "items"])
    }

    /// Strings are skipped eight bytes at a time while nothing needs escaping: an escape at every
    /// position of the first words, and bytes just above and below the ones that need one.
    @Test(arguments: ["\"", "\\", "\n", "\u{1}", "\u{1F}", "\u{7F}", " ", "!", "#", "[", "]", "ə"])
    func escapesAtEveryPosition(_ special: String) throws {
        for position in 0..<20 {
            for length in [position, position + 1, position + 9, 24] {
                let text = String(repeating: "a", count: position) + special + String(repeating: "ş", count: max(0, length - position))
                let citation = Citation(source: try SourceID("a"), span: TextSpan(start: 0, end: 1), text: text, kind: .numeric, items: [])
                let object = try JSONSerialization.jsonObject(with: Data(CitationJSONLine.lines([citation]))) as? [String: Any]
                #expect(object?["text"] as? String == text, "\(special.debugDescription) at \(position)")
            }
        }
    }

    /// A line is written into room reserved for its longest possible length: every byte of every
    /// string escaped to six bytes, numbers at their longest, every optional field present.
    @Test func worstCaseLinesFitTheRoomReservedForThem() throws {
        let controls = String(repeating: "\u{1}", count: 300)
        let item = CitationItem(author: controls, year: controls, locator: controls, ref: Int.min, prefix: controls, titleFragment: controls)
        let citation = Citation(source: try SourceID("kaynak-\(String(repeating: "x", count: 57))"), span: TextSpan(start: Int.max - 1, end: Int.max),
                                text: controls, kind: .footnoteMarker, items: [item, item, CitationItem(ref: -7)], malformed: true)
        let lines = CitationJSONLine.lines([citation, citation])
        for line in lines.split(separator: UInt8(ascii: "\n")) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            #expect(object["text"] as? String == controls)
            #expect(object["id"] as? String == "\(citation.source.rawValue):\(Int.max - 1)-\(Int.max)")
            let items = try #require(object["items"] as? [[String: Any]])
            #expect(items.count == 3 && items[1]["title_fragment"] as? String == controls && items[2]["ref"] as? Int == -7)
            #expect((items[0]["ref"] as? NSNumber)?.int64Value == Int64.min)
        }
    }

    @Test(arguments: [0, 7, 9, 10, 42, 99, 100, 101, 999, 1000, 4096, 99_999, 100_000, 1_234_567, 9_999_999_999, Int.max, -1, -120])
    func writesNumbersAsTheirDecimalDigits(_ value: Int) {
        var out = JSONBytes(capacity: 4)
        out.int(value)
        #expect(String(decoding: out.finish(), as: UTF8.self) == String(value))
    }

    /// Lines of several sources, of every kind, in a mixed order: each line names its own source
    /// and kind (the id of a source is copied from the line before when it is the same).
    @Test func linesOfSeveralSourcesAndKinds() throws {
        let sources = [try SourceID("a"), try SourceID("kitap-2"), try SourceID("a")]
        var citations: [Citation] = []
        for (index, kind) in CitationKind.allCases.enumerated() {
            for source in sources {
                citations.append(Citation(source: source, span: TextSpan(start: index * 10, end: index * 10 + 4), text: "(x)", kind: kind, items: []))
            }
        }
        let lines = String(decoding: CitationJSONLine.lines(citations), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == citations.count)
        for (line, citation) in zip(lines, citations) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["source"] as? String == citation.source.rawValue)
            #expect(object["kind"] as? String == citation.kind.rawValue)
            #expect(object["id"] as? String == "\(citation.source.rawValue):\(citation.span.start)-\(citation.span.end)")
        }
    }

    @Test func arrayIsJSON() throws {
        #expect(String(decoding: CitationJSONLine.array([]), as: UTF8.self) == "[]\n")
        let citation = Citation(source: try SourceID("a"), span: TextSpan(start: 0, end: 3), text: "[3]", kind: .numeric, items: [CitationItem(ref: 3)])
        let array = try JSONSerialization.jsonObject(with: Data(CitationJSONLine.array([citation, citation]))) as? [Any]
        #expect(array?.count == 2)
    }

    @Test func arrayPartsJoinedAreTheArray() throws {
        let a = Citation(source: try SourceID("a"), span: TextSpan(start: 0, end: 3), text: "[3]", kind: .numeric, items: [CitationItem(ref: 3)])
        let b = Citation(source: try SourceID("b"), span: TextSpan(start: 5, end: 9), text: "(Ö, 2020)", kind: .parenthetical,
                         items: [CitationItem(author: "Ö", year: "2020")])
        /// The array as the contract spells it, built from the JSON lines.
        func expected(_ citations: [Citation]) -> String {
            guard !citations.isEmpty else { return "[]\n" }
            let objects = citations.map { String(decoding: CitationJSONLine.lines([$0]).dropLast(), as: UTF8.self) }
            return "[\n  " + objects.joined(separator: ",\n  ") + "\n]\n"
        }
        for groups in [[], [[]], [[], []], [[a]], [[], [a, b], []], [[a], [b], [a, b]]] as [[[Citation]]] {
            let joined = CitationJSONLine.arrayParts(groups).flatMap { $0 }
            #expect(String(decoding: joined, as: UTF8.self) == expected(groups.flatMap { $0 }))
            #expect(CitationJSONLine.array(groups.flatMap { $0 }) == joined)
        }
    }
}
