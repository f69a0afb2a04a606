import GlossFormats
import HTTPTypes
import Hummingbird

/// Refuses every request that does not come from the holder of the token (see `ServerAccess`),
/// and every write that comes from another site, before any route sees it.
struct AccessMiddleware<Context: RequestContext>: RouterMiddleware {
    let access: ServerAccess

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard access.acceptsHost(request.head.authority) else {
            return Pages.refusal(.forbidden, "This server answers only on its loopback address.")
        }
        let query = request.uri.queryParameters["token"].map(String.init)
        let cookie = request.cookies[ServerAccess.cookie]?.value
        let fromQuery = query.map { ServerAccess.same($0, access.token) } ?? false
        guard fromQuery || cookie.map({ ServerAccess.same($0, access.token) }) ?? false else {
            return Pages.refusal(.unauthorized, "Open the address gloss serve printed: it carries the token this server needs.")
        }
        if request.method != .get && request.method != .head {
            guard request.method == .post,
                  access.acceptsOrigin(request.headers[.origin]),
                  access.acceptsFetchSite(request.headers[HTTPField.Name("Sec-Fetch-Site")!])
            else {
                return Pages.refusal(.forbidden, "Changes are accepted only from this server's own pages.")
            }
        }
        var response = try await next(request, context)
        if fromQuery {
            response.headers[values: .setCookie].append("\(ServerAccess.cookie)=\(access.token); Path=/; HttpOnly; SameSite=Strict")
        }
        return response
    }
}
