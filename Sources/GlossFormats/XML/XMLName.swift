import GlossCore

/// Makes xml:id values: valid XML NCNames (ASCII letters, digits, `.`, `-`, `_`, starting with a
/// letter or `_`), unique within one document.
struct XMLIDs {
    private var used = Set<String>()
    private var assigned: [String: String] = [:]

    /// The NCName form of `raw` with `prefix` used when `raw` does not start with a letter.
    static func ncname(_ raw: String, prefix: String) -> String {
        var out = ""
        for scalar in ASCIITransliterator.transliterate(raw).unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "." || scalar == "-" || scalar == "_" {
                out.unicodeScalars.append(scalar)
            } else if !out.hasSuffix("_") {
                out += "_"
            }
        }
        if let first = out.unicodeScalars.first, first.properties.isAlphabetic || first == "_" {
            return out
        }
        return prefix + out
    }

    /// A unique id for the object named `name` in namespace `kind`; the same pair gives the same id.
    /// `prefix` starts every id of the kind, or with `onlyIfNeeded` only ids that need a leading letter.
    /// `spelled` gives the id's text when it differs from the object's name.
    mutating func id(_ kind: String, _ name: String, prefix: String, onlyIfNeeded: Bool = false, spelled: String? = nil) -> String {
        let slot = kind + "\u{1F}" + name
        if let known = assigned[slot] { return known }
        let text = spelled ?? name
        let base = onlyIfNeeded || text.hasPrefix(prefix) ? Self.ncname(text, prefix: prefix) : prefix + Self.ncname(text, prefix: "")
        var candidate = base
        var counter = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        assigned[slot] = candidate
        return candidate
    }

    func existing(_ kind: String, _ name: String) -> String? { assigned[kind + "\u{1F}" + name] }
}
