import Foundation
import LogicalReplication

/// A replication stream captured from PostgreSQL 15 (see Fixtures/README.md): CopyData payloads, each
/// stored as a 4-byte big-endian length and the bytes.
struct Fixture {
    let payloads: [[UInt8]]

    static let directory: String = {
        let file = "\(#filePath)"
        let supportDirectory = file[..<file.lastIndex(of: "/")!]
        let testsDirectory = supportDirectory[..<supportDirectory.lastIndex(of: "/")!]
        return testsDirectory + "/Fixtures"
    }()

    init(named name: String) throws {
        let path = Self.directory + "/" + name
        guard let contents = FileManager.default.contents(atPath: path) else { throw FixtureError.unreadable(path) }
        let data = [UInt8](contents)
        var payloads: [[UInt8]] = []
        var reader = ByteReader(data)
        while reader.remaining > 0 {
            guard let length = reader.readInt32(), let payload = reader.readBytes(Int(length)) else {
                throw FixtureError.malformed(path)
            }
            payloads.append(Array(payload))
        }
        self.payloads = payloads
    }

    /// One XLogData: its header and decoded pgoutput message.
    struct Entry {
        var header: XLogData
        var message: PgOutputMessage
    }

    /// The XLogData entries in order (keepalives skipped), decoded with a stream-aware decoder.
    func entries() throws -> [Entry] {
        var decoder = PgOutputDecoder()
        var entries: [Entry] = []
        for payload in payloads {
            if case .xLogData(let header) = try ReplicationMessage.decode(from: payload) {
                entries.append(Entry(header: header, message: try decoder.decode(header.data)))
            }
        }
        return entries
    }

    /// Everything the assembler emits for this stream.
    func assembled() throws -> [AssemblerEvent] {
        var assembler = TransactionAssembler()
        var events: [AssemblerEvent] = []
        for entry in try entries() {
            if let event = try assembler.messageReceived(entry.message, walStart: entry.header.dataStart) {
                events.append(event)
            }
        }
        return events
    }
}

enum FixtureError: Error {
    case unreadable(String)
    case malformed(String)
}

