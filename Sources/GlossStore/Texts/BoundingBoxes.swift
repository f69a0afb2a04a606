import GlossCore

/// Reads the word boxes `pdftotext -bbox` writes: an XHTML page of `<page>` elements, one
/// `<word xMin="…" yMin="…" xMax="…" yMax="…">text</word>` a line, the text escaped as XML.
///
/// The file is Poppler's own fixed output, one element a line, so it is read line by line rather
/// than through an XML parser (which only GlossFormats links).
enum BoundingBoxes {
    /// The words of each page, in the order written; nil when the text is not that output.
    static func pages(_ html: String) -> [[PageWord]]? {
        var pages: [[PageWord]] = []
        for line in html.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("<page ") {
                pages.append([])
            } else if trimmed.hasPrefix("<word "), !pages.isEmpty {
                guard let word = word(trimmed) else { return nil }
                pages[pages.count - 1].append(word)
            }
        }
        return pages.isEmpty ? nil : pages
    }

    /// One `<word …>text</word>` line.
    static func word(_ line: Substring) -> PageWord? {
        guard let open = line.firstIndex(of: ">"), let close = line.range(of: "</word>", options: .backwards),
              open < close.lowerBound,
              let top = number(line, "yMin"), let bottom = number(line, "yMax")
        else { return nil }
        return PageWord(text: unescaped(line[line.index(after: open)..<close.lowerBound]), top: top, height: bottom - top)
    }

    /// The value of attribute `name` as a number.
    private static func number(_ line: Substring, _ name: String) -> Double? {
        guard let start = line.range(of: " \(name)=\"") else { return nil }
        let value = line[start.upperBound...].prefix { $0 != "\"" }
        return Double(value)
    }

    /// XML's five escapes and numeric character references.
    static func unescaped(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        var out = ""
        var rest = text
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";") else { break }
            let entity = rest[rest.index(after: amp)..<semicolon]
            switch entity {
            case "amp": out += "&"
            case "lt": out += "<"
            case "gt": out += ">"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                let hex = entity.hasPrefix("#x") || entity.hasPrefix("#X")
                if entity.hasPrefix("#"), let code = UInt32(entity.dropFirst(hex ? 2 : 1), radix: hex ? 16 : 10),
                   let scalar = Unicode.Scalar(code) {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += rest[amp...semicolon]
                }
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return out + rest
    }
}
