#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GlossCore
import GlossFormats
import GlossStore
import HTTPTypes
import Hummingbird
import Logging

/// `gloss serve`: the reading view of a workspace as a local web application. Every page is
/// rendered from the workspace on each request; every change goes through the same store code
/// as the command line (`ClaimStore`, `CitationDecisions`: the same validation, workspace lock
/// and atomic write), so `annotations/` ends up as the CLI would have written it.
///
/// It listens on 127.0.0.1 only; see `ServerAccess` for who may use it. No request path reaches
/// the file system: routes are fixed, and a source id from a URL or a form is looked up by the
/// store like a name typed on the command line.
public struct ReadingServer: Sendable {
    public let workspace: Workspace
    public let access: ServerAccess

    public init(workspace: Workspace, access: ServerAccess = ServerAccess()) {
        self.workspace = workspace
        self.access = access
    }

    /// Serves until interrupted (SIGINT or SIGTERM). `port` 0 takes any free port; `started`
    /// is called with the address (token included) once the server listens.
    public func run(port: Int, started: @escaping @Sendable (String) -> Void) async throws {
        let router = Router()
        router.add(middleware: AccessMiddleware(access: access))
        routes(router)
        var logger = Logger(label: "gloss-serve")
        logger.logLevel = .warning
        let access = self.access
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: nil),
            onServerRunning: { channel in
                access.port = channel.localAddress?.port ?? port
                started("http://127.0.0.1:\(access.port)/?token=\(access.token)")
            },
            logger: logger)
        try await app.runService()
    }

    // MARK: Routes

    private func routes(_ router: Router<BasicRequestContext>) {
        let workspace = self.workspace
        let access = self.access
        router.get("/") { _, _ in
            Self.answer {
                let (sources, _) = try ReadingLoader(workspace).load([])
                return Pages.page("Sources", Pages.sources(sources, workspace: workspace.root.path))
            }
        }
        router.get("/source/:id") { _, context in
            let name = try context.parameters.require("id")
            return Self.answer {
                let (sources, library) = try ReadingLoader(workspace).load([name])
                let page = try Pages.reading(sources[0], library: library, csrf: access.csrf)
                return Pages.page(page.title, page.body, extraHead: page.head)
            }
        }
        router.get("/bibliography") { _, _ in
            Self.answer {
                let (loaded, library) = try ReferenceLoader(workspace).load([])
                return Pages.page("Bibliography", Pages.bibliography(ReferenceLoader.works(loaded, library: library)))
            }
        }
        router.get("/revisions") { _, _ in
            Self.answer {
                let claims = try ClaimStore(workspace).all().filter { $0.status != .anchored }
                return Pages.page("Revisions", Pages.revisions(claims, csrf: access.csrf))
            }
        }
        router.get("/exports") { _, _ in Pages.page("Exports", Pages.exports()) }
        router.get("/export/:format") { _, context in
            guard let format = ServedExport.Format(rawValue: try context.parameters.require("format")) else {
                return Pages.error("no such export; see the Exports page", status: .notFound)
            }
            return Self.answer {
                var headers = HTTPFields()
                headers[.contentType] = format.contentType
                headers[HTTPField.Name("Content-Disposition")!] = "attachment; filename=\"\(format.fileName)\""
                headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
                let text = try ServedExport.text(format, workspace: workspace, names: [])
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
            }
        }

        post(router, "/claims/add", ClaimAddForm.self) { form in
            let store = ClaimStore(workspace)
            let cite = form.cite ?? ""
            let claim = try store.add(to: form.source, at: .span(TextSpan(start: form.start, end: form.end)),
                                      citations: cite.isEmpty ? [] : [cite],
                                      tags: Self.tags(form.tags), note: form.note)
            return "/source/\(claim.source)"
        }
        post(router, "/claims/edit", ClaimEditForm.self) { form in
            let store = ClaimStore(workspace)
            let claim = try store.claim(form.claim)
            let tags = Claim.normalizedTags(Self.tags(form.tags))
            var change = ClaimChange()
            change.addTags = tags.filter { !claim.tags.contains($0) }
            change.removeTags = claim.tags.filter { !tags.contains($0) }
            let note = form.note ?? ""
            if note != (claim.note ?? "") { change.note = .some(note.isEmpty ? nil : note) }
            if !change.addTags.isEmpty || !change.removeTags.isEmpty || change.note != nil {
                try store.edit(claim.id, change)
            }
            return "/source/\(claim.source)"
        }
        post(router, "/claims/remove", ClaimForm.self) { form in
            let removed = try ClaimStore(workspace).remove([form.claim])
            return "/source/\(removed[0].source)"
        }
        post(router, "/claims/confirm", ClaimForm.self) { form in
            let store = ClaimStore(workspace)
            var change = ClaimChange()
            change.place = .span(try store.claim(form.claim).position)
            try store.edit(form.claim, change)
            return "/revisions"
        }
        post(router, "/claims/move", ClaimMoveForm.self) { form in
            var change = ClaimChange()
            change.place = .quote(form.quote, occurrence: nil)
            try ClaimStore(workspace).edit(form.claim, change)
            return "/revisions"
        }
        post(router, "/cite/reject", CitationForm.self) { form in
            let (id, _) = try CitationDecisions(workspace).reject(form.citation)
            return "/source/\(id.source)#\(ReadingViewHTML.citationAnchor(id))"
        }
        post(router, "/cite/restore", CitationForm.self) { form in
            let (id, _) = try CitationDecisions(workspace).accept(form.citation)
            return "/source/\(id.source)#\(ReadingViewHTML.citationAnchor(id))"
        }
        post(router, "/link", LinkForm.self) { form in
            let (id, _) = try CitationDecisions(workspace).link(form.citation, to: form.record)
            return "/source/\(id.source)#\(ReadingViewHTML.citationAnchor(id))"
        }
    }

    /// A POST route: the form is read (at most 1 MiB), its CSRF value checked, `action` run, and
    /// the browser sent on to the page `action` names (303), or shown the error the CLI would print.
    private func post<Form: CSRFForm>(_ router: Router<BasicRequestContext>, _ path: RouterPath, _ type: Form.Type,
                                      _ action: @escaping @Sendable (Form) throws -> String) {
        let access = self.access
        router.post(path) { request, _ in
            var request = request
            let body = String(buffer: try await request.collectBody(upTo: 1 << 20))
            let decoder = URLEncodedFormDecoder()
            guard let csrf = (try? decoder.decode(CSRFValue.self, from: body))?.csrf, ServerAccess.same(csrf, access.csrf) else {
                return Pages.refusal(.forbidden, "Changes are accepted only from this server's own pages.")
            }
            let form: Form
            do {
                form = try decoder.decode(Form.self, from: body)
            } catch {
                return Pages.refusal(.badRequest, "The form is incomplete.")
            }
            return Self.answer {
                var headers = HTTPFields()
                headers[.location] = try action(form)
                return Response(status: .seeOther, headers: headers)
            }
        }
    }

    /// The response of `make`, or an error page with the message the CLI would print.
    private static func answer(_ make: () throws -> Response) -> Response {
        do {
            return try make()
        } catch let error as GlossError {
            let status: HTTPResponse.Status = switch error.category {
            case .usage: .badRequest
            case .data: .unprocessableContent
            case .missingFile: .notFound
            case .io: .internalServerError
            }
            return Pages.error(error.description, status: status)
        } catch {
            return Pages.error("\(error)", status: .internalServerError)
        }
    }

    /// Tags as typed in a form: separated by commas.
    static func tags(_ field: String?) -> [String] {
        (field ?? "").split(separator: ",").map(String.init)
    }
}

/// The CSRF value of any form, checked before the rest of the form is read.
struct CSRFValue: Decodable {
    var csrf: String?
}

/// A form of the served pages: it carries the server's CSRF value.
protocol CSRFForm: Decodable, Sendable {
    var csrf: String { get }
}

struct ClaimAddForm: CSRFForm {
    var csrf: String
    var source: String
    var start: Int
    var end: Int
    var tags: String?
    var note: String?
    var cite: String?
}

struct ClaimEditForm: CSRFForm {
    var csrf: String
    var claim: String
    var tags: String?
    var note: String?
}

struct ClaimForm: CSRFForm {
    var csrf: String
    var claim: String
}

struct ClaimMoveForm: CSRFForm {
    var csrf: String
    var claim: String
    var quote: String
}

struct CitationForm: CSRFForm {
    var csrf: String
    var citation: String
}

struct LinkForm: CSRFForm {
    var csrf: String
    var citation: String
    var record: String
}
