/// Finding text as Foundation's `range(of:options:)` and `replacingOccurrences(of:with:)` did,
/// without Foundation: canonically equivalent text matches (`é` finds `e` + U+0301), a match
/// starts and ends between clusters (a scalar and the combining marks after it, so `e` is not
/// found in `é`), and a search may ignore letter case and diacritics.
///
/// Which scalars stay with the one before them, the case folds that differ from the standard
/// library's lower-case mapping and the marks that diacritic-insensitive search drops are
/// Foundation's, written out in `TextSearch+Tables.swift`; `TextSearchTests` builds the tables
/// again with Foundation and compares searches on the seed texts.
public struct TextFolding: OptionSet, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Upper, lower and title case alike (Unicode full case folding as Foundation has it:
    /// `ß` → `ss`, `İ` → `i` + U+0307, so `İ` finds `i` only when diacritics are ignored too;
    /// `ı` stays `ı`).
    public static let letterCase = TextFolding(rawValue: 1)
    /// Letters with and without combining marks alike (`Erisim` finds `Erişim`).
    public static let diacritics = TextFolding(rawValue: 2)

    /// The folded, canonically ordered scalars of `scalars` (a needle or one cluster).
    func fold<C: Collection<Unicode.Scalar>>(_ scalars: C) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        var ascii = true
        for scalar in scalars {
            if scalar.isASCII {
                let lower = contains(.letterCase) && ("A"..."Z").contains(scalar)
                out.append(lower ? Unicode.Scalar(scalar.value + 32)! : scalar)
                continue
            }
            ascii = false
            // Marks go before case folding: U+0345 is a mark, though it folds to the letter ι.
            for part in CanonicalDecomposition.decompose(scalar) where !dropped(part) {
                guard contains(.letterCase) else {
                    out.append(part)
                    continue
                }
                if let folded = Self.caseFoldOverrides[part.value] {
                    out.append(contentsOf: folded.map { Unicode.Scalar($0)! }.filter { !dropped($0) })
                } else {
                    out.append(contentsOf: CanonicalDecomposition.decompose(part.properties.lowercaseMapping).filter { !dropped($0) })
                }
            }
        }
        return ascii ? out : CanonicalDecomposition.decompose(String(String.UnicodeScalarView(out)))
    }

    private func dropped(_ scalar: Unicode.Scalar) -> Bool {
        contains(.diacritics) && Self.contains(Self.diacriticMarks, scalar)
    }

    /// Whether `scalar` stays in the cluster of the scalar before it.
    static func extendsCluster(_ scalar: Unicode.Scalar) -> Bool {
        contains(clusterExtenders, scalar)
    }

    private static func contains(_ ranges: [ClosedRange<UInt32>], _ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x300 else { return false }
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if scalar.value < ranges[middle].lowerBound {
                high = middle
            } else if scalar.value > ranges[middle].upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}

extension StringProtocol {
    /// The first range of `needle` in the string, ignoring the differences in `folding` (none
    /// with `[]`); with `anchored`, only a match at the start. Nil when there is none or
    /// `needle` is empty.
    public func firstRange(of needle: String, ignoring folding: TextFolding, anchored: Bool = false) -> Range<String.Index>? {
        firstRange(of: folding.fold(needle.unicodeScalars), folding: folding, from: startIndex, anchored: anchored)
    }

    /// The string with every match of `target` (as ``firstRange(of:ignoring:anchored:)`` with no
    /// folding finds it), from the start on, replaced by `replacement`.
    public func replacingMatches(of target: String, with replacement: String) -> String {
        let needle = TextFolding().fold(target.unicodeScalars)
        var out = String.UnicodeScalarView()
        var current = startIndex
        while let range = firstRange(of: needle, folding: [], from: current, anchored: false) {
            out.append(contentsOf: unicodeScalars[current..<range.lowerBound])
            out.append(contentsOf: replacement.unicodeScalars)
            current = range.upperBound
        }
        out.append(contentsOf: unicodeScalars[current...])
        return String(out)
    }

    private func firstRange(of target: [Unicode.Scalar], folding: TextFolding, from start: String.Index,
                            anchored: Bool) -> Range<String.Index>? {
        guard !target.isEmpty else { return nil }
        let scalars = unicodeScalars
        if folding.isEmpty, !anchored, target.allSatisfy(\.isASCII) {
            return firstASCIIRange(of: target, from: start)
        }
        // The folded text, and where each cluster starts in it and in the string.
        var folded: [Unicode.Scalar] = []
        var boundaries: [(folded: Int, index: String.Index)] = []
        var index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            var next = scalars.index(after: index)
            while next < scalars.endIndex, TextFolding.extendsCluster(scalars[next]) { next = scalars.index(after: next) }
            boundaries.append((folded.count, index))
            if scalar.isASCII, next == scalars.index(after: index) {
                let lower = folding.contains(.letterCase) && ("A"..."Z").contains(scalar)
                folded.append(lower ? Unicode.Scalar(scalar.value + 32)! : scalar)
            } else {
                folded.append(contentsOf: folding.fold(scalars[index..<next]))
            }
            index = next
            if anchored, folded.count >= target.count { break }
        }
        boundaries.append((folded.count, index))
        for (position, begin) in boundaries.enumerated() where begin.folded + target.count <= folded.count {
            if anchored, position > 0 { break }
            // A cluster that folds to nothing (a mark at the start, diacritics ignored) cannot start a match.
            guard boundaries[position + 1].folded > begin.folded else { continue }
            guard folded[begin.folded..<begin.folded + target.count].elementsEqual(target) else { continue }
            let end = begin.folded + target.count
            guard let close = boundaries[(position + 1)...].first(where: { $0.folded >= end }), close.folded == end else { continue }
            return begin.index..<close.index
        }
        return nil
    }

    /// An ASCII needle matches the same scalars only, and ASCII scalars always start a cluster:
    /// a match needs only that no mark follows it.
    private func firstASCIIRange(of target: [Unicode.Scalar], from start: String.Index) -> Range<String.Index>? {
        let scalars = unicodeScalars
        let first = target[0]
        var index = start
        while index < scalars.endIndex {
            guard scalars[index] == first else { index = scalars.index(after: index); continue }
            var probe = index
            var matched = 0
            while matched < target.count, probe < scalars.endIndex, scalars[probe] == target[matched] {
                probe = scalars.index(after: probe)
                matched += 1
            }
            if matched == target.count, probe == scalars.endIndex || !TextFolding.extendsCluster(scalars[probe]) {
                return index..<probe
            }
            index = scalars.index(after: index)
        }
        return nil
    }
}
