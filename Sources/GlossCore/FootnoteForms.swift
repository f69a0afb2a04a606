/// Recognises footnotes that point back instead of giving a full reference.
public enum FootnoteForms {
    /// Ibid forms of the four languages, lower-cased: they point at the footnote just before.
    public static let ibidForms = ["age", "agk", "a.g.e", "a.g.m", "a.g.k", "aynı eser", "aynı yer", "ibid", "ibidem",
                                   "op. cit", "op.cit", "loc. cit", "там же", "указ. соч", "yenə orada", "həmin əsər"]

    static let ibidScalars = ibidForms.map { Array($0.unicodeScalars) }

    /// Whether a footnote text (number included or not) is an ibid form: `12 Age, s. 104.`, `49 Agk.`.
    public static func isIbid(_ footnote: String) -> Bool {
        let head = Self.body(footnote).unicodeScalars.prefix(24).map(LocatorParser.lower)
        for form in ibidScalars where head.count >= form.count && head.starts(with: form) {
            if head.count > form.count, head[form.count].isLetter { continue }
            return true
        }
        return false
    }

    /// Whether a footnote text is a short form of an earlier reference: an author and a short title,
    /// maybe a page, but no year and no address (`Yüce, The Caucasus, s. 61.`).
    public static func isShortForm(_ footnote: String) -> Bool {
        let text = Self.body(footnote)
        guard text.utf8.count <= 480, !isIbid(footnote) else { return false }
        let body = Array(text.unicodeScalars)
        guard body.count <= 120, body.contains(","),
              let first = body.first, first.properties.isUppercase else { return false }
        let lower = text.lowercased()
        if lower.contains("http") || lower.contains("www.") { return false }
        var i = 0
        while i < body.count {
            let run = LocatorParser.digitRun(body, at: i)
            if run == 4, body[i].value == 0x31 || body[i].value == 0x32 { return false }
            i += max(run, 1)
        }
        return true
    }

    private static func body(_ footnote: String) -> Substring {
        Substring(Substring(footnote).unicodeScalars.drop { $0.properties.numericType != nil || $0 == " " })
    }
}
