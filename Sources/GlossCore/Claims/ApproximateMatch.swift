/// Edit-distance measures used to find and score quotes that no longer match exactly.
enum ApproximateMatch {
    /// Similarity of two sequences: 1 minus their Levenshtein distance over the longer length
    /// (1 for two empty sequences).
    static func similarity(_ a: [UInt32], _ b: [UInt32]) -> Double {
        let longer = max(a.count, b.count)
        guard longer > 0 else { return 1 }
        return 1 - Double(distance(a, b)) / Double(longer)
    }

    /// Levenshtein distance (insertions, deletions, substitutions all cost 1).
    static func distance(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            let ai = a[i - 1]
            for j in 1...b.count {
                let substitution = previous[j - 1] + (ai == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// A place where a pattern matches a text approximately.
    struct Hit {
        /// Index range in the text.
        var range: Range<Int>
        /// Edit distance between the pattern and that range.
        var distance: Int
    }

    /// The best approximate occurrences of `pattern` anywhere in `text` (Sellers' semi-global
    /// edit distance), at most `limit` of them, non-overlapping, best first, each within
    /// `maxDistance` edits.
    static func search(_ pattern: [UInt32], in text: [UInt32], maxDistance: Int, limit: Int) -> [Hit] {
        let m = pattern.count
        guard m > 0, !text.isEmpty else { return [] }
        // column[i]: distance of pattern[0..<i] ending at the current text position; start[i]: where
        // that alignment begins in the text.
        var column = Array(0...m)
        var start = [Int](repeating: 0, count: m + 1)
        var ends: [(end: Int, distance: Int, start: Int)] = []
        pattern.withUnsafeBufferPointer { p in
            column.withUnsafeMutableBufferPointer { col in
                start.withUnsafeMutableBufferPointer { st in
                    for j in 0..<text.count {
                        let c = text[j]
                        var diagonal = col[0]
                        var diagonalStart = st[0]
                        col[0] = 0
                        st[0] = j + 1
                        for i in 1...m {
                            let up = col[i]
                            let upStart = st[i]
                            var best = diagonal + (p[i - 1] == c ? 0 : 1)
                            var bestStart = diagonalStart
                            if col[i - 1] + 1 < best {
                                best = col[i - 1] + 1
                                bestStart = st[i - 1]
                            }
                            if up + 1 < best {
                                best = up + 1
                                bestStart = upStart
                            }
                            diagonal = up
                            diagonalStart = upStart
                            col[i] = best
                            st[i] = bestStart
                        }
                        if col[m] <= maxDistance {
                            ends.append((j + 1, col[m], st[m]))
                        }
                    }
                }
            }
        }
        ends.sort { ($0.distance, $0.end) < ($1.distance, $1.end) }
        var hits: [Hit] = []
        for candidate in ends {
            let range = candidate.start..<candidate.end
            guard !range.isEmpty, !hits.contains(where: { $0.range.overlaps(range) }) else { continue }
            hits.append(Hit(range: range, distance: candidate.distance))
            if hits.count == limit { break }
        }
        return hits
    }
}
