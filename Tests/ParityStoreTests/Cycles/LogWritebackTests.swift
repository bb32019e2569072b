import Foundation
@testable import ParityStore
import Testing

@Suite("Flushing the log while a close goes on")
struct LogWritebackTests {
    @Test("a flush of an existing file finishes; a file that does not exist has nothing to flush")
    func flush() throws {
        let path = NSTemporaryDirectory() + "parity-writeback-\(UUID().uuidString)"
        #expect(LogWriteback.start(path: path) == nil)
        try Data(repeating: 7, count: 1 << 20).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writeback = try #require(LogWriteback.start(path: path))
        writeback.wait()
    }
}
