import LogicalReplication
import ParityTestSupport
import Testing

struct RandomizedInputTests {
    /// Feeds 100 000 mutated payloads (bit flips, truncations, insertions, deletions), interleaved with the
    /// valid ones, to the envelope decoder, pgoutput decoder and assembler; stops early after 20 s.
    /// Any trap fails the run; typed errors are expected.
    @Test func mutatedPayloadsNeverCrash() throws {
        var valid: [[UInt8]] = []
        for name in ["v1.bin", "v2-streaming.bin"] {
            valid += try Fixture(named: name).payloads
        }
        for message in Samples.protocol1 + Samples.streamControl + Samples.insideStreamBlock {
            valid.append(PgOutputWriter.xLogData(dataStart: LSN(1), walEnd: LSN(2), sendTime: Samples.time, PgOutputWriter.encode(message)))
        }
        var random = SplitMix64(seed: 0x5EED_2026)
        let mutationTarget = 100_000
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(20)
        var decoder = PgOutputDecoder()
        var assembler = TransactionAssembler()
        var mutated = 0, decoded = 0, assemblerErrors = 0
        var cursor = 0
        while mutated < mutationTarget && (mutated % 1000 != 0 || clock.now < deadline) {
            // Walk the streams in order so the assembler sees realistic sequences, mutating one payload in two.
            if cursor == valid.count {
                cursor = 0
                decoder = PgOutputDecoder()
                assembler = TransactionAssembler()
            }
            var payload = valid[cursor]
            cursor += 1
            if Bool.random(using: &random) {
                for _ in 0...Int.random(in: 0..<3, using: &random) {
                    mutate(&payload, using: &random)
                }
                mutated += 1
            }
            guard case .xLogData(let data)? = try? ReplicationMessage.decode(from: payload),
                  let message = try? decoder.decode(data.data) else { continue }
            decoded += 1
            do {
                _ = try assembler.messageReceived(message, walStart: data.dataStart)
            } catch {
                assemblerErrors += 1
            }
        }
        #expect(mutated >= mutationTarget || clock.now >= deadline)
        #expect(decoded > 0 && assemblerErrors > 0)
    }

    private func mutate(_ payload: inout [UInt8], using random: inout SplitMix64) {
        guard !payload.isEmpty else { payload = [UInt8.random(in: 0...255, using: &random)]; return }
        // Most mutations target the first bytes, where the headers and counts are.
        let span = Bool.random(using: &random) ? min(payload.count, 64) : payload.count
        let index = Int.random(in: 0..<span, using: &random)
        switch Int.random(in: 0..<6, using: &random) {
        case 0: payload[index] ^= 1 << UInt8.random(in: 0..<8, using: &random)
        case 1: payload[index] = UInt8.random(in: 0...255, using: &random)
        case 2: payload.removeSubrange(index...)
        case 3: payload.insert(UInt8.random(in: 0...255, using: &random), at: index)
        case 4: payload.remove(at: index)
        default: payload[index] = [0x00, 0xFF, 0x7F, 0x80][Int.random(in: 0..<4, using: &random)]
        }
    }
}
