import Foundation
@testable import GlossCore
import Testing

/// `TextSearch` against Foundation's `range(of:options:)` and `replacingOccurrences(of:with:)`,
/// whose behaviour it keeps: its tables, the markers Gloss looks for in every line of the seeds,
/// and the awkward cases (folds that change the length, `İ`/`ı`, combining marks, decomposed text).
@Suite("Text search")
struct TextSearchTests {
    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    static func rows(_ items: [String], _ per: Int) -> String {
        stride(from: 0, to: items.count, by: per).map { "        " + items[$0..<min($0 + per, items.count)].joined(separator: ", ") + "," }
            .joined(separator: "\n")
    }

    static func ranges(_ values: [UInt32]) -> [ClosedRange<UInt32>] {
        var out: [ClosedRange<UInt32>] = []
        for value in values {
            if let last = out.last, last.upperBound + 1 == value { out[out.count - 1] = last.lowerBound...value } else { out.append(value...value) }
        }
        return out
    }

    /// The three tables of `TextSearch+Tables.swift`, from Foundation.
    static func expectedTables() -> (folds: [UInt32: [UInt32]], marks: [ClosedRange<UInt32>], extenders: [ClosedRange<UInt32>], text: String) {
        func nfd(_ text: String) -> [UInt32] { text.decomposedStringWithCanonicalMapping.unicodeScalars.map(\.value) }
        var folds: [UInt32: [UInt32]] = [:]
        var foldRows: [String] = []
        var marks: [UInt32] = []
        var extenders: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let folded = nfd(String(scalar).folding(options: [.caseInsensitive], locale: nil))
            let lowered = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.flatMap { $0.properties.lowercaseMapping.unicodeScalars }
            if folded != nfd(String(String.UnicodeScalarView(lowered))) {
                folds[value] = folded
                foldRows.append("\(hex(value)): [\(folded.map(hex).joined(separator: ", "))]")
            }
            let marked = "x" + String(scalar)
            if let range = marked.range(of: "x", options: [.diacriticInsensitive]), range.upperBound == marked.endIndex { marks.append(value) }
            if marked.range(of: "x") == nil { extenders.append(value) }
        }
        let text = [rows(foldRows, 4), rows(ranges(marks).map { "\(hex($0.lowerBound))...\(hex($0.upperBound))" }, 6),
                    rows(ranges(extenders).map { "\(hex($0.lowerBound))...\(hex($0.upperBound))" }, 6)].joined(separator: "\n\n")
        return (folds, ranges(marks), ranges(extenders), text)
    }

    @Test func tablesAreFoundations() throws {
        let expected = Self.expectedTables()
        guard TextFolding.caseFoldOverrides != expected.folds || TextFolding.diacriticMarks != expected.marks
            || TextFolding.clusterExtenders != expected.extenders else { return }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("TextSearchTables.txt")
        try expected.text.write(to: path, atomically: true, encoding: .utf8)
        Issue.record("the TextSearch tables differ from Foundation's; the tables it gives (folds, marks, extenders) are in \(path.path)")
    }

    static let foldings: [(TextFolding, String.CompareOptions)] = [
        ([], []), (.letterCase, .caseInsensitive), ([.letterCase, .diacritics], [.caseInsensitive, .diacriticInsensitive]),
        (.diacritics, .diacriticInsensitive),
    ]

    /// Every needle Gloss searches for.
    static let needles: [String] = ReferenceParser.seeMarkers + ReferenceDates.accessMarkers + ReferenceParser.ibidWords
        + EditorMark.marks + ["https://", "http://", "https:/", "www.", "doi.org/", "://", " // ", " / ", "(pp.", "(ss.", "(s.",
                              "(Ed.)", "(Haz.)", "\r\n", "\r", "–", ",", " ", "2019"]

    static func offsets(_ text: String, _ range: Range<String.Index>?) -> [Int]? {
        guard let range else { return nil }
        return [text.unicodeScalars.distance(from: text.startIndex, to: range.lowerBound),
                text.unicodeScalars.distance(from: text.startIndex, to: range.upperBound)]
    }

    static func expectSame(_ text: String, _ needle: String, _ folding: TextFolding, _ options: String.CompareOptions, anchored: Bool = false) {
        let ours = offsets(text, text.firstRange(of: needle, ignoring: folding, anchored: anchored))
        let theirs = offsets(text, text.range(of: needle, options: anchored ? options.union(.anchored) : options))
        #expect(ours == theirs, "\(needle.debugDescription) in \(text.debugDescription), \(options)")
    }

    @Test(arguments: [
        ("STRASSE", "straße"), ("straße", "STRASSE"), ("Straße", "strasse"), ("aßed", "sed"), ("ﬁle", "fi"), ("ﬁle", "file"),
        ("İstanbul", "istanbul"), ("İSTANBUL", "i̇stanbul"), ("Istanbul", "ıstanbul"), ("ıstanbul", "Istanbul"), ("ISPARTA", "ısparta"),
        ("Erişim tarihi: 12.08.2023", "erişim"), ("ERİŞİM TARİHİ", "erişim tarihi"), ("Eris\u{327}im", "erişim"), ("x Erişim\u{301} t", "erişim"),
        ("BKZ. Yılmaz", "bkz."), ("Bakınız", "bakınız"), ("BAKINIZ", "bakınız"), ("СМ. Иванов", "см."), ("Там же, с. 5", "там же"),
        ("e\u{301}x", "e"), ("xé", "e\u{301}"), ("xe\u{301}", "é"), ("a,\u{301}b", ","), ("(pp.\u{301} 5", "(pp."), ("Ǆ ǅ ǆ", "ǆ"),
        ("ΣΟΦΙΑΣ", "σοφιας"), ("ΣΟΦΙΑΣ", "σοφιaς"), ("ẞ", "ss"), ("K", "k"), ("Å", "å"), ("\u{301}see", "see"), ("a\r\nb", "\n"),
        ("a\r\u{301}b", "\r"), ("🇦🇨", "🇨"), ("a\u{200D}b", "b"), ("", "a"), ("abc", ""), ("Ibid. 5", "ibid"), ("İbid", "ibid"),
        ("Müraciət tarixi", "müraciət"), ("MÜRACİƏT", "müraciət"), ("Accessed on 3 May", "accessed on"), ("(Eds.) x", "(eds.)"),
    ])
    func searchesAsFoundation(text: String, needle: String) {
        for (folding, options) in Self.foldings {
            Self.expectSame(text, needle, folding, options)
            Self.expectSame(text, needle, folding, options, anchored: true)
        }
    }

    /// Each scalar of the scripts Gloss reads, as a needle, against every scalar the markers use.
    /// Combining marks are left out as needles: Foundation finds one inside a cluster, which a
    /// needle starting with a letter never is, and Gloss searches for none.
    @Test func foldsEachScalarAsFoundation() {
        let alphabet = Set((Self.needles + ["abcdefghijklmnopqrstuvwxyzçğıöşüəß", "абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "αβγδεζηθικλμνξοπρστυφχψως"])
            .flatMap(\.unicodeScalars)).sorted { $0.value < $1.value }
        let text = alphabet.map { "<" + String($0) + ">" }.joined(separator: " ") + " ss fi i\u{307} ι"
        let blocks: [ClosedRange<UInt32>] = [0x20...0x52F, 0x1D00...0x1FFF, 0x2000...0x218F, 0xFB00...0xFB06]
        for block in blocks {
            for value in block {
                guard let scalar = Unicode.Scalar(value), !TextFolding.extendsCluster(scalar) else { continue }
                for (folding, options) in Self.foldings.dropFirst() {
                    Self.expectSame(text, String(scalar), folding, options)
                }
            }
        }
    }

    @Test func searchesTheSeedsAsFoundation() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: SeedData.seeds.path) where name.hasSuffix(".txt") {
            let text = try String(contentsOf: SeedData.seeds.appendingPathComponent(name), encoding: .utf8)
            let lines = text.split(separator: "\n").map(String.init)
            // As Gloss searches: markers ignoring case and diacritics, ibid words at the start
            // ignoring case, editor marks and URL starts ignoring case, the rest as they are.
            for line in lines + lines.prefix(100).map(\.decomposedStringWithCanonicalMapping) {
                for marker in ReferenceParser.seeMarkers + ReferenceDates.accessMarkers {
                    Self.expectSame(line, marker, [.letterCase, .diacritics], [.caseInsensitive, .diacriticInsensitive])
                }
                for word in ReferenceParser.ibidWords {
                    Self.expectSame(line, word, .letterCase, .caseInsensitive, anchored: true)
                }
                for mark in EditorMark.marks + ["https://", "http://", "https:/", "www."] {
                    Self.expectSame(line, mark, .letterCase, .caseInsensitive)
                }
                for needle in ["doi.org/", "://", " // ", " / ", "(pp.", "(ss.", "(s.", "(Ed.)", "–", ",", " ", "2019"] {
                    Self.expectSame(line, needle, [], [])
                }
            }
        }
    }

    @Test(arguments: [
        ("a\r\nb\rc\r\u{301}d\r\n\u{301}", "\r\n", "\n"), ("1,2,\u{301}3", ",", ", "), ("12 – 15", "–", "-"), ("a b  c", " ", ""),
        ("\\_\\%x\\_", "\\_", "_"), ("e\u{301}e", "é", "E"), ("eee", "ee", "x"), ("", ",", "x"), ("abc", "", "x"),
    ])
    func replacesAsFoundation(text: String, target: String, replacement: String) {
        let ours = text.replacingMatches(of: target, with: replacement)
        let theirs = text.replacingOccurrences(of: target, with: replacement)
        #expect(Array(ours.unicodeScalars) == Array(theirs.unicodeScalars), "\(target.debugDescription) in \(text.debugDescription)")
        let normalized = text.replacingMatches(of: "\r\n", with: "\n").replacingMatches(of: "\r", with: "\n")
        let foundation = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        #expect(Array(normalized.unicodeScalars) == Array(foundation.unicodeScalars))
    }
}
