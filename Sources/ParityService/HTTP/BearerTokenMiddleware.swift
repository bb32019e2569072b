import Hummingbird

/// Requires `Authorization: Bearer <token>` on every path but the open ones (`/`, `/healthz`); 401 otherwise.
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String
    var openPaths: Set<String> = ["/", "/healthz"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard openPaths.contains(request.uri.path) || Self.matches(request.headers[.authorization], token: token) else {
            throw APIError(status: .unauthorized, code: "unauthorized", message: "a valid bearer token is required (Authorization: Bearer <token>)")
        }
        return try await next(request, context)
    }

    /// Compares in time independent of where the first difference is. The scheme is case-insensitive (RFC 9110 §11.1).
    static func matches(_ header: String?, token: String) -> Bool {
        guard let header, header.count > "Bearer ".count, header.prefix("Bearer ".count).lowercased() == "bearer " else { return false }
        let given = Array(header.dropFirst("Bearer ".count).utf8)
        let expected = Array(token.utf8)
        guard given.count == expected.count else { return false }
        return zip(given, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
