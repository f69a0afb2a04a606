/// The differences between two revisions of a text, in code points, and the mapping of offsets
/// from the old revision to the new one.
///
/// Computed as a line diff (Myers) whose changed blocks are refined by a code-point diff, so a
/// typo fixed inside a line changes only those code points.
public struct TextDiff: Sendable, Hashable {
    /// A changed region: `old` in the old text was replaced by `new` in the new text (either may
    /// be empty). Hunks are in text order and never touch each other.
    public struct Hunk: Sendable, Hashable {
        public var old: Range<Int>
        public var new: Range<Int>

        public init(old: Range<Int>, new: Range<Int>) {
            self.old = old
            self.new = new
        }
    }

    public let hunks: [Hunk]

    /// Changed blocks larger than this (old plus new code points) are not refined.
    static let refineLimit = 20_000
    /// The largest edit distance the code-point refinement looks for.
    static let refineMaxEdits = 1_500

    /// The diff from `old` to `new`.
    public init(from old: SourceText, to new: SourceText) {
        let a = old.string.unicodeScalars.map(\.value)
        let b = new.string.unicodeScalars.map(\.value)
        let (aLines, aStarts) = Self.lines(a)
        var interned: [ArraySlice<UInt32>: Int] = [:]
        let aIDs = aLines.map { line in Self.intern(line, &interned) }
        let (bLines, bStarts) = Self.lines(b)
        let bIDs = bLines.map { line in Self.intern(line, &interned) }
        let lineHunks = Self.myers(aIDs, bIDs, maxEdits: Int.max) ?? [Hunk(old: 0..<aIDs.count, new: 0..<bIDs.count)]
        var result: [Hunk] = []
        for lineHunk in lineHunks {
            let oldRange = aStarts[lineHunk.old.lowerBound]..<aStarts[lineHunk.old.upperBound]
            let newRange = bStarts[lineHunk.new.lowerBound]..<bStarts[lineHunk.new.upperBound]
            if oldRange.count + newRange.count <= Self.refineLimit,
               let refined = Self.myers(Array(a[oldRange]), Array(b[newRange]), maxEdits: Self.refineMaxEdits) {
                for hunk in refined {
                    result.append(Hunk(old: (hunk.old.lowerBound + oldRange.lowerBound)..<(hunk.old.upperBound + oldRange.lowerBound),
                                       new: (hunk.new.lowerBound + newRange.lowerBound)..<(hunk.new.upperBound + newRange.lowerBound)))
                }
            } else {
                result.append(Hunk(old: oldRange, new: newRange))
            }
        }
        hunks = result
    }

    /// Where an offset may fall when mapped: the start of a span goes after text inserted at its
    /// place, the end of a span before it.
    public enum Bias: Sendable {
        case start, end
    }

    /// Maps an offset of the old text to the new text. An offset inside a changed region goes to
    /// the start (`.start`) or the end (`.end`) of what replaced it.
    public func map(_ offset: Int, bias: Bias) -> Int {
        var delta = 0
        for hunk in hunks {
            if hunk.old.isEmpty, offset == hunk.old.lowerBound {
                return bias == .start ? hunk.new.upperBound : hunk.new.lowerBound
            }
            if offset <= hunk.old.lowerBound { return offset + delta }
            if offset < hunk.old.upperBound { return bias == .start ? hunk.new.lowerBound : hunk.new.upperBound }
            delta = hunk.new.upperBound - hunk.old.upperBound
        }
        return offset + delta
    }

    /// Maps a span of the old text to the new text.
    public func map(_ span: TextSpan) -> TextSpan {
        let start = map(span.start, bias: .start)
        return TextSpan(start: start, end: max(start, map(span.end, bias: .end)))
    }

    /// Lines with their final newline, and the offset at which each starts (plus the end).
    private static func lines(_ scalars: [UInt32]) -> (lines: [ArraySlice<UInt32>], starts: [Int]) {
        var lines: [ArraySlice<UInt32>] = []
        var starts = [0]
        var start = 0
        for (index, value) in scalars.enumerated() where value == 0x0A {
            lines.append(scalars[start...index])
            start = index + 1
            starts.append(start)
        }
        if start < scalars.count {
            lines.append(scalars[start...])
            starts.append(scalars.count)
        }
        return (lines, starts)
    }

    private static func intern(_ line: ArraySlice<UInt32>, _ table: inout [ArraySlice<UInt32>: Int]) -> Int {
        if let id = table[line] { return id }
        let id = table.count
        table[line] = id
        return id
    }

    /// Myers' O((N+M)D) diff of two sequences as hunks, or nil when more than `maxEdits` edits
    /// are needed. The common prefix and suffix are taken off first.
    static func myers<T: Equatable>(_ a: [T], _ b: [T], maxEdits: Int) -> [Hunk]? {
        var head = 0
        while head < a.count, head < b.count, a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head, tail < b.count - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        let x0 = Array(a[head..<(a.count - tail)])
        let y0 = Array(b[head..<(b.count - tail)])
        let n = x0.count
        let m = y0.count
        if n == 0, m == 0 { return [] }
        if n == 0 || m == 0 { return [Hunk(old: head..<(head + n), new: head..<(head + m))] }
        let limit = min(n + m, maxEdits)
        let offset = n + m + 1
        var v = [Int](repeating: 0, count: 2 * offset + 1)
        var trace: [[Int]] = []
        var found = false
        search: for d in 0...limit {
            trace.append(Array(v[(offset - d)...(offset + d)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, x0[x] == y0[y] {
                    x += 1
                    y += 1
                }
                v[offset + k] = x
                if x >= n, y >= m {
                    found = true
                    break search
                }
            }
        }
        guard found else { return nil }
        // Walk back through the trace, marking deleted old and inserted new elements.
        var deleted = [Bool](repeating: false, count: n)
        var inserted = [Bool](repeating: false, count: m)
        var x = n
        var y = m
        for d in stride(from: trace.count - 1, to: 0, by: -1) {
            let previous = trace[d]
            func at(_ k: Int) -> Int { previous[k + d] }
            let k = x - y
            let down = k == -d || (k != d && at(k - 1) < at(k + 1))
            let previousK = down ? k + 1 : k - 1
            let previousX = at(previousK)
            let previousY = previousX - previousK
            if down { inserted[previousY] = true } else { deleted[previousX] = true }
            x = previousX
            y = previousY
        }
        var hunks: [Hunk] = []
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n, j < m, !deleted[i], !inserted[j] {
                i += 1
                j += 1
                continue
            }
            let (i0, j0) = (i, j)
            while (i < n && deleted[i]) || (j < m && inserted[j]) {
                while i < n, deleted[i] { i += 1 }
                while j < m, inserted[j] { j += 1 }
            }
            if i == i0, j == j0 { break }  // unreachable with a consistent trace; never loop forever
            hunks.append(Hunk(old: (head + i0)..<(head + i), new: (head + j0)..<(head + j)))
        }
        return hunks
    }
}
