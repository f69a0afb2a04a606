import GlossCore

/// Reads back the detection cache's lines exactly as they are written — the footnotes line of
/// `DetectionCache.extrasLine` and the citation lines of `CitationJSONLine` — without a JSON decoder:
/// a warm `gloss cites --format json`, `refs` or `check` reads tens of thousands of them.
///
/// Only that layout is accepted — keys in its order, no spaces, numbers as plain digits; for any
/// other line the reader gives nil and the caller decodes it with `JSONDecoder`, so the result
/// never depends on which of the two read it. The caller checks first that the lines are valid
/// UTF-8 (`JSONDecoder` refuses anything else too).
struct CacheLineReader {
    /// The source of the previous line: the lines of one entry share it, so it is checked once.
    private var lastSource: SourceID?

    /// The footnotes and reference list on the footnotes line, or nil when the line is not in the
    /// written layout.
    func extras(_ line: UnsafeBufferPointer<UInt8>) -> (footnotes: [Footnote], referenceList: TextSpan?)? {
        var cursor = Cursor(line)
        guard cursor.skip(#"{"footnotes":["#) else { return nil }
        var footnotes: [Footnote] = []
        if !cursor.skip("]") {
            repeat {
                guard cursor.skip(#"{"isIbid":"#), let isIbid = cursor.bool(),
                      cursor.skip(#","isShortForm":"#), let isShortForm = cursor.bool()
                else { return nil }
                var marker: TextSpan?
                if cursor.skip(#","marker":"#) {
                    guard let span = cursor.span() else { return nil }
                    marker = span
                }
                guard cursor.skip(#","number":"#), let number = cursor.int(), cursor.skip(#","parts":["#) else { return nil }
                var parts: [TextSpan] = []
                if !cursor.skip("]") {
                    repeat {
                        guard let part = cursor.span() else { return nil }
                        parts.append(part)
                    } while cursor.skip(",")
                    guard cursor.skip("]") else { return nil }
                }
                guard cursor.skip(#","text":"#), let text = cursor.string(), cursor.skip("}") else { return nil }
                footnotes.append(Footnote(number: number, parts: parts, text: text, isIbid: isIbid,
                                          isShortForm: isShortForm, marker: marker))
            } while cursor.skip(",")
            guard cursor.skip("]") else { return nil }
        }
        var referenceList: TextSpan?
        if cursor.skip(#","referenceList":"#) {
            guard let span = cursor.span() else { return nil }
            referenceList = span
        }
        guard cursor.skip("}"), cursor.atEnd else { return nil }
        return (footnotes, referenceList)
    }

    /// The citation on `line` (no line feed), or nil when the line is not in the written layout.
    mutating func citation(_ line: UnsafeBufferPointer<UInt8>) -> Citation? {
        var cursor = Cursor(line)
        guard cursor.skip(#"{"source":"#), let rawSource = cursor.string(),
              cursor.skip(#","start":"#), let start = cursor.int(),
              cursor.skip(#","end":"#), let end = cursor.int(), start <= end,
              cursor.skip(#","text":"#), let text = cursor.string(),
              cursor.skip(#","kind":"#), let kindName = cursor.string(), let kind = CitationKind(rawValue: kindName),
              cursor.skip(#","items":["#)
        else { return nil }
        var items: [CitationItem] = []
        if !cursor.skip("]") {
            repeat {
                guard let item = cursor.item() else { return nil }
                items.append(item)
            } while cursor.skip(",")
            guard cursor.skip("]") else { return nil }
        }
        guard cursor.skip(#","id":"#), cursor.string() != nil, cursor.skip(#","malformed":"#) else { return nil }
        guard let malformed = cursor.bool(), cursor.skip("}"), cursor.atEnd, let source = source(rawSource) else { return nil }
        return Citation(source: source, span: TextSpan(start: start, end: end), text: text, kind: kind,
                        items: items, malformed: malformed)
    }

    private mutating func source(_ raw: String) -> SourceID? {
        if let lastSource, lastSource.rawValue == raw { return lastSource }
        lastSource = try? SourceID(raw)
        return lastSource
    }

    /// A position in a line's bytes.
    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(_ line: UnsafeBufferPointer<UInt8>) {
            bytes = line
        }

        var atEnd: Bool { index == bytes.count }

        mutating func bool() -> Bool? {
            if skip("true") { return true }
            return skip("false") ? false : nil
        }

        /// `{"end":N,"start":N}`, as `JSONEncoder` writes a `TextSpan` with sorted keys.
        mutating func span() -> TextSpan? {
            guard skip(#"{"end":"#), let end = int(), skip(#","start":"#), let start = int(), skip("}"), start <= end
            else { return nil }
            return TextSpan(start: start, end: end)
        }

        /// Steps over `text` when the line continues with it.
        mutating func skip(_ text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            guard bytes.count - index >= count else { return false }
            for offset in 0..<count where bytes[index + offset] != text.utf8Start[offset] { return false }
            index += count
            return true
        }

        /// A non-negative number written as plain digits (no sign, no leading zero but `0` itself).
        mutating func int() -> Int? {
            let first = index
            var value = 0
            while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10, index - first < 18 {
                value = value * 10 + Int(bytes[index] &- UInt8(ascii: "0"))
                index += 1
            }
            guard index > first, bytes[first] != UInt8(ascii: "0") || index == first + 1 else { return nil }
            return value
        }

        /// An item: `{"author":…,"year":…,"locator":…,"ref":…}` with `prefix`, `title_fragment` and
        /// `author_span` (`[start,end]`) when present.
        mutating func item() -> CitationItem? {
            var item = CitationItem()
            guard skip(#"{"author":"#), nullableString(&item.author),
                  skip(#","year":"#), nullableString(&item.year),
                  skip(#","locator":"#), nullableString(&item.locator),
                  skip(#","ref":"#)
            else { return nil }
            if !skip("null") {
                guard let ref = int() else { return nil }
                item.ref = ref
            }
            if skip(#","prefix":"#) {
                guard let prefix = string() else { return nil }
                item.prefix = prefix
            }
            if skip(#","title_fragment":"#) {
                guard let fragment = string() else { return nil }
                item.titleFragment = fragment
            }
            if skip(#","author_span":["#) {
                guard let start = int(), skip(","), let end = int(), skip("]"), start <= end else { return nil }
                item.authorSpan = TextSpan(start: start, end: end)
            }
            return skip("}") ? item : nil
        }

        /// `null` (sets nil) or a string; false for anything else.
        mutating func nullableString(_ value: inout String?) -> Bool {
            if skip("null") {
                value = nil
                return true
            }
            guard let string = string() else { return false }
            value = string
            return true
        }

        /// A JSON string; nil when it is not one.
        mutating func string() -> String? {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            index += 1
            return JSONStringReader.string(in: bytes, at: &index)
        }
    }
}
