import LogicalReplication

/// Builds wire payloads for tests, in the style of postgres-nio's `ByteBuffer+Utils.swift`.
struct PgOutputWriter {
    var bytes: [UInt8] = []

    init() {}

    mutating func writeInteger<T: FixedWidthInteger>(_ value: T) {
        for shift in stride(from: T.bitWidth - 8, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> shift))
        }
    }

    mutating func writeByte(_ scalar: Unicode.Scalar) {
        bytes.append(UInt8(ascii: scalar))
    }

    mutating func writeLSN(_ lsn: LSN) { writeInteger(lsn.rawValue) }
    mutating func writeTimestamp(_ time: PostgresTimestamp) { writeInteger(time.microsecondsSince2000) }

    mutating func writeNullTerminatedString(_ string: String) {
        bytes.append(contentsOf: string.utf8)
        bytes.append(0)
    }

    mutating func writeLengthPrefixed(_ value: ColumnBytes) {
        writeInteger(Int32(value.count))
        bytes.append(contentsOf: value.bytes)
    }

    mutating func writeTuple(_ tuple: TupleData) {
        writeInteger(Int16(tuple.columns.count))
        for column in tuple.columns {
            bytes.append(column.kind.rawValue)
            switch column {
            case .null, .unchanged: break
            case .text(let value), .binary(let value): writeLengthPrefixed(value)
            }
        }
    }

    mutating func writeOldTuple(_ old: OldTuple) {
        switch old {
        case .key(let tuple): writeByte("K"); writeTuple(tuple)
        case .full(let tuple): writeByte("O"); writeTuple(tuple)
        }
    }

    /// Encodes any message; the streamed xid is written when the message carries one.
    static func encode(_ message: PgOutputMessage) -> [UInt8] {
        var writer = PgOutputWriter()
        writer.bytes.append(message.id.rawValue)
        switch message {
        case .begin(let m):
            writer.writeLSN(m.finalLSN); writer.writeTimestamp(m.commitTime); writer.writeInteger(m.xid)
        case .commit(let m):
            writer.writeInteger(m.flags); writer.writeLSN(m.commitLSN); writer.writeLSN(m.endLSN); writer.writeTimestamp(m.commitTime)
        case .origin(let m):
            writer.writeLSN(m.commitLSN); writer.writeNullTerminatedString(m.name)
        case .relation(let m):
            if let xid = m.xid { writer.writeInteger(xid) }
            writer.writeInteger(m.oid)
            writer.writeNullTerminatedString(m.namespace)
            writer.writeNullTerminatedString(m.name)
            writer.writeInteger(m.replicaIdentity.rawValue)
            writer.writeInteger(Int16(m.columns.count))
            for column in m.columns {
                writer.writeInteger(column.flags)
                writer.writeNullTerminatedString(column.name)
                writer.writeInteger(column.typeOID)
                writer.writeInteger(column.typeModifier)
            }
        case .type(let m):
            if let xid = m.xid { writer.writeInteger(xid) }
            writer.writeInteger(m.oid); writer.writeNullTerminatedString(m.namespace); writer.writeNullTerminatedString(m.name)
        case .insert(let m):
            if let xid = m.xid { writer.writeInteger(xid) }
            writer.writeInteger(m.relationOID); writer.writeByte("N"); writer.writeTuple(m.newTuple)
        case .update(let m):
            if let xid = m.xid { writer.writeInteger(xid) }
            writer.writeInteger(m.relationOID)
            if let old = m.oldTuple { writer.writeOldTuple(old) }
            writer.writeByte("N"); writer.writeTuple(m.newTuple)
        case .delete(let m):
            if let xid = m.xid { writer.writeInteger(xid) }
            writer.writeInteger(m.relationOID); writer.writeOldTuple(m.oldTuple)
        case .truncate(let m):
            if let xid = m.xid { writer.writeInteger(xid) }
            writer.writeInteger(Int32(m.relationOIDs.count)); writer.writeInteger(m.options.rawValue)
            for oid in m.relationOIDs { writer.writeInteger(oid) }
        case .message(let m):
            if let xid = m.xid { writer.writeInteger(xid) }
            writer.writeInteger(m.flags); writer.writeLSN(m.lsn); writer.writeNullTerminatedString(m.prefix); writer.writeLengthPrefixed(m.content)
        case .streamStart(let m):
            writer.writeInteger(m.xid); writer.writeInteger(UInt8(m.isFirstSegment ? 1 : 0))
        case .streamStop:
            break
        case .streamCommit(let m):
            writer.writeInteger(m.xid); writer.writeInteger(m.flags); writer.writeLSN(m.commitLSN); writer.writeLSN(m.endLSN); writer.writeTimestamp(m.commitTime)
        case .streamAbort(let m):
            writer.writeInteger(m.xid); writer.writeInteger(m.subtransactionXID)
            if let lsn = m.abortLSN, let time = m.abortTime { writer.writeLSN(lsn); writer.writeTimestamp(time) }
        }
        return writer.bytes
    }

    /// A `w` XLogData payload around a pgoutput message.
    static func xLogData(dataStart: LSN, walEnd: LSN, sendTime: PostgresTimestamp, _ message: [UInt8]) -> [UInt8] {
        var writer = PgOutputWriter()
        writer.writeByte("w"); writer.writeLSN(dataStart); writer.writeLSN(walEnd); writer.writeTimestamp(sendTime)
        writer.bytes.append(contentsOf: message)
        return writer.bytes
    }

    /// A `k` keepalive payload.
    static func keepalive(walEnd: LSN, serverTime: PostgresTimestamp, replyRequested: UInt8) -> [UInt8] {
        var writer = PgOutputWriter()
        writer.writeByte("k"); writer.writeLSN(walEnd); writer.writeTimestamp(serverTime); writer.writeInteger(replyRequested)
        return writer.bytes
    }
}
