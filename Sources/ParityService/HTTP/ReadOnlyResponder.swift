import Hummingbird

/// Every route is read-only: GET goes to the router, HEAD answers as GET would without the body, and any other method
/// is 405 with `Allow: GET, HEAD` rather than the router's misleading 404. It wraps the router's responder, since the
/// router picks a route by method before any middleware runs.
struct ReadOnlyResponder<Inner: HTTPResponder>: HTTPResponder where Inner.Context: RequestContext {
    typealias Context = Inner.Context
    let inner: Inner

    func respond(to request: Request, context: Context) async throws -> Response {
        switch request.method {
        case .get:
            return try await inner.respond(to: request, context: context)
        case .head:
            var head = request.head
            head.method = .get
            let response = try await inner.respond(to: Request(head: head, body: request.body), context: context)
            return Response(status: response.status, headers: response.headers)
        default:
            // Outside the router's middleware, so answered here rather than thrown.
            return try APIError(status: .methodNotAllowed, code: "method_not_allowed", message: "\(request.method) is not served here: use GET")
                .response(from: request, context: context)
        }
    }
}
