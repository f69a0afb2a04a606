/// A year that is probably a typo for the year the same author is otherwise cited with:
/// transposed digits (`2012` / `2021`), or one digit off where the other year is the usual one.
/// Neighbouring years (`2020` / `2021`) are left alone: an author, and above all an agency or a
/// newspaper, often has works a year apart.
public struct YearTypoRule: CheckRule {
    public static let code = "year-typo"
    public static let summary = "an author is cited with a year that looks like a typo of their other year"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        let uses = AuthorDateUse.all(in: context).filter { Self.isPlainYear($0.year) }
        var findings: [Finding] = []
        for (_, group) in Dictionary(grouping: uses, by: { "\($0.source)\u{0}\($0.authorKey)" }) {
            let counts = Dictionary(grouping: group, by: \.year).mapValues(\.count)
            for (year, count) in counts where count == 1 {
                let others = counts.keys.filter { $0 != year }
                guard !others.isEmpty else { continue }
                let suspicious = others.allSatisfy { other in
                    Self.isTransposition(year, other)
                        || (Self.differsInOneDigit(year, other) && abs(Int(year)! - Int(other)!) > 1 && counts[other]! >= 2)
                }
                guard suspicious, let use = group.first(where: { $0.year == year }) else { continue }
                let usual = others.sorted { counts[$0]! > counts[$1]! }[0]
                findings.append(Finding(
                    rule: Self.code, severity: .warning, source: use.source, span: use.citation.span, text: use.citation.text,
                    message: "\(use.author) is cited with \(year) here but \(others.sorted().joined(separator: ", ")) elsewhere; \(year) may be a typo for \(usual)",
                    hint: "check the year against the work; accept this finding if both years are right"))
            }
        }
        return findings
    }

    static func isPlainYear(_ year: String) -> Bool {
        year.count == 4 && year.allSatisfy(\.isASCII) && year.allSatisfy(\.isNumber)
    }

    static func differsInOneDigit(_ a: String, _ b: String) -> Bool {
        zip(a, b).filter { $0 != $1 }.count == 1
    }

    static func isTransposition(_ a: String, _ b: String) -> Bool {
        let x = Array(a), y = Array(b)
        let differing = x.indices.filter { x[$0] != y[$0] }
        return differing.count == 2 && differing[1] == differing[0] + 1
            && x[differing[0]] == y[differing[1]] && x[differing[1]] == y[differing[0]]
    }
}
