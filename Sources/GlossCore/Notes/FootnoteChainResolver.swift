/// Names one reference inside an ordered list of entries: entry `entry` (its footnote or list
/// number), reference `index` within it.
public struct ReferencePosition: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public var entry: Int
    public var index: Int

    public init(entry: Int, index: Int) {
        self.entry = entry
        self.index = index
    }

    public static func < (a: ReferencePosition, b: ReferencePosition) -> Bool { (a.entry, a.index) < (b.entry, b.index) }

    public var description: String { index == 0 ? "\(entry)" : "\(entry)[\(index)]" }
}

/// A reference with what it repeats: for ibid the reference just before it, for a short form the
/// full reference it abbreviates; `work` is the full reference at the end of that chain.
public struct ResolvedReference: Sendable, Hashable {
    public var position: ReferencePosition
    public var reference: ParsedReference
    /// The reference this one points back to (ibid → previous footnote; short form → full reference).
    public var antecedent: ReferencePosition?
    /// The full reference of the work (itself for a full reference); nil when it cannot be found.
    public var work: ReferencePosition?

    /// The record of the work this reference cites, with this reference's own locator.
    public var locator: String? { reference.locator }
}

/// Resolves ibid and short-form footnotes to the works they repeat, in document order.
///
/// Ibid is resolved one step at a time (`12 Age` → 11, itself a short form of 9). A short form
/// matches the first earlier full reference whose authors' family names fold equal (Turkish and
/// Azerbaijani letters, case) and whose title starts with the fragment, word by word; without a
/// title fragment, or when none matches, the latest full reference by the same authors.
public enum FootnoteChainResolver {
    public static func resolve(_ entries: [ParsedEntry]) -> [ResolvedReference] {
        var resolved: [ResolvedReference] = []
        var full: [(position: ReferencePosition, record: BibRecord)] = []
        var previousEntryLast: ResolvedReference?
        for (offset, entry) in entries.enumerated() {
            let number = entry.number ?? offset + 1
            var last: ResolvedReference?
            for (index, reference) in entry.references.enumerated() {
                let position = ReferencePosition(entry: number, index: index)
                var item = ResolvedReference(position: position, reference: reference)
                switch reference.form {
                case .full:
                    item.work = position
                    full.append((position, reference.record))
                case .ibid:
                    // Within one footnote (`A, s. 3; ibid., s. 5`) ibid repeats the reference before it.
                    let antecedent = last ?? previousEntryLast
                    item.antecedent = antecedent?.position
                    item.work = antecedent?.work
                case .shortForm:
                    if let match = match(reference.record, among: full) {
                        item.antecedent = match
                        item.work = match
                    }
                }
                resolved.append(item)
                last = item
            }
            if let last { previousEntryLast = last }
        }
        return resolved
    }

    /// The full record each reference cites, with the reference's own locator; nil where unresolved.
    public static func records(_ resolved: [ResolvedReference]) -> [ReferencePosition: BibRecord] {
        let byPosition = Dictionary(resolved.map { ($0.position, $0.reference.record) }, uniquingKeysWith: { a, _ in a })
        var result: [ReferencePosition: BibRecord] = [:]
        for item in resolved {
            if let work = item.work, let record = byPosition[work] { result[item.position] = record }
        }
        return result
    }

    static func match(_ short: BibRecord, among full: [(position: ReferencePosition, record: BibRecord)]) -> ReferencePosition? {
        let families = Set((short.author ?? []).map(familyKey))
        let sameAuthors = full.filter { candidate in
            let names = Set((candidate.record.author ?? candidate.record.editor ?? []).map(familyKey))
            return !families.isEmpty && families.isSubset(of: names)
        }
        if let fragment = short.title.map(TitleWords.words), !fragment.isEmpty {
            if let hit = sameAuthors.first(where: { TitleWords.starts(TitleWords.words($0.record.title ?? ""), with: fragment) }) {
                return hit.position
            }
        }
        return sameAuthors.last?.position
    }

    static func familyKey(_ name: CSLName) -> String {
        NameFolding.key(name.family ?? name.literal ?? name.given ?? "")
    }
}

/// Titles compared word by word after folding (`Turkey and the` starts `Turkey and the Conflict…`;
/// `XXI. Yüzyılda Türkiye` starts `XXI. Yüzyılda Türkiye–Azerbaycan İlişkileri`).
enum TitleWords {
    static func words(_ title: String) -> [String] {
        if title.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: the runs of letters and digits, lowered (what folding gives), without a
            // property lookup a character.
            var words: [String] = []
            var word: [UInt8] = []
            for byte in title.utf8 {
                if (0x61...0x7A).contains(byte | 0x20) || (0x30...0x39).contains(byte) {
                    word.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
                } else if !word.isEmpty {
                    words.append(String(decoding: word, as: UTF8.self))
                    word.removeAll(keepingCapacity: true)
                }
            }
            if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
            return words
        }
        let spaced = String(String.UnicodeScalarView(title.unicodeScalars.map { scalar in
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil ? scalar : " "
        }))
        return NameFolding.key(spaced).split(separator: " ").map(String.init)
    }

    /// Whether `title` begins with `fragment`; the fragment's last word may be cut short.
    static func starts(_ title: [String], with fragment: [String]) -> Bool {
        guard fragment.count <= title.count else { return false }
        for (index, word) in fragment.enumerated() {
            if index == fragment.count - 1 {
                if !title[index].hasPrefix(word) { return false }
            } else if title[index] != word {
                return false
            }
        }
        return true
    }
}
