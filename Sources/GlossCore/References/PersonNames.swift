#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads the author lists of footnotes and reference entries (`Pieter D. Wezeman, Alexandra
/// Kuimova ve Siemon T. Wezeman`, `Smith, J. & Doe, A.`) into CSL names.
public enum PersonNames {
    /// Words that join the last two names of a list, in the seeds' languages.
    static let conjunctions: Set<String> = ["ve", "və", "and", "&", "и", "und", "et", "y"]
    /// Lower-case particles that belong to the family name (`Thomas de Waal`).
    static let particles: Set<String> = ["de", "da", "del", "della", "der", "den", "van", "von", "la", "le", "du", "di", "bin", "ibn", "al", "el", "ter", "ten"]
    /// Words that make a name an institution (`NATO`, `Congressional Research Service`).
    static let institutionWords: [String] = [
        "ajans", "agency", "bakanlığı", "başkanlığı", "nazirliyi", "ministry", "institute", "institut",
        "enstitüsü", "university", "üniversitesi", "universiteti", "service", "organization", "organisation",
        "council", "commission", "committee", "centre", "center", "merkezi", "bank", "fund", "office",
        "association", "derneği", "vakfı", "foundation", "group", "press", "news", "times", "haber",
        "gazete", "reuters", "sipri", "nato", "ministerstvo", "министерство", "институт", "комитет",
        "department", "government", "hükümeti", "presidency", "administration", "forum", "union", "birliği",
        "consortium", "collaboration",
    ]

