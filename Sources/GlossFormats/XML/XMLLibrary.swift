import CLibXML2

/// Facts about the libxml2 that Gloss writes and validates XML with.
public enum XMLLibrary {
    /// The libxml2 version Gloss was compiled against, e.g. `2.9.14`.
    /// (`xmlParserVersion` is a macro Swift cannot see; `LIBXML_DOTTED_VERSION` is a plain string.)
    public static let version: String = LIBXML_DOTTED_VERSION
}
