import GlossCore

/// Aligned columns for terminal output; the last column is not padded.
enum TextTable {
    /// Cells are escaped as ``TerminalSafeText`` says: they hold titles and names from files.
    static func render(header: [String], rows: [[String]]) -> String {
        let all = ([header] + rows).map { row in row.map { TerminalSafeText.escaped($0) } }
        let widths = header.indices.map { column in
            all.map { $0[column].count }.max() ?? 0
        }
        return all.map { row in
            row.indices.map { column in
                column == row.count - 1 ? row[column] : padded(row[column], to: widths[column])
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// `text` cut or padded with spaces to `length` UTF-16 units, as Foundation's
    /// `padding(toLength:withPad:startingAt:)` did (a width counted in characters can be shorter
    /// than a text with combining marks or emoji: such a text is cut).
    static func padded(_ text: String, to length: Int) -> String {
        let units = text.utf16.count
        if units >= length { return String(decoding: text.utf16.prefix(length), as: UTF16.self) }
        return text + String(repeating: " ", count: length - units)
    }
}
