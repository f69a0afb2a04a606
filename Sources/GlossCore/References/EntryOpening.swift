/// How the start of a line of a reference list reads: as the opening of an entry or not.
///
/// Reference lists that PDF extraction gives one printed line per line lose their hanging indents;
/// what is left to tell a new entry from a continuation is how it opens. An author-date entry
/// opens with names and then its year (`Aivazian D, Serrano RL. 2006.`, `Kınık, H., & Çelik, S.
/// (2021).`, `Smith, John, and Jane Doe. 2012.`, `National Institute of Mental Health. 1990.`):
/// that is a strong opening. Styles without a year after the names open with an inverted name
/// (`Smith, John.`, `Smith, J.`, `Иванов И.И.`, `Aivazian D,`) or a repeated-author dash (`———.`):
/// a weak opening, believed only after a line that ended an entry.
enum EntryOpening: Comparable {
    case none, weak, strong

    /// Classifies `probe`: a line, with the line or two after it joined on, so that an author list
    /// wrapped over lines still reaches its year.
    static func of(_ probe: String) -> EntryOpening {
        let tokens = probe.split(separator: " ", maxSplits: 160, omittingEmptySubsequences: true)
        guard let first = tokens.first, startsName(first) || isDashRun(first) || isParticle(first) else { return .none }
        var names = 0
        var lowerWords = 0
        for (index, token) in tokens.enumerated() where index < 160 {
            if isYear(token, next: index + 1 < tokens.count ? tokens[index + 1] : nil) {
                return names > 0 ? .strong : .none
            }
            guard let kind = nameToken(token) else { break }
            if kind == .functionWord {
                lowerWords += 1
                if lowerWords > 4 { break }
            }
            names += 1
        }
        return weak(tokens) ? .weak : .none
    }

    /// `Smith, John.`, `Smith, J. A.,`, `Middle, Eastern, …` is not one: a family name of up to three
    /// capitalised words and a comma, then given names or initials; `Иванов И.И.`; `Aivazian D,`; `———.`.
    static func weak(_ tokens: [Substring]) -> Bool {
        guard let first = tokens.first else { return false }
        if isDashRun(first) { return true }
        guard tokens.count >= 2 else { return false }
        let second = tokens[1]
        // `Иванов И.И.`, `Smith J.A.`: a family name, then dotted initials.
        if startsName(first), !first.hasSuffix(","), PersonNames.isInitials(String(second.trimmingSuffix(","))), !PersonNames.isInitials(String(first)) {
            return true
        }
        // `Aivazian D,` / `Smith JA.`: a family name, then undotted capitals closed by a comma or full stop.
        if startsName(first), !first.hasSuffix(","), (second.hasSuffix(",") || second.hasSuffix(".")),
           isUndottedInitials(second.dropLast()) {
            return true
        }
        // `Smith,`, `Gonçalves Neto,`, `van Schijndel,`: capitalised words, particles before them.
        guard let commaWord = tokens.prefix(3).firstIndex(where: { $0.hasSuffix(",") }),
              tokens[...commaWord].allSatisfy({ startsName($0) || isParticle($0) }), startsName(tokens[commaWord]),
              commaWord + 1 < tokens.count else { return false }
        let next = tokens[commaWord + 1]
        if ["vol.", "no.", "cilt", "sayı", "s.", "ss.", "pp.", "p.", "issue", "т.", "№"].contains(next.lowercased()) { return false }
        if PersonNames.isInitials(String(next.trimmingSuffix(","))) { return true }
        guard startsName(next) else { return false }
        return next.hasSuffix(",") || next.hasSuffix(".")
            || commaWord + 2 < tokens.count && PersonNames.isInitials(String(tokens[commaWord + 2].trimmingSuffix(",(")))
    }

    enum NameToken { case name, functionWord }

    static let conjunctions: Set<String> = ["and", "&", "ve", "və", "и", "und", "et", "y", "e", "або"]
    static let particles: Set<String> = ["de", "da", "del", "della", "degli", "dei", "der", "den", "van", "von", "vom", "zum", "la",
                                         "las", "los", "le", "les", "du", "di", "dos", "das", "do", "ter", "ten", "op", "het", "bin",
                                         "ibn", "al", "el", "zu", "'t", "van't", "d'"]
    static let marks: Set<String> = ["al.", "al", "vd.", "vd", "ark.", "др.", "others", "editors", "editor", "eds.", "ed.", "eds",
                                     "(ed.)", "(eds.)", "(ed)", "(eds)", "(haz.)", "(der.)", "(çev.)", "(ред.)", "(red.)", "(comp.)",
                                     "(comps.)", "jr", "jr.", "jnr", "sr", "sr.", "ii", "iii", "iv", "…", "...", ".", "..", "(org.)",
                                     "(coord.)", "(hrsg.)", "hrsg.", "(dir.)", "(éd.)", "(éds.)"]
    /// Lower-case words inside the name of an institution (`National Institute of Mental Health`).
    static let functionWords: Set<String> = ["of", "for", "the", "on", "in", "des", "für", "du", "de", "la", "и", "по"]

