import Foundation

/// Finds a URL in a reference and rejoins it where a PDF broke it over lines.
///
/// A break shows as whitespace. The URL continues over it when the piece before ends where
/// lines break in URLs (`/`, `.`, `-`, `:`) or the next piece holds a path (`/`). A hyphen at a
/// break inside the host is a syllable hyphen and is removed (`reu-`/`ters.com`); in the path
/// it is kept (`herbi-`/`mekteb…`), since slugs are hyphenated. A space with a letter on each
/// side cannot be told from a real space and is kept as written.
public enum BrokenURL {
    /// The URL in `text` and the range of `text` it was read from, or nil.
    public static func find(in text: String) -> (url: String, range: Range<String.Index>)? {
        guard let start = startIndex(in: text) else { return nil }
        var url = ""
        var end = start
        var index = start
        var first = true
        while index < text.endIndex {
            // The next whitespace-separated piece.
            var pieceEnd = index
            while pieceEnd < text.endIndex, !text[pieceEnd].isWhitespace { pieceEnd = text.index(after: pieceEnd) }
            let piece = String(text[index..<pieceEnd])
            if first {
                url = piece
                first = false
            } else {
                guard let joined = join(url, piece) else { break }
                url = joined
            }
            end = pieceEnd
            if piece.hasSuffix(",") || piece.hasSuffix(";") { break }
            // Skip the whitespace to the following piece.
            var next = pieceEnd
            while next < text.endIndex, text[next].isWhitespace { next = text.index(after: next) }
            if next == pieceEnd { break }
            index = next
        }
        let trimmed = trimEnd(url)
        // Give back the characters trimmed off the end, so the caller's text keeps them.
        var rangeEnd = end
        var drop = url.count - trimmed.count
        while drop > 0 { rangeEnd = text.index(before: rangeEnd); drop -= 1 }
        return (trimmed, start..<rangeEnd)
    }

    static func startIndex(in text: String) -> String.Index? {
        var best: String.Index?
        for marker in ["https://", "http://", "https:/", "www."] {
            if let range = text.range(of: marker, options: .caseInsensitive), best == nil || range.lowerBound < best! {
                best = range.lowerBound
            }
        }
        return best
    }

    /// `url` followed by `piece` across a break, or nil when the URL ended before it.
    static func join(_ url: String, _ piece: String) -> String? {
        guard let last = url.last, let head = piece.first else { return nil }
        if url.hasSuffix(",") || url.hasSuffix(";") { return nil }
        let lowerPiece = piece.lowercased()
        if stopWords.contains(where: { lowerPiece.hasPrefix($0) }) { return nil }
        if piece.allSatisfy({ $0.isNumber || $0 == "," || $0 == "." }) { return nil }
        let continues = head.isLowercase || head.isNumber || head == "/" || head == "%" || piece.contains("/")
        switch last {
        case "-":
            guard continues else { return nil }
            return inHost(url) ? String(url.dropLast()) + piece : url + piece
        case "/", ":":
            return url + piece
        case ".":
            return continues ? url + piece : nil
        default:
            return piece.contains("/") ? url + " " + piece : nil
        }
    }

    /// Whether the end of `url` is still inside its host name.
    static func inHost(_ url: String) -> Bool {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        return !rest.contains("/")
    }

    static func trimEnd(_ url: String) -> String {
        var result = Substring(url)
        while let last = result.last, ",;.”\"’»".contains(last) || (last == ")" && !result.contains("(")) {
            result = result.dropLast()
        }
        return String(result)
    }

    static let stopWords = ["erişim", "erisim", "accessed", "access", "retrieved", "son erişim", "müraciət",
                            "дата", "(erişim", "(accessed", "(дата"]
}
