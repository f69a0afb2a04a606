/// A citation as one line of JSON in the shape of the `gloss cites` contract (DESIGN.md), keys in
/// the contract's order: `{"source", "start", "end", "text", "kind", "items": [{"author", "year",
/// "locator", "ref"}], "id", "malformed"}`. Absent values are written as `null`, never left out; an
/// item's `prefix`, `title_fragment` and `author_span` (`[start,end]`, code points: where the author of a
/// year-only parenthesis stands) appear when present.
///
/// Written straight into bytes: listing every citation of a large corpus must not cost more than
/// finding them. Strings are escaped as RFC 8259 requires (`"`, `\`, control characters).
public enum CitationJSONLine {
    /// Appends the citation's JSON object (no line feed) to `out`.
    public static func append(_ citation: Citation, to out: inout JSONBytes) {
        var last: SourceWritten?
        append(citation, to: &out, last: &last)
    }

    /// Appends the citation's JSON object (no line feed) to `out`, with `source` written as its
    /// source: an id from outside any workspace (`gloss cites --stdin`), any string.
    public static func append(_ citation: Citation, source: String, to out: inout JSONBytes) {
        var last: SourceWritten?
        var text = citation.text
        text.withUTF8 { text in
            append(source: source, span: citation.span, text: text, kind: citation.kind, items: citation.items,
                   malformed: citation.malformed, to: &out, last: &last)
        }
    }

    /// Where in the output the escaped id of the source of the last citation written lies: the next
    /// citation of the same source copies it instead of escaping it again.
    struct SourceWritten {
        var id: String
        var start: Int
        var length: Int
    }

    /// `append(_:to:)`, copying the source id from `last` when it is the same source.
    static func append(_ citation: Citation, to out: inout JSONBytes, last: inout SourceWritten?) {
        var text = citation.text
        text.withUTF8 { text in
            append(source: citation.source, span: citation.span, text: text, kind: citation.kind, items: citation.items,
                   malformed: citation.malformed, to: &out, last: &last)
        }
    }

    /// The line of a citation given by its parts, its text as UTF-8 (``CitationScanner`` writes lines
    /// straight from the stored bytes, without a `Citation`).
    static func append(source: SourceID, span: TextSpan, text: UnsafeBufferPointer<UInt8>, kind: CitationKind,
                       items: [CitationItem], malformed: Bool, to out: inout JSONBytes, last: inout SourceWritten?) {
        append(source: source.rawValue, span: span, text: text, kind: kind, items: items, malformed: malformed, to: &out, last: &last)
    }

