import Foundation
import GRDB
@testable import ParityStore
import ParityTestSupport
import Testing

/// Two handles on one store file, as two `parity` processes have: a write waits for the other's transaction.
@Suite("A store shared by two processes")
struct SharedStoreTests {
    @Test("a write waits while another connection holds a write transaction, then commits")
    func writeWaitsForTheOther() throws {
        let scratch = try ScratchDirectory("shared")
        let path = scratch.file("parity.sqlite")
        let first = try ParityStore.open(path: path)
        let second = try ParityStore.open(path: path)
        let holding = DispatchSemaphore(value: 0)
        let holder = Thread {
            try? first.write { db in
                try StoreInfo.set(db, "holder", "first")
                holding.signal()
                Thread.sleep(forTimeInterval: 1)  // about real time: the lock is held this long
            }
        }
        holder.start()
        holding.wait()
        // Without a busy timeout this throws at once: SQLite error 5, database is locked.
        try second.write { db in try StoreInfo.set(db, "waiter", "second") }
        #expect(try second.read { try StoreInfo.get($0, "holder") } == "first")
        #expect(try first.read { try StoreInfo.get($0, "waiter") } == "second")
    }
}
