import Foundation

/// The author list at the head of a reference-list entry, in the forms the author-date styles
/// write it: `Aivazian D, Serrano RL, Pfeffer S` (eLife, Vancouver: family name, then undotted
/// initials), `Kınık, H., & Çelik, S.` (APA), `Smith, J.A. and Doe, B.` (Harvard),
/// `Smith, John, and Jane Doe` (Chicago), with `editors`/`(Eds.)` marking editors, `et al.`/`vd.`
/// dropped, and institutions (`Department of Education`) kept whole.
enum AuthorList {
    static let editorMarks = ["editors", "editor", "eds.", "eds", "ed.", "(eds.)", "(ed.)", "(eds)", "(ed)", "(haz.)", "(der.)",
                              "(hrsg.)", "(red.)", "(ред.)", "(comp.)", "(comps.)", "(ed.).", "(eds.)."]
    static let generational: Set<String> = ["jr", "jr.", "jnr", "jnr.", "sr", "sr.", "ii", "iii", "iv"]

    /// The names as authors, or as editors when the list is marked so.
    static func read(_ raw: String) -> (authors: [CSLName], editors: [CSLName]) {
        // A final full stop may close initials (`Fraser, C.`): it stays.
        var text = raw.trimmingCharacters(in: CharacterSet(charactersIn: " ,;"))
        var isEditor = false
        if text.hasSuffix("."), let last = text.split(separator: " ").last, !PersonNames.isInitials(String(last)) { text.removeLast() }
        let lower = text.lowercased()
        for mark in editorMarks where lower.hasSuffix(" " + mark) || lower.hasSuffix("," + mark) {
            text = String(text.dropLast(mark.count)).trimmingCharacters(in: CharacterSet(charactersIn: " ,."))
            isEditor = true
            break
        }
        text = dropEtAl(text)
        guard !text.isEmpty else { return ([], []) }
        let names = vancouver(text) ?? familyAndInitials(text) ?? invertedFirst(text) ?? PersonNames.split(text).map(name)
        return isEditor ? ([], names) : (names, [])
    }

    static func dropEtAl(_ text: String) -> String {
        let lower = text.lowercased()
        for mark in CitedAuthors.etAlMarks where lower.hasSuffix(" " + mark) || lower.hasSuffix("," + mark) {
            return String(text.dropLast(mark.count)).trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
        }
        return text
    }

    /// `Gonçalves Neto, Afonso, Jaime B. Palter, and Xiaobiao Xu` (Chicago, MLA): the first name
    /// inverted (a family name of up to three words, then the given names), the others in reading
    /// order. Nil when the list is not written so.
    static func invertedFirst(_ text: String) -> [CSLName]? {
        var pieces = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard pieces.count >= 2 else { return nil }
        let family = pieces.removeFirst()
        let given = pieces.removeFirst()
        let familyWords = family.split(separator: " "), givenWords = given.split(separator: " ")
        guard (2...3).contains(familyWords.count), familyWords.allSatisfy({ EntryOpening.startsName($0) || EntryOpening.isParticle($0) }),
              (1...3).contains(givenWords.count), givenWords.allSatisfy(EntryOpening.startsName),
              !givenWords.contains(where: { EntryOpening.conjunctions.contains($0.lowercased()) }) else { return nil }
        var names = [CSLName(family: family, given: given)]
        for piece in pieces {
            var words = piece.split(separator: " ")
            if let first = words.first, EntryOpening.conjunctions.contains(first.lowercased()) { words.removeFirst() }
            let rest = words.joined(separator: " ")
            if rest.isEmpty || CitedAuthors.etAlMarks.contains(rest.lowercased()) { continue }
            guard words.count >= 2 else { return nil }
            names.append(PersonNames.name(rest))
        }
        return names
    }

    /// Words that end the name of a group of people rather than a person.
    static let groupWords: Set<String> = ["consortium", "team", "society", "group", "network", "project", "collaboration",
                                          "initiative", "laboratory", "board", "konsorsiyumu", "ekibi", "derneği"]

