import Foundation
import GlossCore

/// Turns the LaTeX of BibTeX values into Unicode text: accents (`\c{s}` → ş, `\u{g}` → ğ,
/// `{\.I}` → İ, `\"o` → ö, `{\i}` → ı), named letters (`\textschwa` → ə, `\ss` → ß), escapes
/// (`\&`, `\%`), dashes (`--` → –), quotes (``` `` ``` → “), formatting commands kept as their
/// text (`\emph{x}` → x), and protecting braces removed. The result is NFC.
public enum LaTeXText {
    /// Accent commands and the combining mark each adds.
    static let accents: [String: Unicode.Scalar] = [
        "\"": "\u{0308}", "'": "\u{0301}", "`": "\u{0300}", "^": "\u{0302}", "~": "\u{0303}", "=": "\u{0304}",
        ".": "\u{0307}", "u": "\u{0306}", "v": "\u{030C}", "c": "\u{0327}", "H": "\u{030B}", "k": "\u{0328}",
        "r": "\u{030A}", "d": "\u{0323}", "b": "\u{0331}",
    ]

    /// Commands that stand for a letter or sign.
    static let symbols: [String: String] = [
        "i": "ı", "j": "ȷ", "ss": "ß", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "o": "ø", "O": "Ø",
        "l": "ł", "L": "Ł", "aa": "å", "AA": "Å", "textschwa": "ə", "textSchwa": "Ə", "dh": "ð", "DH": "Ð",
        "th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ", "textendash": "–", "textemdash": "—", "textquoteright": "’",
        "textquoteleft": "‘", "textquotedblleft": "“", "textquotedblright": "”", "ldots": "…", "dots": "…",
        "textellipsis": "…", "S": "§", "P": "¶", "copyright": "©", "textregistered": "®", "texttrademark": "™",
        "guillemotleft": "«", "guillemotright": "»", "textdollar": "$", "textunderscore": "_", "textbackslash": "\\",
        "textasciitilde": "~", "textdegree": "°", "textperiodcentered": "·", "textbullet": "•", "LaTeX": "LaTeX",
        "TeX": "TeX", "relax": "", "space": " ", "slash": "/", "textsection": "§", "euro": "€", "textsterling": "£",
    ]

    /// Decodes `text`.
    public static func decode(_ text: String) -> String {
        var text = text
        let decoded: [UInt8]? = text.withUTF8 { input in
            guard !isPlain(input) else { return nil }
            var decoder = Decoder(input)
            return decoder.run()
        }
        let result = decoded.map { String(decoding: $0, as: UTF8.self) } ?? text
        return NFCQuickCheck.isComposed(result) ? result : result.precomposedStringWithCanonicalMapping
    }

