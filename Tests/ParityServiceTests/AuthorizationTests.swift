import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import ParityConfig
import ParityEngine
import ParityService
import ParityStore
import ParityTestSupport
import SourceQueries
import Testing

@Suite("parity run's HTTP edge: bearer token, JSON errors, listen address")
struct AuthorizationTests {
    let scratch: ScratchDirectory

    init() throws {
        scratch = try ScratchDirectory("service")
    }

    @Test("with a token, a missing or wrong bearer gets 401 (but /healthz); unknown cycles and routes get a 404 JSON error")
    func bearerTokenAndErrors() async throws {
        let scenario = try ServiceScenario(token: "s3cret-token")
        defer { scenario.stop() }
        let application = try buildApplication(configuration: scenario.configuration, store: scenario.store, logger: Logger(label: "test"))
        try await application.test(.live) { client in
            #expect(try await client.get("/healthz").status == 200)
            // `/` names what is served, without a token; other methods than GET and HEAD are 405, HEAD has no body.
            let index = try await client.get("/")
            #expect(index.status == 200 && index.body.contains("/api/v1/differences"))
            let post = try await client.executeRequest(uri: "/api/v1/cycles", method: .post, headers: [.authorization: "Bearer s3cret-token"], body: nil)
            #expect(post.status == .methodNotAllowed && post.headers[.allow] == "GET, HEAD", "\(post.status) \(post.headers)")
            let head = try await client.executeRequest(uri: "/api/v1/cycles", method: .head, headers: [.authorization: "Bearer s3cret-token"], body: nil)
            #expect(head.status == .ok && head.body.readableBytes == 0, "\(head.status) \(head.headers)")
            let missing = try await client.get("/api/v1/cycles")
            #expect(missing.status == 401 && missing.body.contains(#""code" : "unauthorized""#))
            #expect(!missing.body.contains("s3cret-token"))
            #expect(try await client.get("/metrics", token: "wrong-token").status == 401)
            #expect(try await client.get("/readyz", token: "s3cret-token-but-longer").status == 401)
            #expect(try await client.get("/api/v1/cycles", token: "s3cret-token").status == 200)
            // The scheme is case-insensitive (RFC 9110); another scheme is not a bearer token.
            #expect(try await client.get("/api/v1/cycles", token: "s3cret-token", scheme: "bearer").status == 200)
            #expect(try await client.get("/api/v1/cycles", token: "s3cret-token", scheme: "Basic").status == 401)
            let unknown = try await client.get("/api/v1/cycles/999", token: "s3cret-token")
            #expect(unknown.status == 404 && unknown.body.contains(#""code" : "not_found""#) && unknown.body.contains("cycle 999"))
            #expect(try await client.get("/api/v1/cycles/abc", token: "s3cret-token").status == 400)
            #expect(try await client.get("/api/v1/months/2026-13", token: "s3cret-token").status == 400)
            #expect(try await client.get("/api/v1/months/1999-01", token: "s3cret-token").status == 404)
            #expect(try await client.get("/reports/eod/999.html", token: "s3cret-token").status == 404)
            let route = try await client.get("/nowhere", token: "s3cret-token")
            #expect(route.status == 404 && route.body.contains(#""error" : {"#))
            let gate = try await client.get("/api/v1/gate", token: "s3cret-token")
            #expect(gate.status == 200 && gate.body.contains(#""schema" : "parity.gate/1""#), "\(gate.body)")
            let inventory = try await client.get("/api/v1/inventory", token: "s3cret-token")
            #expect(inventory.status == 200 && inventory.body.contains(#""schema" : "parity.inventory/1""#))
        }
    }

    @Test("a non-loopback listen address without a token is refused with exit code 2")
    func nonLoopbackNeedsToken() throws {
        let yaml = """
            sources:
              legacy: { dsn: "host=127.0.0.1 port=1 dbname=legacy" }
              new: { dsn: "host=127.0.0.1 port=1 dbname=modern" }
            tables: []
            """
        var configuration = try ParityConfiguration.parse(yaml: yaml, file: "parity.yaml", environment: [:])
        configuration.http = HTTPConfiguration(listen: ListenAddress(host: "0.0.0.0", port: 0), token: nil)
        let store = try ParityStore.open(path: scratch.file("parity.sqlite"))
        #expect {
            _ = try buildApplication(configuration: configuration, store: store, logger: Logger(label: "test"))
        } throws: { error in
            (error as? EngineError)?.code == .configuration && "\(error)".contains("http.token")
        }
    }
}
