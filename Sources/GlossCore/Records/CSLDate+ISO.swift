extension CSLDate {
    /// The date as ISO 8601 (`2023`, `2023-08`, `2023-08-12`), from its date-parts or from a
    /// literal holding a written date (`erişim 12.08.2023`, `12/08/2023`, `2023-08-12`, `2011`).
    /// Nil when no date can be read. A range is written `1984/1986`.
    public var isoString: String? {
        if let all = dateParts, let parts = all.first, let year = parts.first {
            let from = Self.iso(year: year, month: parts.count > 1 ? parts[1] : nil, day: parts.count > 2 ? parts[2] : nil)
            guard all.count == 2, let to = all[1].first.flatMap({ year in
                Self.iso(year: year, month: all[1].count > 1 ? all[1][1] : nil, day: all[1].count > 2 ? all[1][2] : nil)
            }), let from else { return from }
            return from + "/" + to
        }
        guard let literal else { return nil }
        return Self.parse(literal)
    }

    private static func iso(year: Int, month: Int?, day: Int?) -> String? {
        guard (0...9999).contains(year) else { return nil }
        var out = String(format4(year))
        if let month, (1...12).contains(month) {
            out += "-" + two(month)
            if let day, (1...31).contains(day) { out += "-" + two(day) }
        }
        return out
    }

    private static func format4(_ n: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    /// Finds the first date in `text`: runs of digits separated by `.`, `/` or `-`.
    private static func parse(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard scalars[index].properties.numericType != nil, scalars[index].isASCII else { index += 1; continue }
            var groups: [String] = []
            var separators: [Unicode.Scalar] = []
            var current = ""
            var end = index
            while end < scalars.count {
                let s = scalars[end]
                if s.isASCII, ("0"..."9").contains(s) {
                    current.unicodeScalars.append(s)
                } else if [".", "/", "-"].contains(s), !current.isEmpty, end + 1 < scalars.count,
                          ("0"..."9").contains(scalars[end + 1]) {
                    groups.append(current)
                    separators.append(s)
                    current = ""
                } else {
                    break
                }
                end += 1
            }
            groups.append(current)
            let numbers = groups.compactMap { Int($0) }
            if numbers.count == 3 {
                if groups[0].count == 4 { return iso(year: numbers[0], month: numbers[1], day: numbers[2]) }
                if groups[2].count == 4 { return iso(year: numbers[2], month: numbers[1], day: numbers[0]) }
            } else if numbers.count == 2 {
                if groups[1].count == 4 { return iso(year: numbers[1], month: numbers[0], day: nil) }
                if groups[0].count == 4 { return iso(year: numbers[0], month: numbers[1], day: nil) }
            } else if numbers.count == 1, groups[0].count == 4 {
                return iso(year: numbers[0], month: nil, day: nil)
            }
            index = end + 1
        }
        return nil
    }
}