    /// Whether `text` decodes to itself: no command, group, tie, dash, quote or math shift, and
    /// no whitespace but single spaces between words (most years, volumes, pages and names).
    static func isPlain(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = text.first, let last = text.last else { return true }
        guard first != UInt8(ascii: " "), last != UInt8(ascii: " ") else { return false }
        var afterSpace = false
        for byte in text {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "~"), UInt8(ascii: "-"),
                 UInt8(ascii: "`"), UInt8(ascii: "'"), UInt8(ascii: "$"), 0x0A, 0x09, 0x0D:
                return false
            case UInt8(ascii: " "):
                if afterSpace { return false }
                afterSpace = true
            default:
                afterSpace = false
            }
        }
        return true
    }

    /// The commands' names and arguments are ASCII, so the decoder reads UTF-8 bytes and copies
    /// other text byte for byte.
    struct Decoder {
        let input: UnsafeBufferPointer<UInt8>
        var index = 0
        var output: [UInt8] = []

        init(_ input: UnsafeBufferPointer<UInt8>, from index: Int = 0) {
            self.input = input
            self.index = index
            output.reserveCapacity(input.count - index)
        }

        /// The text decoded, runs of whitespace (line breaks inside values) made one space.
        mutating func run() -> [UInt8] {
            while index < input.count { step() }
            return Self.collapsingWhitespace(output)
        }

        static func isSeparator(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
        }

        /// `text` split at spaces, line feeds, tabs and carriage returns, joined with one space.
        /// The split is by Character: CR LF is one, and so is a space with a combining mark after
        /// it or a prepended mark before it; text where that may be is left to String.
        static func collapsingWhitespace(_ text: [UInt8]) -> [UInt8] {
            guard text.contains(where: isSeparator) else { return text }
            if !separatorsStandAlone(text) {
                let string = String(decoding: text, as: UTF8.self)
                return Array(string.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ").utf8)
            }
            var out: [UInt8] = []
            out.reserveCapacity(text.count)
            var pendingSpace = false
            for byte in text {
                if isSeparator(byte) {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(0x20); pendingSpace = false }
                    out.append(byte)
                }
            }
            return out
        }

        /// Whether each separator in `text` is a Character of its own: no CR (CR LF is one
        /// Character), and every space between code points of categories that never join a
        /// grapheme cluster (ASCII, cased letters, digits, punctuation, math and currency signs).
        static func separatorsStandAlone(_ text: [UInt8]) -> Bool {
            guard !text.contains(0x0D) else { return false }
            func standsApart(_ scalar: Unicode.Scalar) -> Bool {
                switch scalar.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .decimalNumber, .letterNumber, .otherNumber,
                     .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                     .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .spaceSeparator:
                    return true
                default:
                    return false
                }
            }
            for (position, byte) in text.enumerated() where byte == 0x20 {
                if position + 1 < text.count, text[position + 1] >= 0x80 {
                    var iterator = text[(position + 1)...].makeIterator()
                    var utf8 = UTF8()
                    guard case let .scalarValue(next) = utf8.decode(&iterator), standsApart(next) else { return false }
                }
                if position > 0, text[position - 1] >= 0x80 {
                    var start = position - 1
                    while start > 0, text[start] & 0xC0 == 0x80 { start -= 1 }
                    var iterator = text[start..<position].makeIterator()
                    var utf8 = UTF8()
                    guard case let .scalarValue(previous) = utf8.decode(&iterator), standsApart(previous) else { return false }
                }
            }
            return true
        }

        mutating func emit(_ scalar: Unicode.Scalar) {
            output.append(contentsOf: UTF8.encode(scalar)!)
        }

        /// The code point starting at byte `position` and its length in bytes.
        func scalar(at position: Int) -> (scalar: Unicode.Scalar, length: Int) {
            var iterator = UnsafeBufferPointer(rebasing: input[position...]).makeIterator()
            var decoder = UTF8()
            guard case let .scalarValue(scalar) = decoder.decode(&iterator) else { return ("\u{FFFD}", 1) }
            return (scalar, UTF8.width(scalar))
        }

        mutating func step() {
            let byte = input[index]
            switch byte {
            case UInt8(ascii: "\\"):
                command()
            case UInt8(ascii: "{"), UInt8(ascii: "}"):
                index += 1
            case UInt8(ascii: "~"):
                output.append(0x20); index += 1
            case UInt8(ascii: "-"):
                if peek("---") { emit("—"); index += 3 }
                else if peek("--") { emit("–"); index += 2 }
                else { output.append(byte); index += 1 }
            case UInt8(ascii: "`"):
                if peek("``") { emit("“"); index += 2 } else { emit("‘"); index += 1 }
            case UInt8(ascii: "'"):
                if peek("''") { emit("”"); index += 2 } else { emit("’"); index += 1 }
            case UInt8(ascii: "$"):
                index += 1 // math shifts carry no text of their own
            default:
                output.append(byte); index += 1
            }
        }

        func peek(_ text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            guard index + count <= input.count else { return false }
            for offset in 0..<count where input[index + offset] != text.utf8Start[offset] { return false }
            return true
        }

        static func isASCIILetter(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte | 0x20) }

        mutating func command() {
            index += 1 // backslash
            guard index < input.count else { return }
            let (first, length) = scalar(at: index)
            // Accent commands of one non-letter character: \" \' \` \^ \~ \= \.
            if first.isASCII, !Self.isASCIILetter(UInt8(first.value)), let mark = LaTeXText.accents[String(first)] {
                index += 1
                accent(mark)
                return
            }
            guard first.properties.isAlphabetic else {
                // \& \% \$ \# \_ \{ \} \\ and the like: the character itself.
                index += length
                if first == "\\" { output.append(0x20) } else { emit(first) }
                return
            }
            let nameStart = index
            while index < input.count, Self.isASCIILetter(input[index]) { index += 1 }
            let name = String(decoding: UnsafeBufferPointer(rebasing: input[nameStart..<index]), as: UTF8.self)
            if index - nameStart == 1, let mark = LaTeXText.accents[name] {
                skipSpaces()
                accent(mark)
                return
            }
            if let symbol = LaTeXText.symbols[name] {
                output.append(contentsOf: symbol.utf8)
                // A control word eats the spaces after it; `{}` after it is an empty group.
                skipSpaces()
                if peek("{}") { index += 2 }
                return
            }
            // Formatting and other commands: drop the name, keep the argument's text.
            skipSpaces()
        }

        mutating func skipSpaces() {
            while index < input.count, input[index] == 0x20 { index += 1 }
        }

        /// Applies `mark` to the next letter: `\c s`, `\c{s}`, `\u{g}`, `\.I`, `\"{\i}`.
        mutating func accent(_ mark: Unicode.Scalar) {
            var base: [UInt8] = []
            if index < input.count, input[index] == UInt8(ascii: "{") {
                // The group's inside, decoded on its own.
                var depth = 0
                let start = index + 1
                var end = start
                while index < input.count {
                    let byte = input[index]
                    if byte == UInt8(ascii: "{") { depth += 1 }
                    if byte == UInt8(ascii: "}") { depth -= 1; if depth == 0 { end = index; index += 1; break } }
                    index += 1
                    end = index
                }
                var nested = Decoder(UnsafeBufferPointer(rebasing: input[..<end]), from: min(start, end))
                base = nested.run()
            } else if index < input.count, input[index] == UInt8(ascii: "\\") {
                var nested = Decoder(input, from: index)
                nested.command()
                index = nested.index
                base = nested.output
            } else if index < input.count {
                let length = scalar(at: index).length
                base.append(contentsOf: UnsafeBufferPointer(rebasing: input[index..<index + length]))
                index += length
            }
            guard !base.isEmpty else { emit(mark); return }
            var iterator = base.makeIterator()
            var utf8 = UTF8()
            guard case let .scalarValue(first) = utf8.decode(&iterator) else { emit(mark); return }
            // A dotted capital I with \. is İ; a dotless ı with a dot above is plain i.
            if first == "ı" {
                // LaTeX puts accents on the dotless i (`\"{\i}` → ï); a dot above makes plain i.
                output.append(UInt8(ascii: "i"))
                if mark != "\u{0307}" { emit(mark) }
            } else {
                emit(first)
                emit(mark)
            }
            output.append(contentsOf: base[UTF8.width(first)...])
        }
    }
}
