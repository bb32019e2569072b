import Foundation

/// Cuts the captured replication streams (Tests/LogicalReplicationTests/Fixtures/*.bin: CopyData payloads, each a
/// 4-byte big-endian length and its bytes) into small seeds for the pgoutput fuzz target, in the same framing: one
/// seed per transaction or streamed block (its Begin or Stream Start through its Commit or Stream Stop, at most
/// `window` payloads), each preceded
/// by every Relation and Type message the stream sent before it, so the assembler can place its rows.
enum SeedCorpus {
    /// Payloads per seed at most, so seeds stay a few kilobytes and the fuzzer fast.
    static let window = 32

    /// Writes the seeds of every `.bin` fixture in `fixtures` into `directory`; returns how many.
    static func write(fixtures: String, to directory: String) throws -> Int {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var written = 0
        let names = try FileManager.default.contentsOfDirectory(atPath: fixtures).filter { $0.hasSuffix(".bin") }.sorted()
        for name in names {
            guard let data = FileManager.default.contents(atPath: fixtures + "/" + name) else { throw SoakError("cannot read \(name)") }
            for (index, seed) in try seeds(payloads(of: [UInt8](data), name: name)).enumerated() {
                let framed = seed.flatMap { payload in withUnsafeBytes(of: UInt32(payload.count).bigEndian, Array.init) + payload }
                try Data(framed).write(to: URL(fileURLWithPath: "\(directory)/\(name)-\(index)"))
                written += 1
            }
        }
        return written
    }

    /// The payloads of one fixture file.
    static func payloads(of bytes: [UInt8], name: String) throws -> [[UInt8]] {
        var payloads: [[UInt8]] = []
        var offset = 0
        while offset < bytes.count {
            guard offset + 4 <= bytes.count else { throw SoakError("\(name): a length is cut at byte \(offset)") }
            let length = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            guard offset + 4 + length <= bytes.count else { throw SoakError("\(name): a payload is cut at byte \(offset)") }
            payloads.append(Array(bytes[offset + 4..<offset + 4 + length]))
            offset += 4 + length
        }
        return payloads
    }

    /// Transaction and block windows, each after the schema messages seen so far.
    static func seeds(_ payloads: [[UInt8]]) -> [[[UInt8]]] {
        // An XLogData payload is `w`, a 24-byte header, then the pgoutput message, whose first byte is its type.
        func type(_ payload: [UInt8]) -> UInt8? { payload.count > 25 && payload[0] == UInt8(ascii: "w") ? payload[25] : nil }
        var schema: [[UInt8]] = []
        var seeds: [[[UInt8]]] = []
        for (index, payload) in payloads.enumerated() {
            switch type(payload) {
            case UInt8(ascii: "R"), UInt8(ascii: "Y"):
                schema.append(payload)
            case UInt8(ascii: "B"), UInt8(ascii: "S"):
                let rest = payloads[index..<min(index + window, payloads.count)]
                let end = rest.firstIndex { [UInt8(ascii: "C"), UInt8(ascii: "E")].contains(type($0)) } ?? rest.endIndex - 1
                seeds.append(schema + rest[...end])
            default:
                break
            }
        }
        return seeds
    }
}
