/// An entry as an imported `.bib` file wrote it, kept so that an export writes it back as it was:
/// its entry type, its fields in order with their values exactly as written (braces, math,
/// `\url`, `@string` macro names and `#` joins included), and the `@string` definitions those
/// values use.
public struct BibTeXOriginal: Codable, Sendable, Hashable {
    /// One field: its name in lower case and its value as written after `=` (`{…}`, `"…"`, a
    /// number, a macro name, or parts joined with `#`).
    public struct Field: Codable, Sendable, Hashable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The entry type in lower case (`article`, `thesis`, `set`, `xdata`, …).
    public var type: String
    public var fields: [Field]
    /// `@string` macros the values use, by name in lower case, each defined as written.
    public var strings: [String: String]?
    /// The `@preamble` values of the entry's file as written (commands its values may use).
    public var preambles: [String]?

    public init(type: String, fields: [Field], strings: [String: String]? = nil) {
        self.type = type
        self.fields = fields
        self.strings = strings
    }

    /// The value of field `name` as written.
    public func value(_ name: String) -> String? { fields.first { $0.name == name }?.value }
}
