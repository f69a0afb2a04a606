#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GlossCore
import GlossFormats
import HTTPTypes
import Hummingbird

/// The pages of `gloss serve`, as HTML (everything from the workspace escaped), and the headers
/// every page is sent with.
enum Pages {
    /// A page with the security headers: a content security policy that allows only this page's
    /// own style and its one script (by `nonce`), no framing, no referrer (the URL may carry the
    /// token), no caching.
    static func response(_ html: String, status: HTTPResponse.Status = .ok, nonce: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("Content-Security-Policy")!] =
            "default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-\(nonce)'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        // same-origin: a link out carries no referrer (the URL may hold the token), and a form post
        // keeps its Origin header (with no-referrer browsers send "Origin: null").
        headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// A whole page: navigation, `body` (already HTML), the reading view's style and script.
    static func page(_ title: String, _ body: String, status: HTTPResponse.Status = .ok, extraHead: String = "") -> Response {
        let nonce = ServerAccess.randomHex(bytes: 16)
        let navigation = """
        <nav class="top"><a href="/">Sources</a><a href="/bibliography">Bibliography</a>\
        <a href="/revisions">Revisions</a><a href="/exports">Exports</a></nav>

        """
        return response(HTMLReport.page(title: title, body: body, navigation: navigation, extraHead: extraHead, scriptNonce: nonce),
                        status: status, nonce: nonce)
    }

    /// A refused request: a short page, and nothing done.
    static func refusal(_ status: HTTPResponse.Status, _ message: String) -> Response {
        response("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Refused</title></head><body><p>\(HTMLEscape.text(message))</p></body></html>\n",
                 status: status, nonce: ServerAccess.randomHex(bytes: 16))
    }

    /// An error of a request, with the one-line message the CLI would print.
    static func error(_ message: String, status: HTTPResponse.Status) -> Response {
        page("Error", "<h1>Not done</h1>\n<p class=\"error-box\">\(HTMLEscape.text(message))</p>\n<p><a href=\"javascript:history.back()\">Back</a></p>\n",
             status: status)
    }

    // MARK: Sources

