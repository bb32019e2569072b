import ParityModel
import Testing
@testable import Reconciliation

@Suite("Statement kinds from the first keyword")
struct StatementKindTests {
    private func kind(_ keyword: String?, modifies: Bool = false, backend: String = "client backend", visible: Bool = true) -> StatementKind {
        StatementKind.classify(keyword: keyword, modifiesData: modifies, backendType: backend, visible: visible)
    }

    @Test func classification() {
        #expect(kind("SELECT") == .read)
        #expect(kind("insert") == .write)
        #expect(kind("truncate") == .write)
        #expect(kind("with") == .read)
        #expect(kind("with", modifies: true) == .write)
        #expect(kind("copy") == .read)
        #expect(kind("copy", modifies: true) == .write)
        #expect(kind("alter") == .ddl)
        #expect(kind("begin") == .other)
        #expect(kind("") == .other)
        #expect(kind(nil) == .other)
        #expect(kind("START", backend: "walsender") == .replication)
        #expect(kind("select", visible: false) == .hidden)
        #expect([StatementKind.other, .write, .read].sorted() == [.read, .write, .other])
    }
}
