import Foundation

/// The date a news site or a blog writes in the addresses of its pages: `https://www.vox.com/2016/1/7/…`,
/// `…/2019/03/story`, `…/2021-05-04/…`. A web page whose entry prints no date of its own is dated
/// by it (researchers cite such a page by that year: `Framke (2016)`); an access date never is
/// one, it goes to `accessed`.
enum DateInURL {
    /// The year and month (and day) of a date in the path of `url`; a year alone (`/2016/`) is too
    /// weak (an archive, a number), and so is a date in the host or the query.
    static func date(in url: String) -> CSLDate? {
        let path = url.firstMatch(of: host).map { url[$0.range.upperBound...] } ?? url[...]
        let withoutQuery = path.split(separator: "?", maxSplits: 1).first ?? path
        guard let match = withoutQuery.firstMatch(of: datePath),
              let year = Int(match.output.1), let month = Int(match.output.2) else { return nil }
        if let day = match.output.3.flatMap({ Int($0) }) { return CSLDate(year: year, month: month, day: day) }
        return CSLDate(year: year, month: month)
    }

    nonisolated(unsafe) static let host = /^[a-z]+:\/\/[^\/]+/
    nonisolated(unsafe) static let datePath = /\/((?:19|20)\d\d)[\/-](0?[1-9]|1[0-2])(?:[\/-](0?[1-9]|[12]\d|3[01]))?(?=[\/-]|\.html?$|$)/
}
