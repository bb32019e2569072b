import Foundation
@testable import ParityStore
import ParityTestSupport
import Testing

/// Issue 30: a damaged store is refused with what to do, never read or written as if it were fine.
@Suite("A damaged store")
struct DamagedStoreTests {
    let scratch: ScratchDirectory

    init() throws {
        scratch = try ScratchDirectory("damaged")
    }

    @Test("a new store and its log are readable by their owner only: they hold raw row values")
    func newStoreIsPrivate() throws {
        let path = scratch.file("private.sqlite")
        let store = try ParityStore.open(path: path)
        try store.write { db in try db.execute(sql: "CREATE TABLE t (x)") }
        for file in [path, path + "-wal"] {
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int)
            #expect(mode & 0o077 == 0, "\(file) has mode \(String(mode, radix: 8))")
        }
    }

    @Test("a store file of 0 bytes is not taken for a new store")
    func emptyFile() throws {
        let path = scratch.file("parity.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let error = #expect(throws: StoreError.self) { _ = try ParityStore.open(path: path) }
        #expect(error?.code == .corrupt)
        #expect(error?.description.contains("the store file is empty (0 bytes)") == true)
        #expect(error?.description.contains("restore it") == true && error?.description.contains("store.path") == false)
    }

    @Test("a file that is not a store is refused at open")
    func garbage() throws {
        let path = scratch.file("parity.sqlite")
        var generator = SplitMix64(seed: 30)
        let bytes = (0..<65_536).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let error = #expect(throws: StoreError.self) { _ = try ParityStore.open(path: path) }
        #expect(error?.code == .corrupt, "\(String(describing: error))")
        #expect(error?.description.contains("damaged or not a Parity store") == true)
    }

    @Test("pages overwritten with garbage: quick_check finds them and says what to do; a sound store passes")
    func damagedPages() throws {
        let path = scratch.file("parity.sqlite")
        do {
            let store = try ParityStore.open(path: path)
            try store.quickCheck()
            try store.write { db in
                try db.execute(sql: "CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT)")
                for id in 0..<2_000 { try db.execute(sql: "INSERT INTO filler VALUES (?, ?)", arguments: [id, String(repeating: "x", count: 200)]) }
            }
        }
        // The store released: its log is checkpointed into the file. Overwrite pages in the middle (4 KiB each) with garbage.
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2 / 4096 * 4096)
        handle.write(Data(repeating: 0xA5, count: 4096 * 4))
        try handle.close()
        let store = try ParityStore.open(path: path)
        let error = #expect(throws: StoreError.self) { try store.quickCheck() }
        #expect(error?.code == .corrupt, "\(String(describing: error))")
        #expect(error?.description.contains("PRAGMA quick_check found") == true)
    }
}
