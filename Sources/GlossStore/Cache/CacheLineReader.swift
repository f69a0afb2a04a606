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

        /// A JSON string; nil when it is not one, or uses an escape the writer never writes for it
        /// (a surrogate pair).
        mutating func string() -> String? {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            index += 1
            let first = index
            while index < bytes.count, bytes[index] >= 0x20, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") {
                index += 1
            }
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "\"") {
                defer { index += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<index]), as: UTF8.self)
            }
            var unescaped = Array(bytes[first..<index])
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(decoding: unescaped, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard index < bytes.count else { return nil }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): unescaped.append(escape)
                    case UInt8(ascii: "n"): unescaped.append(0x0A)
                    case UInt8(ascii: "r"): unescaped.append(0x0D)
                    case UInt8(ascii: "t"): unescaped.append(0x09)
                    case UInt8(ascii: "b"): unescaped.append(0x08)
                    case UInt8(ascii: "f"): unescaped.append(0x0C)
                    case UInt8(ascii: "u"):
                        guard let code = hex4(), let scalar = Unicode.Scalar(code) else { return nil }
                        unescaped.append(contentsOf: String(Character(scalar)).utf8)
                    default: return nil
                    }
                case 0..<0x20: return nil
                default: unescaped.append(byte)
                }
            }
            return nil
        }

        private mutating func hex4() -> UInt32? {
            guard bytes.count - index >= 4 else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: return nil
                }
                value = value << 4 | UInt32(digit)
                index += 1
            }
            return value
        }
    }
}
