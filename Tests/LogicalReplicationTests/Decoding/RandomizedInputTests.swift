import LogicalReplication
import ParityTestSupport
import Testing

struct RandomizedInputTests {
    /// Feeds 100 000 mutated payloads (bit flips, truncations, insertions, deletions), interleaved with the
    /// valid ones, to the envelope decoder, pgoutput decoder and assembler. Any trap fails the run; typed errors are
    /// expected, and each layer must both accept and reject some of what it is fed (a decoder that rejected
    /// everything, or accepted every mutation, fails).
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
        var decoder = PgOutputDecoder()
        var assembler = TransactionAssembler()
        var mutated = 0, fed = 0
        var rejected = (envelope: 0, decoder: 0, assembler: 0)
        var accepted = (envelope: 0, decoder: 0, assembler: 0)
        var cursor = 0
        while mutated < mutationTarget {
            // Walk the streams in order so the assembler sees realistic sequences, mutating one payload in two.
            if cursor == valid.count {
                cursor = 0
                decoder = PgOutputDecoder()
                assembler = TransactionAssembler()
            }
            var payload = valid[cursor]
            cursor += 1
            fed += 1
            if Bool.random(using: &random) {
                for _ in 0...Int.random(in: 0..<3, using: &random) {
                    mutate(&payload, using: &random)
                }
                mutated += 1
            }
            guard case .xLogData(let data)? = try? ReplicationMessage.decode(from: payload) else { rejected.envelope += 1; continue }
            accepted.envelope += 1
            guard let message = try? decoder.decode(data.data) else { rejected.decoder += 1; continue }
            accepted.decoder += 1
            do {
                _ = try assembler.messageReceived(message, walStart: data.dataStart)
                accepted.assembler += 1
            } catch {
                rejected.assembler += 1
            }
        }
        #expect(fed > mutated, "valid payloads are interleaved with the mutated ones")
        #expect(rejected.envelope > 0 && accepted.envelope > 0, "envelope: \(accepted.envelope) accepted, \(rejected.envelope) rejected")
        #expect(rejected.decoder > 0 && accepted.decoder > 0, "pgoutput: \(accepted.decoder) accepted, \(rejected.decoder) rejected")
        #expect(rejected.assembler > 0 && accepted.assembler > 0, "assembler: \(accepted.assembler) accepted, \(rejected.assembler) rejected")
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
