import Foundation
import GRDB
@testable import ParityStore
import ParityTestSupport
import Testing

@Suite("A store another process keeps locked")
struct BusyStoreTests {
    @Test("a write waits out the busy timeout, then fails as busy, saying so; nothing about the path or permissions")
    func busyPastTimeout() throws {
        let scratch = try ScratchDirectory("busy")
        let path = scratch.file("parity.sqlite")
        let store = try ParityStore.open(path: path, busyTimeout: 0.3)
        var holding = Configuration()
        holding.allowsUnsafeTransactions = true  // another process's transaction, held open across accesses
        let other = try DatabaseQueue(path: path, configuration: holding)
        try other.writeWithoutTransaction { db in try db.execute(sql: "BEGIN IMMEDIATE") }
        let started = ContinuousClock.now
        let error = #expect(throws: StoreError.self) {
            try store.recordCaptureError(side: .legacy, "x")
        }
        #expect(ContinuousClock.now - started >= .milliseconds(300), "it waited for the lock")
        #expect(error?.code == .busy)
        #expect(error?.description.contains("another process kept the store locked") == true, "\(String(describing: error))")
        #expect(error?.description.contains("writable") == false)
        try other.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") }
        try store.recordCaptureError(side: .legacy, "x")  // free again: works
    }
}
