import LogicalReplication

/// One replication connection's decoding state, fed payload by payload as capture's stream loop feeds it: a payload
/// the envelope or pgoutput decoder rejects, or a message the assembler rejects, ends the connection, and the next
/// payload starts a new one (capture reconnects). Checks what must hold whatever the input.
struct StreamFeed {
    /// Small, so chunked transactions and blocks are handed on often.
    static let maxHeldChanges = 4
    private var decoder = PgOutputDecoder()
    private var assembler = TransactionAssembler(maxHeldChanges: maxHeldChanges)

    /// Decodes and assembles one CopyData payload.
    mutating func payloadReceived(_ payload: [UInt8]) {
        guard case .xLogData(let data)? = try? ReplicationMessage.decode(from: payload),
              let message = try? decoder.decode(data.data)
        else { return reconnect() }
        let event: AssemblerEvent?
        do {
            event = try assembler.messageReceived(message, walStart: data.dataStart)
        } catch {
            return reconnect()
        }
        switch event {
        case .transaction(let transaction)?:
            precondition(assembler.openTransactionXID == nil, "a transaction was handed on while still open")
            precondition(transaction.changes.count <= Self.maxHeldChanges, "a transaction larger than the limit was held whole")
        case .streamedChanges(let changes)?:
            precondition(changes.changes.count <= Self.maxHeldChanges, "more changes held than the limit")
        case .streamCommitted, .streamAborted, .message, nil:
            break
        }
    }

    private mutating func reconnect() {
        decoder = PgOutputDecoder()
        assembler = TransactionAssembler(maxHeldChanges: Self.maxHeldChanges)
    }
}
