/// One problem a check rule found: which rule, how serious, where, and what to do about it.
public struct Finding: Codable, Sendable, Hashable {
    /// The rule's stable code, e.g. `unresolved-citation`.
    public var rule: String
    public var severity: Severity
    /// The source it is in; nil for workspace-wide findings (duplicate records).
    public var source: SourceID?
    /// Where in the source's stored text (code points), when it points at text.
    public var span: TextSpan?
    /// The offending text, as stored.
    public var text: String?
    /// One line saying what is wrong.
    public var message: String
    /// One line saying what to do.
    public var hint: String?
    /// The printed page the span starts on, for a source whose pages are known (a PDF's).
    public var page: Int?

    public init(rule: String, severity: Severity, source: SourceID?, span: TextSpan? = nil, text: String? = nil,
                message: String, hint: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.source = source
        self.span = span
        self.text = text
        self.message = message
        self.hint = hint
    }

    /// `CODE@START-END`, the form `gloss check --accept` takes; `CODE` alone for findings
    /// without a span.
    public var acceptanceKey: String {
        guard let span else { return rule }
        return "\(rule)@\(span.start)-\(span.end)"
    }
}
