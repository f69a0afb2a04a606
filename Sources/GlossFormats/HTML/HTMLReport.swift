import GlossCore

/// `gloss report`: the reading views of sources as one self-contained HTML file (style sheet,
/// script and data inline; no external files, no network).
public enum HTMLReport {
    /// The whole document for `sources`, titled `title`.
    public static func render(_ sources: [ReadingSource], title: String = "Gloss report") throws -> String {
        var body = "<h1>\(HTMLEscape.text(title))</h1>\n"
        if sources.count > 1 {
            body += "<nav class=\"contents\"><ul>\n"
            for source in sources {
                body += "<li><a href=\"#s-\(HTMLEscape.identifier(source.metadata.id.rawValue))\">\(HTMLEscape.text(source.metadata.title ?? source.metadata.id.rawValue))</a></li>\n"
            }
            body += "</ul></nav>\n"
        }
        for source in sources { body += try ReadingViewHTML(source).article() }
        return page(title: title, body: body)
    }

    /// A complete page around `body` (already HTML): the style sheet, the side panel, `extraHead`
    /// (already HTML) and the script, which carries `scriptNonce` when a content security policy
    /// names it.
    public static func page(title: String, body: String, navigation: String = "", extraHead: String = "",
                            scriptNonce: String? = nil) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="gloss">
        <title>\(HTMLEscape.text(title))</title>
        <style>
        \(ReadingViewAssets.css)
        </style>
        \(extraHead)</head>
        <body>
        \(navigation)<main>
        \(body)</main>
        <div id="panel" hidden></div>
        <script\(scriptNonce.map { " nonce=\"\(HTMLEscape.text($0))\"" } ?? "")>
        \(ReadingViewAssets.script)
        </script>
        </body>
        </html>

        """
    }
}