    /// One name of a list that is neither eLife's nor APA's form: a group (`R Core Team`, `The
    /// ENCODE Consortium`, three or more words without initials) whole, a person as `PersonNames` reads it.
    static func name(_ text: String) -> CSLName {
        let words = text.split(separator: " ")
        if let last = words.last, groupWords.contains(last.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".,;")))
            || words.count >= 3 && !words.contains(where: { PersonNames.isInitials(String($0)) }) && !text.contains(",") {
            return CSLName(literal: text)
        }
        return PersonNames.name(text, singleWordIsFamily: true)
    }

    /// `Kınık, H., & Çelik, S.`, `Arslan, M. ve Kaya, B.`, `Patel, R.K. and Moreno, L.`, `Smith, A.,
    /// . . . Roe, Z.`: family names each followed by its initials (APA, Harvard). Nil when a
    /// family name lacks its initials.
    static func familyAndInitials(_ text: String) -> [CSLName]? {
        var pieces: [String] = []
        for chunk in text.split(separator: ",") {
            var current: [Substring] = []
            for word in chunk.split(separator: " ") {
                if EntryOpening.conjunctions.contains(word.lowercased()) {
                    if !current.isEmpty { pieces.append(current.joined(separator: " ")) }
                    current = []
                } else if !["…", "...", ".", ". . ."].contains(word) {
                    current.append(word)
                }
            }
            if !current.isEmpty { pieces.append(current.joined(separator: " ")) }
        }
        var names: [CSLName] = []
        var index = 0
        // `1000 Genomes Project Consortium, Abecasis, G. R., …`: an institution may lead.
        if pieces.count >= 3, !isInitials(pieces[1]), LeadingAuthors.isCorporate(pieces[0]) {
            names.append(CSLName(literal: pieces[0]))
            index = 1
        }
        while index < pieces.count {
            let family = pieces[index]
            guard !isInitials(family), index + 1 < pieces.count, isInitials(pieces[index + 1]) else { return nil }
            names.append(CSLName(family: family, given: pieces[index + 1]))
            index += 2
        }
        return names.isEmpty ? nil : names
    }

    /// `A.`, `A. B.`, `R.K.`, `J.-P.`, `AB` (undotted, as some Harvard lists write them).
    static func isInitials(_ text: String) -> Bool {
        PersonNames.isInitials(text) || EntryOpening.isUndottedInitials(Substring(text))
    }

    /// `Aivazian D, Serrano RL, Gómez de las Heras F, Stoeckert CJ Jnr, Department of Education`:
    /// comma-separated names, each its family name and undotted initials; pieces without initials
    /// are institutions. Nil when the list is not written this way (a piece is initials alone, as
    /// in `Smith, J.`, or no piece ends in initials).
    static func vancouver(_ text: String) -> [CSLName]? {
        let pieces = text.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " .")) }.filter { !$0.isEmpty }
        var names: [CSLName] = []
        var sawInitials = false
        for piece in pieces {
            var words = piece.split(separator: " ").map(String.init)
            // `and Smith J`, `& Smith J`: a conjunction before the last name.
            if let first = words.first, EntryOpening.conjunctions.contains(first.lowercased()) { words.removeFirst() }
            var suffix: String?
            if let last = words.last, words.count >= 3, generational.contains(last.lowercased()) {
                suffix = last
                words.removeLast()
            }
            guard let last = words.last else { return nil }
            // Dotted initials (`A. B`, `J.A. and Doe`, `Smith J.A.`) belong to another form.
            if words.contains(where: { PersonNames.isInitials($0) || PersonNames.isInitials($0 + ".") && $0.contains(".") }) { return nil }
            if words.count >= 2, EntryOpening.isUndottedInitials(Substring(last)) {
                sawInitials = true
                var name = CSLName(family: words.dropLast().joined(separator: " "), given: last)
                name.suffix = suffix
                names.append(name)
            } else if words.count == 1, EntryOpening.isUndottedInitials(Substring(last)) {
                // `Smith, J`: initials standing alone belong to the APA or Harvard form.
                return nil
            } else {
                names.append(CSLName(literal: words.joined(separator: " ")))
            }
        }
        return sawInitials ? names : nil
    }
}
