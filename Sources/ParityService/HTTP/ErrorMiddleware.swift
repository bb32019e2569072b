import Hummingbird
import Logging
import ParityLogging

/// Turns every error into the JSON error shape: hummingbird's own (unknown route: 404) keep their status,
/// anything else is logged and answered 500 without detail.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as HTTPError {
            let code = error.status == .notFound ? "not_found" : error.status.reasonPhrase.lowercased().replacing(" ", with: "_")
            throw APIError(status: error.status, code: code, message: error.body ?? error.status.reasonPhrase)
        } catch {
            logger.error("request failed", metadata: .parity([.error: Redaction.redact(String(describing: error))]))
            throw APIError(status: .internalServerError, code: "internal", message: "internal error; see the service log")
        }
    }
}
