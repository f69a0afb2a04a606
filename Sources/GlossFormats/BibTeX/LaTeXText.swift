import Foundation

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
        var decoder = Decoder(Array(text.unicodeScalars))
        let decoded = decoder.run()
        // ASCII is its own NFC; most fields are, and Foundation's mapping was a tenth of an import.
        return decoded.utf8.allSatisfy { $0 < 0x80 } ? decoded : decoded.precomposedStringWithCanonicalMapping
    }

    struct Decoder {
        let input: [Unicode.Scalar]
        var index = 0
        var output = String.UnicodeScalarView()

        init(_ input: [Unicode.Scalar]) { self.input = input }

        mutating func run() -> String {
            while index < input.count { step() }
            var text = String(output)
            // Runs of whitespace (line breaks inside values) become one space.
            text = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
            return text
        }

        mutating func step() {
            let scalar = input[index]
            switch scalar {
            case "\\":
                command()
            case "{", "}":
                index += 1
            case "~":
                output.append(" "); index += 1
            case "-":
                if peek("---") { output.append("—"); index += 3 }
                else if peek("--") { output.append("–"); index += 2 }
                else { output.append("-"); index += 1 }
            case "`":
                if peek("``") { output.append("“"); index += 2 } else { output.append("‘"); index += 1 }
            case "'":
                if peek("''") { output.append("”"); index += 2 } else { output.append("’"); index += 1 }
            case "$":
                index += 1 // math shifts carry no text of their own
            default:
                output.append(scalar); index += 1
            }
        }

        func peek(_ text: String) -> Bool {
            let scalars = Array(text.unicodeScalars)
            guard index + scalars.count <= input.count else { return false }
            return Array(input[index..<index + scalars.count]) == scalars
        }

        mutating func command() {
            index += 1 // backslash
            guard index < input.count else { return }
            let first = input[index]
            // Accent commands of one non-letter character: \" \' \` \^ \~ \= \.
            if let mark = LaTeXText.accents[String(first)], !first.properties.isAlphabetic {
                index += 1
                accent(mark)
                return
            }
            guard first.properties.isAlphabetic else {
                // \& \% \$ \# \_ \{ \} \\ and the like: the character itself.
                index += 1
                if first == "\\" { output.append(" ") } else { output.append(first) }
                return
            }
            var name = ""
            while index < input.count, input[index].properties.isAlphabetic, input[index].isASCII {
                name.unicodeScalars.append(input[index]); index += 1
            }
            if name.count == 1, let mark = LaTeXText.accents[name] {
                skipSpaces()
                accent(mark)
                return
            }
            if let symbol = LaTeXText.symbols[name] {
                output.append(contentsOf: symbol.unicodeScalars)
                // A control word eats the spaces after it; `{}` after it is an empty group.
                skipSpaces()
                if peek("{}") { index += 2 }
                return
            }
            // Formatting and other commands: drop the name, keep the argument's text.
            skipSpaces()
        }

        mutating func skipSpaces() {
            while index < input.count, input[index] == " " { index += 1 }
        }

        /// Applies `mark` to the next letter: `\c s`, `\c{s}`, `\u{g}`, `\.I`, `\"{\i}`.
        mutating func accent(_ mark: Unicode.Scalar) {
            var base = String.UnicodeScalarView()
            if index < input.count, input[index] == "{" {
                var depth = 0
                var inner: [Unicode.Scalar] = []
                while index < input.count {
                    let scalar = input[index]
                    if scalar == "{" { depth += 1 }
                    if scalar == "}" { depth -= 1; if depth == 0 { index += 1; break } }
                    inner.append(scalar)
                    index += 1
                }
                var nested = Decoder(Array(inner.dropFirst()))
                base = String(nested.run()).unicodeScalars
            } else if index < input.count, input[index] == "\\" {
                var nested = Decoder(Array(input[index...]))
                nested.command()
                index += nested.index
                base = nested.output
            } else if index < input.count {
                base.append(input[index]); index += 1
            }
            guard let first = base.first else { output.append(mark); return }
            // A dotted capital I with \. is İ; a dotless ı with a dot above is plain i.
            if first == "ı" {
                // LaTeX puts accents on the dotless i (`\"{\i}` → ï); a dot above makes plain i.
                output.append("i")
                if mark != "\u{0307}" { output.append(mark) }
            } else {
                output.append(first)
                output.append(mark)
            }
            output.append(contentsOf: base.dropFirst())
        }
    }
}
