@testable import ParityEngine
import ParityStore
import Testing

@Suite("Store failures as engine errors")
struct EngineErrorTests {
    @Test("a store locked past the busy timeout is exit 3 with what to do; another store error exit 2 with the given fix")
    func storeFailures() {
        let busy = EngineError.store(
            StoreError(code: .busy, message: "locked", path: "/var/lib/parity/parity.sqlite"), doing: "closing cycles", fix: "check store.path")
        #expect(busy.exitCode == 3)
        #expect(busy.description.contains("another Parity process kept the store locked") && busy.description.contains("run it again"))
        #expect(!busy.description.contains("check store.path"))
        let other = EngineError.store(
            StoreError(code: .databaseError, message: "disk I/O error", path: "/p"), doing: "closing cycles", fix: "check the store file")
        #expect(other.exitCode == 2 && other.description.hasSuffix("; check the store file"))
    }
}
