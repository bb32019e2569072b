import Hummingbird
import ParityEngine
import SourceQueries

/// An HTTP error answered as `{"error": {"code": ..., "message": ...}}`; the message never carries a stack trace or a secret.
struct APIError: HTTPResponseError {
    let status: HTTPResponse.Status
    /// A stable, machine-readable code (`not_found`, `unauthorized`, ...).
    let code: String
    let message: String

    private struct Body: Encodable {
        struct Detail: Encodable {
            var code: String
            var message: String
        }

        var error: Detail
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = TextResponse.json(JSONText.encode(Body(error: .init(code: code, message: Redaction.redact(message)))), status: status)
        if status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer" }
        if status == .methodNotAllowed { response.headers[.allow] = "GET, HEAD" }
        return response
    }

    static func notFound(_ message: String) -> APIError { APIError(status: .notFound, code: "not_found", message: message) }
    static func badRequest(_ message: String) -> APIError { APIError(status: .badRequest, code: "bad_request", message: message) }

    /// An engine failure, by its code: a bad argument is 400, a source, replication or store that cannot be used 503,
    /// anything else 500 (detail only from an ``EngineError``).
    init(_ error: any Error) {
        guard let error = error as? EngineError else {
            self.init(status: .internalServerError, code: "internal", message: "internal error; see the service log")
            return
        }
        switch error.code {
        case .usage:
            self.init(status: .badRequest, code: "bad_request", message: error.message)
        case .sourceUnreachable, .sourceRefused, .replicationUnusable, .timedOut, .storeUnavailable, .captureRunning:
            self.init(status: .serviceUnavailable, code: "source_unreachable", message: error.description)
        default:
            self.init(status: .internalServerError, code: "engine_error", message: error.description)
        }
    }

    init(status: HTTPResponse.Status, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }
}