    /// The line of a citation given by its parts, its source id any string.
    static func append(source citationSource: String, span: TextSpan, text: UnsafeBufferPointer<UInt8>, kind: CitationKind,
                       items citationItems: [CitationItem], malformed: Bool, to out: inout JSONBytes, last: inout SourceWritten?) {
        let sameSource = last.map { $0.id == citationSource } ?? false
        // Keys, four numbers and the source id twice, the text, the items; escaped strings at their longest.
        var bound = 256 + 12 * citationSource.utf8.count + 6 * text.count
        citationItems.withUnsafeBufferPointer { items in
            for index in items.indices { bound += longest(items[index]) }
        }
        out.write(atMost: bound) { out in
            out.raw(#"{"source":""#)
            // Inside the quotes: the escaped id of the source, repeated in the citation's id.
            let source = out.offset
            if sameSource, let last {
                out.repeatWritten(from: last.start, length: last.length)
            } else {
                out.escaped(citationSource)
            }
            let sourceLength = out.offset - source
            last = SourceWritten(id: citationSource, start: source, length: sourceLength)
            out.raw(#"","start":"#)
            let start = out.offset
            out.int(span.start)
            let startDigits = out.offset - start
            out.raw(#","end":"#)
            let end = out.offset
            out.int(span.end)
            let endDigits = out.offset - end
            out.raw(#","text":"#)
            out.byte(UInt8(ascii: "\""))
            out.escaped(text)
            out.byte(UInt8(ascii: "\""))
            // The kinds' names need no escape: written whole, with the keys around them.
            switch kind {
            case .parenthetical: out.raw(#","kind":"parenthetical","items":["#)
            case .narrative: out.raw(#","kind":"narrative","items":["#)
            case .numeric: out.raw(#","kind":"numeric","items":["#)
            case .footnoteMarker: out.raw(#","kind":"footnote-marker","items":["#)
            }
            citationItems.withUnsafeBufferPointer { items in
                for index in items.indices {
                    if index > 0 { out.byte(UInt8(ascii: ",")) }
                    out.raw(#"{"author":"#)
                    out.optional(items[index].author)
                    out.raw(#","year":"#)
                    out.optional(items[index].year)
                    out.raw(#","locator":"#)
                    out.optional(items[index].locator)
                    out.raw(#","ref":"#)
                    if let ref = items[index].ref { out.int(ref) } else { out.raw("null") }
                    if let prefix = items[index].prefix {
                        out.raw(#","prefix":"#)
                        out.string(prefix)
                    }
                    if let fragment = items[index].titleFragment {
                        out.raw(#","title_fragment":"#)
                        out.string(fragment)
                    }
                    if let span = items[index].authorSpan {
                        out.raw(#","author_span":["#)
                        out.int(span.start)
                        out.byte(UInt8(ascii: ","))
                        out.int(span.end)
                        out.byte(UInt8(ascii: "]"))
                    }
                    out.byte(UInt8(ascii: "}"))
                }
            }
            // The id (`SOURCE:START-END`, as `CitationID.description` gives it) written in place, its
            // parts copied from the ones written above.
            out.raw(#"],"id":""#)
            out.repeatWritten(from: source, length: sourceLength)
            out.byte(UInt8(ascii: ":"))
            out.repeatWritten(from: start, length: startDigits)
            out.byte(UInt8(ascii: "-"))
            out.repeatWritten(from: end, length: endDigits)
            out.raw(#"","malformed":"#)
            if malformed { out.raw("true}") } else { out.raw("false}") }
        }
    }

    /// The most bytes `item` takes in a line: its keys, numbers and `null`s, and six bytes a byte of
    /// its strings (the longest escape).
    @inline(__always)
    private static func longest(_ item: CitationItem) -> Int {
        var strings = item.author?.utf8.count ?? 0
        strings += item.year?.utf8.count ?? 0
        strings += item.locator?.utf8.count ?? 0
        strings += item.prefix?.utf8.count ?? 0
        strings += item.titleFragment?.utf8.count ?? 0
        return 220 + 6 * strings
    }

    /// The citations as JSON Lines: one object a line, each ending in a line feed.
    public static func lines(_ citations: [Citation]) -> [UInt8] {
        var out = JSONBytes(capacity: capacity(citations))
        var last: SourceWritten?
        for citation in citations {
            append(citation, to: &out, last: &last)
            out.byte(ScanBytes.newline)
        }
        return out.finish()
    }

    /// The citations as a JSON array, one object a line.
    public static func array(_ citations: [Citation]) -> [UInt8] {
        arrayParts([citations]).reduce(into: []) { $0.append(contentsOf: $1) }
    }

    /// `array` of all the groups' citations one after the other, written one part a group (the
    /// first part opens the array, the last closes it), so that no part holds the whole output.
    public static func arrayParts(_ groups: [[Citation]]) -> [[UInt8]] {
        var empty = true
        var parts: [[UInt8]] = []
        parts.reserveCapacity(groups.count + 1)
        for (index, group) in groups.enumerated() {
            var out = JSONBytes(capacity: capacity(group) + 8)
            var last: SourceWritten?
            if index == 0 { out.byte(UInt8(ascii: "[")) }
            for citation in group {
                if empty { out.raw("\n  ") } else { out.raw(",\n  ") }
                empty = false
                append(citation, to: &out, last: &last)
            }
            if index == groups.count - 1 {
                if empty { out.raw("]\n") } else { out.raw("\n]\n") }
            }
            parts.append(out.finish())
        }
        return groups.isEmpty ? [Array("[]\n".utf8)] : parts
    }

    /// Room for the citations' lines, so that the output is allocated once (escapes aside).
    private static func capacity(_ citations: [Citation]) -> Int {
        var total = 0
        for citation in citations { total += room(source: citation.source, textLength: citation.text.utf8.count, items: citation.items) }
        return total
    }

    /// Room for one line, escapes aside.
    static func room(source: SourceID, textLength: Int, items: [CitationItem]) -> Int {
        var total = 140 + 2 * source.rawValue.utf8.count + textLength
        for item in items {
            total += 64 + (item.author?.utf8.count ?? 0) + (item.year?.utf8.count ?? 0) + (item.locator?.utf8.count ?? 0)
            if let prefix = item.prefix { total += 12 + prefix.utf8.count }
            if let fragment = item.titleFragment { total += 20 + fragment.utf8.count }
            if item.authorSpan != nil { total += 60 }
        }
        return total
    }
}
