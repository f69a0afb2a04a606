import Foundation

/// The gold footnotes of seed 002 (`../shared/gold/footnotes.jsonl`), or nil on a clone without them.
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

    static let all: [GoldFootnote]? = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        let file = url.appendingPathComponent("shared/gold/footnotes.jsonl")
        guard let data = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        return data.split(separator: "\n").compactMap { try? JSONDecoder().decode(GoldFootnote.self, from: Data($0.utf8)) }
    }()
}
