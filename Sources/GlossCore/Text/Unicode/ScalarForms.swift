/// A list of lower-case forms (item prefixes, page prefixes, ways of writing "no date") matched in
/// any case against scalars, in list order.
///
/// The forms are held in one flat array with their first scalars apart, so trying a list costs one
/// comparison a form that cannot start at the position, and no reference counting.
struct ScalarForms: Sendable {
    /// Every form's scalars, one after the other.
    private let scalars: [Unicode.Scalar]
    /// Form `k` is `scalars[ends[k - 1]..<ends[k]]` (from 0 for the first).
    private let ends: [Int]
    private let firsts: [Unicode.Scalar]
    /// Bit `c` is set for the ASCII scalars `c` that start a form.
    private let asciiFirsts: (low: UInt64, high: UInt64)

    init(_ forms: [String]) {
        var scalars: [Unicode.Scalar] = []
        var ends: [Int] = []
        for form in forms {
            scalars += form.unicodeScalars
            ends.append(scalars.count)
        }
        self.scalars = scalars
        self.ends = ends
        firsts = forms.map { $0.unicodeScalars.first! }
        var asciiFirsts: (low: UInt64, high: UInt64) = (0, 0)
        for first in firsts where first.isASCII {
            if first.value < 64 { asciiFirsts.low |= 1 << first.value } else { asciiFirsts.high |= 1 << (first.value - 64) }
        }
        self.asciiFirsts = asciiFirsts
    }

    /// The length of the first form written at `i` in `s`, in any case, whose length `accept`s.
    @inline(__always)
    func first(in s: LocatorParser.Scalars, at i: Int, where accept: (Int) -> Bool) -> Int? {
        guard i < s.count else { return nil }
        let head = LocatorParser.lower(s[i])
        if head.isASCII {
            let bits = head.value < 64 ? asciiFirsts.low >> head.value : asciiFirsts.high >> (head.value - 64)
            guard bits & 1 != 0 else { return nil }
        }
        return scalars.withUnsafeBufferPointer { scalars in
            ends.withUnsafeBufferPointer { ends in
                firsts.withUnsafeBufferPointer { firsts in
                    var start = 0
                    for k in 0..<ends.count {
                        defer { start = ends[k] }
                        guard firsts[k] == head else { continue }
                        let length = ends[k] - start
                        guard i + length <= s.count else { continue }
                        var offset = 1
                        while offset < length, LocatorParser.lower(s[i + offset]) == scalars[start + offset] { offset += 1 }
                        if offset == length, accept(length) { return length }
                    }
                    return nil
                }
            }
        }
    }
}
