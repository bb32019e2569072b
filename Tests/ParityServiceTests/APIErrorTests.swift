import Hummingbird
@testable import ParityService
import SourceQueries
import Testing

@Suite("HTTP status from error codes")
struct APIErrorTests {
    @Test("a bad argument is 400, a source, replication or store that cannot be used 503, any other engine failure 500")
    func statusByCode() {
        let expected: [(EngineError.Code, HTTPResponse.Status, String)] = [
            (.usage, .badRequest, "bad_request"),
            (.sourceUnreachable, .serviceUnavailable, "source_unreachable"), (.sourceRefused, .serviceUnavailable, "source_unreachable"),
            (.replicationUnusable, .serviceUnavailable, "source_unreachable"), (.timedOut, .serviceUnavailable, "source_unreachable"),
            (.storeUnavailable, .serviceUnavailable, "source_unreachable"), (.captureRunning, .serviceUnavailable, "source_unreachable"),
            (.configuration, .internalServerError, "engine_error"), (.alreadyInitialized, .internalServerError, "engine_error"),
            (.notReady, .internalServerError, "engine_error"), (.store, .internalServerError, "engine_error"),
            (.fileSystem, .internalServerError, "engine_error"), (.bug, .internalServerError, "engine_error"),
        ]
        for (code, status, name) in expected {
            let error = APIError(EngineError(code, source: nil, message: "no table mapping is named x", fix: "give one of: a"))
            #expect(error.status == status && error.code == name, "\(code)")
        }
        #expect(APIError(EngineError(.usage, source: nil, message: "no table mapping is named x", fix: "f")).message == "no table mapping is named x")
    }

    @Test("an error that is not the engine's is 500 without detail")
    func otherError() {
        struct Unexpected: Error {}
        let error = APIError(Unexpected())
        #expect(error.status == .internalServerError && error.code == "internal" && !error.message.contains("Unexpected"))
    }
}
