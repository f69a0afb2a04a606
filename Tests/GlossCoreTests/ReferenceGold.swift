import Foundation

/// The gold footnotes of seed 002 (`Tests/Fixtures/gold/footnotes.jsonl`).
struct GoldFootnote: Decodable {
    var number: Int
    var text: String
    var is_ibid: Bool
    var ibid_of: Int?
    var is_short_form: Bool
    var short_form_of: Int?
    var short_form_of_reference_index: Int?
    var is_commentary: Bool
    var authors: [String]
    var editors: [String]
    var title: String?
    var container: String?
    var volume_issue: String?
    var publisher: String?
    var place: String?
    var type: String
    var year: String?
    var pages: String?
    var url: String?
    var accessed: String?
    var references: [GoldReference]?

    struct GoldReference: Decodable {
        var authors: [String]?
        var title: String?
        var year: String?
        var pages: String?
        var short_form_of: Int?
    }

    /// All 59, in order; throws (the test fails) if the fixture is missing or a line does not decode.
    static func all() throws -> [GoldFootnote] {
        let text = try String(contentsOf: SeedData.gold.appendingPathComponent("footnotes.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(GoldFootnote.self, from: Data($0.utf8)) }
    }
}