    /// Splits an author string into single names: on `;`, on `,` between full names, and on a
    /// conjunction before the last name. `Smith, J., & Doe, A.` (family-first) keeps each
    /// `Family, Initials` pair together.
    public static func split(_ text: String) -> [String] {
        var parts: [String] = []
        for chunk in text.split(separator: ";") {
            var pieces = invertedFirst(chunk.split(separator: ",").map { $0.trimming(.whitespacesAndNewlines) }.filter { !$0.isEmpty })
            if pieces.first?.contains(",") == true {
                parts.append(pieces.removeFirst())
            }
            // Family-first lists: "Smith, J." — a piece that is only initials belongs to the one before.
            var merged: [String] = []
            for piece in pieces {
                let core = stripConjunction(piece)
                if isInitials(core), let last = merged.popLast() {
                    merged.append(last + ", " + core)
                } else {
                    merged.append(piece)
                }
            }
            pieces = merged
            for piece in pieces {
                parts.append(contentsOf: splitOnConjunction(piece))
            }
        }
        return parts.map { $0.trimming(.whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// Joins an inverted first name (`Smith, John, and Jane Doe`) into one `Family, Given` piece:
    /// the first two comma pieces when both are one or two words without a conjunction.
    public static func invertedFirst(_ pieces: [String]) -> [String] {
        guard pieces.count >= 2 else { return pieces }
        let first = pieces[0].split(separator: " "), second = pieces[1].split(separator: " ")
        guard first.count == 1, (1...2).contains(second.count),
              !second.contains(where: { conjunctions.contains($0.lowercased()) }), !isInstitution(pieces[0]) else { return pieces }
        return [pieces[0] + ", " + pieces[1]] + pieces.dropFirst(2)
    }

    /// A name as CSL: `Bilal N. Şimşir` → given `Bilal N.`, family `Şimşir`; `Smith, J.` → family
    /// `Smith`, given `J.`; `Thomas de Waal` → family `de Waal`; an institution, or a name of
    /// one word that `singleWordIsFamily` does not claim, → literal.
    public static func name(_ raw: String, singleWordIsFamily: Bool = false) -> CSLName {
        let text = raw.trimming(.whitespacesAndNewlines)
        if isInstitution(text) { return CSLName(literal: text) }
        if let comma = text.firstIndex(of: ",") {
            let family = String(text[..<comma]).trimming(.whitespacesAndNewlines)
            let given = String(text[text.index(after: comma)...]).trimming(.whitespacesAndNewlines)
            return CSLName(family: family, given: given.isEmpty ? nil : given)
        }
        let words = text.split(separator: " ").map(String.init)
        guard words.count > 1 else {
            return singleWordIsFamily ? CSLName(family: text) : CSLName(literal: text)
        }
        // Russian style "Иванов И.И." — initials after the family name.
        if words.count == 2, isInitials(words[1]), !isInitials(words[0]) {
            return CSLName(family: words[0], given: words[1])
        }
        var familyStart = words.count - 1
        while familyStart > 1, particles.contains(words[familyStart - 1]) { familyStart -= 1 }
        return CSLName(family: words[familyStart...].joined(separator: " "),
                       given: words[..<familyStart].joined(separator: " "))
    }

    /// A name the way footnotes write it: `given family`, or the literal.
    public static func display(_ name: CSLName) -> String {
        if let literal = name.literal { return literal }
        return [name.given, name.family].compactMap { $0 }.joined(separator: " ")
    }

    /// Whether the text reads as given names after an inverted family name: one capitalised
    /// word, or up to three words with at least one initial (`Bilal N.`, `J. R.`).
    public static func looksLikeGivenNames(_ text: String) -> Bool {
        let words = text.split(separator: " ").map(String.init)
        guard (1...3).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true && !$0.contains(where: \.isNumber) }) else { return false }
        return words.count == 1 ? !isInstitution(text) : words.contains(where: isInitials)
    }

    /// Whether the text reads as a list of person names (or one institution): no digits, short
    /// words, each capitalised, an initial, a particle or a conjunction.
    public static func looksLikeNames(_ text: String, maxWordsPerName: Int = 4) -> Bool {
        let names = split(text)
        guard !names.isEmpty else { return false }
        for name in names {
            let words = name.split(whereSeparator: { $0 == " " || $0 == "," })
            guard !words.isEmpty, words.count <= maxWordsPerName else { return false }
            // Titles run to long words and several hyphenated compounds; names seldom do.
            guard words.filter({ $0.contains("-") }).count <= 1,
                  words.allSatisfy({ $0.split(separator: "-").allSatisfy { $0.count <= 14 } }) else { return false }
            for word in words {
                if particles.contains(String(word)) { continue }
                guard let first = word.unicodeScalars.first, first.properties.isUppercase else { return false }
                if word.contains(where: \.isNumber) { return false }
            }
        }
        return true
    }

    static func isInstitution(_ text: String) -> Bool {
        let lower = text.lowercased()
        let words = lower.split(whereSeparator: { !$0.isLetter })
        if words.contains(where: { word in institutionWords.contains { word.hasPrefix($0) } }) { return true }
        // All-capital acronyms: NATO, SIPRI, BBC.
        let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
        return letters.count >= 2 && !text.contains(" ") && letters.allSatisfy { $0.properties.isUppercase }
    }

    /// `J.`, `N.`, `И.И.`, `J.-P.`
    static func isInitials(_ text: String) -> Bool {
        let trimmed = text.trimming(.whitespacesAndNewlines)
        guard trimmed.hasSuffix("."), trimmed.count <= 8 else { return false }
        return trimmed.split(whereSeparator: { $0 == "." || $0 == " " || $0 == "-" }).allSatisfy { $0.count == 1 && $0.first!.isUppercase }
    }

    private static func stripConjunction(_ piece: String) -> String {
        let words = piece.split(separator: " ")
        if let first = words.first, conjunctions.contains(first.lowercased()) {
            return words.dropFirst().joined(separator: " ")
        }
        return piece
    }

    private static func splitOnConjunction(_ piece: String) -> [String] {
        var names: [String] = []
        var current: [Substring] = []
        for word in piece.split(separator: " ") {
            if conjunctions.contains(word.lowercased()) {
                if !current.isEmpty { names.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(word)
            }
        }
        if !current.isEmpty { names.append(current.joined(separator: " ")) }
        return names
    }
}

