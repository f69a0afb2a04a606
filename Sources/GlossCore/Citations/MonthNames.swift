/// Month names of the four languages, lower-cased: `(June 2025)`, `(Haziran 2023)`, `(Июнь 2025)` and
/// `(Mart 2024)` are dates, not an author and a year.
enum MonthNames {
    static let words = LowercaseWords([
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.",
        "nov.", "dec.",
        "ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım", "aralık",
        "yanvar", "fevral", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr", "noyabr", "dekabr",
        "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь",
        "декабрь", "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
        "октября", "ноября", "декабря",
        "spring", "summer", "autumn", "fall", "winter", "ilkbahar", "yaz", "sonbahar", "kış", "bahar", "güz",
    ])

    /// Whether `author` is a month (or season) name, perhaps after a day (`12 June`).
    static func isDate(_ author: LocatorParser.Scalars) -> Bool {
        var start = author.count
        while start > 0, author[start - 1] != " " { start -= 1 }
        return words.contains(author.part(start..<author.count))
    }
}
