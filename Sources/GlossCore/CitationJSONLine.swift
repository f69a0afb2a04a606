/// A citation as one line of JSON in the shape of the `gloss cites` contract (DESIGN.md), keys in
/// the contract's order: `{"source", "start", "end", "text", "kind", "items": [{"author", "year",
/// "locator", "ref"}], "id", "malformed"}`. Absent values are written as `null`, never left out; an
/// item's `prefix` and `title_fragment` appear when present.
///
/// Written straight into bytes: listing every citation of a large corpus must not cost more than
/// finding them. Strings are escaped as RFC 8259 requires (`"`, `\`, control characters).
public enum CitationJSONLine {
    /// Appends the citation's JSON object (no line feed) to `out`.
    public static func append(_ citation: Citation, to out: inout [UInt8]) {
        out.append(contentsOf: #"{"source":"#.utf8)
        appendString(citation.source.rawValue, to: &out)
        out.append(contentsOf: #","start":"#.utf8)
        appendInt(citation.span.start, to: &out)
        out.append(contentsOf: #","end":"#.utf8)
        appendInt(citation.span.end, to: &out)
        out.append(contentsOf: #","text":"#.utf8)
        appendString(citation.text, to: &out)
        out.append(contentsOf: #","kind":"#.utf8)
        appendString(citation.kind.rawValue, to: &out)
        out.append(contentsOf: #","items":["#.utf8)
        for (index, item) in citation.items.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: #"{"author":"#.utf8)
            appendOptional(item.author, to: &out)
            out.append(contentsOf: #","year":"#.utf8)
            appendOptional(item.year, to: &out)
            out.append(contentsOf: #","locator":"#.utf8)
            appendOptional(item.locator, to: &out)
            out.append(contentsOf: #","ref":"#.utf8)
            if let ref = item.ref { appendInt(ref, to: &out) } else { out.append(contentsOf: "null".utf8) }
            if let prefix = item.prefix {
                out.append(contentsOf: #","prefix":"#.utf8)
                appendString(prefix, to: &out)
            }
            if let fragment = item.titleFragment {
                out.append(contentsOf: #","title_fragment":"#.utf8)
                appendString(fragment, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
        // The id (`SOURCE:START-END`, as `CitationID.description` gives it) written in place.
        out.append(contentsOf: #"],"id":""#.utf8)
        appendEscaped(citation.source.rawValue, to: &out)
        out.append(UInt8(ascii: ":"))
        appendInt(citation.span.start, to: &out)
        out.append(UInt8(ascii: "-"))
        appendInt(citation.span.end, to: &out)
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: #","malformed":"#.utf8)
        out.append(contentsOf: (citation.malformed ? "true" : "false").utf8)
        out.append(UInt8(ascii: "}"))
    }

    /// The citations as JSON Lines: one object a line, each ending in a line feed.
    public static func lines(_ citations: [Citation]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(citations.count * 200)
        for citation in citations {
            append(citation, to: &out)
            out.append(ScanBytes.newline)
        }
        return out
    }

    /// The citations as a JSON array, one object a line.
    public static func array(_ citations: [Citation]) -> [UInt8] {
        var out: [UInt8] = Array("[".utf8)
        for (index, citation) in citations.enumerated() {
            out.append(contentsOf: (index == 0 ? "\n  " : ",\n  ").utf8)
            append(citation, to: &out)
        }
        out.append(contentsOf: (citations.isEmpty ? "]\n" : "\n]\n").utf8)
        return out
    }

    static func appendOptional(_ value: String?, to out: inout [UInt8]) {
        if let value { appendString(value, to: &out) } else { out.append(contentsOf: "null".utf8) }
    }

    /// Appends the decimal digits of `value` (offsets and footnote numbers: never negative).
    static func appendInt(_ value: Int, to out: inout [UInt8]) {
        guard value >= 0 else {
            out.append(contentsOf: String(value).utf8)
            return
        }
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    static func appendString(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        appendEscaped(value, to: &out)
        out.append(UInt8(ascii: "\""))
    }

    /// Appends the string's content, escaped, without quotes.
    static func appendEscaped(_ value: String, to out: inout [UInt8]) {
        // Most strings need no escaping: copied whole.
        guard value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            out.append(contentsOf: value.utf8)
            return
        }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case 0x0A: out.append(contentsOf: #"\n"#.utf8)
            case 0x0D: out.append(contentsOf: #"\r"#.utf8)
            case 0x09: out.append(contentsOf: #"\t"#.utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
    }
}
