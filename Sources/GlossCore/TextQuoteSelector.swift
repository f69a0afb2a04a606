/// W3C Web Annotation TextQuoteSelector: the exact text with some context either side, so an
/// annotation can be found again when offsets no longer fit.
public struct TextQuoteSelector: Codable, Sendable, Hashable {
    public var exact: String
    public var prefix: String
    public var suffix: String

    public init(exact: String, prefix: String, suffix: String) {
        self.exact = exact
        self.prefix = prefix
        self.suffix = suffix
    }
}