    /// Whether `token` can stand in an author list: a capitalised word, initials, a particle, a
    /// conjunction, `et al.`, an editor mark, a generational suffix.
    static func nameToken(_ token: Substring) -> NameToken? {
        var word = token
        while let last = word.last, last == "," || last == ";" { word = word.dropLast() }
        guard !word.isEmpty else { return nil }
        let lower = word.lowercased()
        if conjunctions.contains(lower) || particles.contains(lower) || marks.contains(lower) { return .name }
        if lower.hasSuffix("."), marks.contains(String(lower.dropLast())) { return .name }
        if lower.hasPrefix("al-") || lower.hasPrefix("el-") { return .name }
        if isDashRun(word) { return .name }
        if functionWords.contains(lower) { return .functionWord }
        guard startsName(word), word.unicodeScalars.count <= 30 else { return nil }
        for scalar in word.unicodeScalars.drop(while: { ("0"..."9").contains($0) }) where !(scalar.properties.isAlphabetic || "-.'’".unicodeScalars.contains(scalar)) {
            return nil
        }
        return .name
    }

    /// `van`, `de`, `al-Farabi`: a family name may open with a lower-case particle.
    static func isParticle(_ token: Substring) -> Bool {
        let lower = token.lowercased()
        return particles.contains(lower) || lower.hasPrefix("al-") || lower.hasPrefix("el-")
    }

    /// Whether the token opens with an upper-case letter (any script), or is an organisation's
    /// name that opens with digits (`14CHRONO`: digits, then letters with two capitals or more).
    static func startsName(_ token: Substring) -> Bool {
        guard let first = token.unicodeScalars.first else { return false }
        if first.properties.isUppercase { return true }
        let rest = token.unicodeScalars.drop { ("0"..."9").contains($0) }
        return rest.count < token.unicodeScalars.count && rest.allSatisfy(\.properties.isAlphabetic)
            && rest.filter(\.properties.isUppercase).count >= 2
    }

    /// `———`, `——.`, `---,`: the author of the entry before, repeated.
    static func isDashRun(_ token: Substring) -> Bool {
        let core = token.unicodeScalars.filter { !",.".unicodeScalars.contains($0) }
        return core.count >= 2 && core.allSatisfy { "—–-_".unicodeScalars.contains($0) }
    }

    /// `AB`, `RL`, `J`: capitals of a name written without full stops, as eLife and Vancouver do.
    static func isUndottedInitials(_ token: Substring) -> Bool {
        (1...3).contains(token.unicodeScalars.count) && token.unicodeScalars.allSatisfy { $0.properties.isUppercase }
    }

    /// The year after the authors: `2012.`, `2012a.`, `(2012).`, `(2012a)`, `(2012,` (a date follows),
    /// `(n.d.)`, `(t.y.)`, `(in press)`.
    static func isYear(_ token: Substring, next: Substring?) -> Bool {
        var core = token
        let bracketed = core.first == "("
        if bracketed { core = core.dropFirst() }
        if bracketed, core.lowercased() == "in", let next, next.lowercased().hasPrefix("press)") { return true }
        if bracketed, core.lowercased() == "no", let next, next.lowercased().hasPrefix("date)") { return true }
        while let last = core.last, ".,):;".contains(last) { core = core.dropLast() }
        let lower = core.lowercased()
        if bracketed, ["n.d", "t.y", "b.t", "s.a", "nd", "b.g"].contains(lower) { return true }
        // A bare year must close its sentence (`2012.`), or it may be a number in a title.
        if !bracketed, !(token.hasSuffix(".") || token.hasSuffix(",")) { return false }
        var scalars = Array(core.unicodeScalars)
        if let last = scalars.last, last.properties.isLowercase, scalars.count == 5 { scalars.removeLast() }
        guard scalars.count == 4, scalars.allSatisfy({ ("0"..."9").contains($0) }),
              let year = Int(String(String.UnicodeScalarView(scalars))) else { return false }
        return (1500...2099).contains(year)
    }
}

extension Substring {
    /// The substring without the given characters at its end.
    func trimmingSuffix(_ characters: String) -> Substring {
        var result = self
        while let last = result.last, characters.contains(last) { result = result.dropLast() }
        return result
    }
}
