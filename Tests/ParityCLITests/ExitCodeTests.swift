import Foundation
@testable import parity
import ParityConfig
import ParityStore
import PostgresClient
import SourceQueries
import Testing

@Suite("Exit codes from error codes")
struct ExitCodeTests {
    @Test("each engine error code maps to DESIGN's exit code: 2 usage or configuration, 3 unreachable or replication unusable")
    func engineCodes() {
        let expected: [(EngineError.Code, Int32)] = [
            (.usage, 2), (.configuration, 2), (.alreadyInitialized, 2), (.notReady, 2), (.store, 2), (.fileSystem, 2), (.bug, 2),
            (.sourceUnreachable, 3), (.sourceRefused, 3), (.replicationUnusable, 3), (.timedOut, 3), (.storeUnavailable, 3),
            (.captureRunning, 3),
        ]
        for (code, exitCode) in expected {
            let failure = CommandFailure(EngineError(code, source: "legacy", message: "m", fix: "f"))
            #expect(failure.exitCode == exitCode, "\(code)")
        }
    }

    @Test("store and configuration failures keep their exit codes: a held or damaged store 3, any other 2")
    func storeAndConfiguration() {
        let busy = CommandFailure(StoreError(code: .busy, message: "locked", path: "/p"))
        let corrupt = CommandFailure(StoreError(code: .corrupt, message: "not a database", path: "/p"))
        let running = CommandFailure(StoreError(code: .captureRunning, message: "capture is already running", path: "/p"))
        let other = CommandFailure(StoreError(code: .databaseError, message: "disk I/O error", path: "/p"))
        #expect([busy, corrupt, running, other].map(\.exitCode) == [3, 3, 3, 2])
        #expect([busy, running, other].map(\.code) == [.storeUnavailable, .captureRunning, .store])
        let configuration = CommandFailure(ConfigurationError(issues: []))
        #expect(configuration.exitCode == 2 && configuration.code == .configuration)
    }

    @Test("a source's error no operation worded exits 3, never 1 (a failed gate), with a password removed")
    func postgresErrors() throws {
        let unreachable = try #require(CommandFailure.from(PostgresError(
            code: .connectionFailed, message: "connection to server at 127.0.0.1 failed (password=hunter2)")))
        #expect(unreachable.exitCode == 3 && unreachable.code == .sourceUnreachable)
        #expect(!unreachable.text.contains("hunter2"))
        let refused = try #require(CommandFailure.from(PostgresError(code: .serverError, message: "permission denied", sqlState: "42501")))
        #expect(refused.exitCode == 3 && refused.code == .sourceRefused && refused.text.contains("parity check"))
    }

    @Test("parity.error/1 carries the code's name as reason beside the exit code's class")
    func reasonInJSON() throws {
        let failure = CommandFailure(EngineError(.replicationUnusable, source: "new", message: "slot lost", fix: "take a new baseline"))
        let document = try #require(JSONSerialization.jsonObject(with: Data(failure.json().utf8)) as? [String: Any])
        let error = try #require(document["error"] as? [String: Any])
        #expect(error["code"] as? String == "unavailable" && error["reason"] as? String == "replication_unusable")
        #expect(error["exit_code"] as? Int == 3 && error["source"] as? String == "new")
    }
}