    static func sources(_ sources: [ReadingSource], workspace: String) -> String {
        var out = "<h1>Sources</h1>\n<p class=\"meta\">\(HTMLEscape.text(workspace))</p>\n<table class=\"list\">\n"
        out += "<tr><th>Title</th><th>Authors</th><th>Year</th><th>Language</th><th>Revision</th><th>Citations</th><th>Claims</th><th>Findings</th></tr>\n"
        for source in sources {
            let metadata = source.metadata
            let unresolved = source.citations.filter { $0.standing == .unresolved || $0.standing == .ambiguous }.count
            out += "<tr><td><a class=\"source-link\" href=\"/source/\(HTMLEscape.text(metadata.id.rawValue))\">\(HTMLEscape.text(metadata.title ?? metadata.id.rawValue))</a>"
            out += "<div class=\"meta\">\(HTMLEscape.text(metadata.id.rawValue))</div></td>"
            out += "<td>\(HTMLEscape.text(metadata.authors.joined(separator: ", ")))</td>"
            out += "<td>\(metadata.year.map(String.init) ?? "")</td>"
            out += "<td>\(HTMLEscape.text(metadata.languages.joined(separator: ", ")))</td>"
            out += "<td>\(metadata.revision)</td>"
            out += "<td>\(source.citations.count)\(unresolved > 0 ? " <span class=\"sev-warning\">(\(unresolved) unresolved or ambiguous)</span>" : "")</td>"
            out += "<td>\(source.claims.count)</td>"
            out += "<td>\(source.findings.count)</td></tr>\n"
        }
        out += "</table>\n"
        return out
    }

    // MARK: Reading view

    /// What the page's script needs to offer the forms: where to post, the CSRF value, and the
    /// library records a citation can be linked to.
    private struct Actions: Encodable {
        struct Record: Encodable {
            var key: String
            var line: String
        }
        var base = ""
        var recordBase = ""
        var csrf: String
        var library: [Record]
    }

    static func reading(_ source: ReadingSource, library: [BibRecord], csrf: String) throws -> (title: String, body: String, head: String) {
        let actions = Actions(csrf: csrf, library: library.map { Actions.Record(key: $0.id, line: ReadingViewHTML.describe($0)) })
        let json = String(decoding: try JSONEncoder().encode(actions), as: UTF8.self)
        let head = "<script type=\"application/json\" id=\"gloss-actions\">\(HTMLEscape.scriptJSON(json))</script>\n"
        let body = "<p class=\"meta\">Select a passage to make it a claim; click a citation for its items and records, a claim to edit it.</p>\n"
            + (try ReadingViewHTML(source).article())
        return (source.metadata.title ?? source.metadata.id.rawValue, body, head)
    }

    // MARK: Bibliography

    static func bibliography(_ works: [Work]) -> String {
        var out = "<h1>Bibliography</h1>\n<p class=\"meta\">\(works.count) works cited across the sources, with their citations.</p>\n<table class=\"list\">\n"
        out += "<tr><th>Work</th><th>Record</th><th>Cited in</th></tr>\n"
        for work in works {
            out += "<tr id=\"w-\(HTMLEscape.identifier(work.id))\"><td><code>\(HTMLEscape.text(work.id))</code></td><td>"
            if let first = work.records.first { out += HTMLEscape.text(ReadingViewHTML.describe(first.record)) }
            out += "</td><td>"
            for citing in work.citations {
                let id = citing.citation
                out += "<a href=\"/source/\(HTMLEscape.text(id.source.rawValue))#\(ReadingViewHTML.citationAnchor(id))\">\(HTMLEscape.text(id.description))</a>"
                if let locator = citing.locator { out += " (\(HTMLEscape.text(locator)))" }
                out += "<br>"
            }
            out += "</td></tr>\n"
        }
        out += "</table>\n"
        return out
    }

    // MARK: Revisions

    static func revisions(_ claims: [Claim], csrf: String) -> String {
        var out = "<h1>Revisions</h1>\n<p class=\"meta\">Claims a new revision of their source moved or could not place: confirm the new place, or give the words it should have.</p>\n"
        if claims.isEmpty { return out + "<p>No claim needs review.</p>\n" }
        out += "<table class=\"list\">\n<tr><th>Claim</th><th>Before</th><th>Now</th><th></th></tr>\n"
        for claim in claims {
            out += "<tr><td><code>\(HTMLEscape.text(claim.id))</code><div class=\"status\">\(claim.status.rawValue)</div>"
            if let reanchoring = claim.reanchoring { out += "<div class=\"meta\">\(reanchoring.method.rawValue), score \(reanchoring.score)</div>" }
            out += "</td><td>“\(HTMLEscape.text(claim.reanchoring?.previous?.exact ?? claim.quote.exact))”</td>"
            out += "<td><a href=\"/source/\(HTMLEscape.text(claim.source.rawValue))\">\(HTMLEscape.text(claim.source.rawValue)) \(claim.position.start)..\(claim.position.end)</a>: “\(HTMLEscape.text(claim.quote.exact))”</td><td>"
            out += "<form method=\"post\" action=\"/claims/confirm\">\(hidden("csrf", csrf))\(hidden("claim", claim.id))<button type=\"submit\">Confirm this place</button></form>"
            out += "<form method=\"post\" action=\"/claims/move\">\(hidden("csrf", csrf))\(hidden("claim", claim.id))"
            out += "<label>Move to the words <input type=\"text\" name=\"quote\" required></label><button type=\"submit\">Move</button></form>"
            out += "</td></tr>\n"
        }
        out += "</table>\n"
        return out
    }

    // MARK: Exports

    static func exports() -> String {
        var out = "<h1>Exports</h1>\n<ul>\n"
        for format in ServedExport.Format.allCases {
            out += "<li><a href=\"/export/\(format.rawValue)\" download>\(format.rawValue)</a> — \(HTMLEscape.text(format.summary))</li>\n"
        }
        out += "</ul>\n"
        return out
    }

    private static func hidden(_ name: String, _ value: String) -> String {
        "<input type=\"hidden\" name=\"\(name)\" value=\"\(HTMLEscape.text(value))\">"
    }
}
