import Foundation

/// The author list at the start of a reference-list entry, in the forms the numeric and compact
/// styles print it, and the text after it.
struct LeadingAuthors {
    var names: [CSLName]
    /// Whether the list ends with an editor mark (`Bajorath J, editor.`, `Боголицын КГ, ed.`).
    var editors = false
    /// The text after the list and its closing punctuation.
    var rest: String

    static let etAlWords: Set<String> = ["et al", "et al.", "и др", "и др.", "vd", "vd.", "ve ark", "ve ark."]

    /// `Upadhyay A, Peterson AJ, Kim MJ, et al. Title…` (Vancouver/NLM): family names, then capital
    /// initials without dots; a corporate author may lead (`1000 Genomes Project Consortium, Abecasis GR`).
    static func vancouver(_ text: String) -> LeadingAuthors? {
        guard let stop = text.firstRange(of: ". ") else { return nil }
        let block = String(text[..<stop.lowerBound])
        let pieces = block.components(separatedBy: ", ")
        var names: [CSLName] = []
        var editors = false
        for (index, piece) in pieces.enumerated() {
            if etAlWords.contains(piece.lowercased()) { continue }
            if index > 0, index == pieces.count - 1, ["ed", "eds", "editor", "editors"].contains(piece.lowercased()) {
                editors = true
                continue
            }
            if let name = familyThenBareInitials(piece) {
                names.append(name)
            } else if index == 0, isCorporate(piece) {
                names.append(CSLName(literal: piece))
            } else {
                return nil
            }
        }
        // An institution alone (`World Health Organization.`) is for the caller to believe.
        guard names.contains(where: { $0.family != nil }) || names.count == 1 else { return nil }
        return LeadingAuthors(names: names, editors: editors, rest: String(text[stop.upperBound...]))
    }

    /// `O’Connor MB`, `van Schijndel M`, `Gonçalves Neto A` → family and initials.
    static func familyThenBareInitials(_ piece: String) -> CSLName? {
        let words = piece.split(separator: " ").map(String.init)
        // `M-J` (Myung-Jun) keeps its hyphen.
        guard words.count >= 2, let initials = words.last, (1...4).contains(initials.count), initials.first?.isUppercase == true,
              initials.allSatisfy({ $0.isUppercase && $0.isLetter || $0 == "-" }) else { return nil }
        let family = words.dropLast()
        guard family.allSatisfy(isFamilyWord), family.contains(where: { $0.first?.isUppercase == true }) else { return nil }
        return CSLName(family: family.joined(separator: " "), given: initials.filter(\.isLetter).map(String.init).joined(separator: " "))
    }

    /// `A. J. Peterson`, `M.-J. Kim`, `and M. B. O’Connor`, `G. A. McVean` (IEEE, APS): initials, then
    /// the family name, one name a comma-separated piece; the list ends at the first piece that is
    /// no such name (the title, or a quoted title). A corporate author may lead.
    static func initialsFirst(_ text: String) -> LeadingAuthors? {
        var names: [CSLName] = []
        var rest = Substring(text)
        while true {
            // After a name, the list goes on only past `, `; the rest starts with it.
            var candidate = rest
            if !names.isEmpty {
                guard candidate.hasPrefix(", ") else { break }
                candidate = candidate.dropFirst(2)
            }
            let end = candidate.firstRange(of: ", ")?.lowerBound ?? candidate.endIndex
            var piece = String(candidate[..<end])
            for conjunction in ["and ", "& ", "и "] where piece.hasPrefix(conjunction) { piece.removeFirst(conjunction.count) }
            // `A. Raidal and B. Strumia` in one piece: two names.
            let parts = piece.components(separatedBy: " and ")
            var parsed: [CSLName] = []
            for part in parts {
                var part = part
                var etAl = false
                for suffix in [" et al.", " et al"] where part.hasSuffix(suffix) { part.removeLast(suffix.count); etAl = true }
                if let name = initialsThenFamily(part) {
                    parsed.append(name)
                } else if names.isEmpty, parsed.isEmpty, isCorporate(part), end < candidate.endIndex {
                    parsed.append(CSLName(literal: part))
                } else if etAlWords.contains(part.lowercased()) {
                    continue
                } else {
                    parsed = []
                    break
                }
                if etAl { break }
            }
            guard !parsed.isEmpty else { break }
            names += parsed
            rest = candidate[end...]
        }
        // An institution alone (`World Health Organization, “Title,” …`) leads an entry too.
        guard names.contains(where: { $0.family != nil }) || names.count == 1 else { return nil }
        return LeadingAuthors(names: names, rest: String(rest))
    }

    /// `A. J. Peterson`, `M.-J. Kim`, `М. В. Свет` → family and initials; nil when the piece is not
    /// initials followed by one to three family words.
    static func initialsThenFamily(_ piece: String) -> CSLName? {
        let words = piece.split(separator: " ").map(String.init)
        guard words.count >= 2 else { return nil }
        let initials = words.prefix(while: isDottedInitials)
        let family = words.dropFirst(initials.count)
        guard !initials.isEmpty, (1...3).contains(family.count), family.allSatisfy(isFamilyWord),
              family.last?.first?.isUppercase == true else { return nil }
        return CSLName(family: family.joined(separator: " "), given: initials.joined(separator: " "))
    }

    /// `A.`, `R.`, `M.-J.`, `Yu.`, `Zh.`: one or two letters and a period, hyphenated parts allowed.
    static func isDottedInitials(_ word: String) -> Bool {
        guard word.hasSuffix(".") else { return false }
        return word.split(separator: "-").allSatisfy { part in
            let letters = part.filter(\.isLetter)
            return (1...2).contains(letters.count) && part.first?.isUppercase == true && part.hasSuffix(".")
        }
    }

    /// A word of a family name: capitalised (`O’Connor`, `Saunders-Medina`), or a particle (`van`).
    static func isFamilyWord(_ word: String) -> Bool {
        if PersonNames.particles.contains(word.lowercased()) { return true }
        guard let first = word.first, first.isUppercase else { return false }
        return word.allSatisfy { $0.isLetter || "'’-()".contains($0) } && word.count >= 2
    }

    /// `1000 Genomes Project Consortium`, `World Health Organization`: an institution's name.
    static func isCorporate(_ piece: String) -> Bool {
        let words = piece.split(separator: " ")
        guard (2...8).contains(words.count), !piece.contains("“"), !piece.contains("\"") else { return false }
        return PersonNames.isInstitution(piece)
    }
}
