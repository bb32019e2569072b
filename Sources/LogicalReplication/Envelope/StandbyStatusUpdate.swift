/// `r`: the client's standby status update; only `flush` advances the slot.
public struct StandbyStatusUpdate: Hashable, Sendable {
    /// The type byte.
    public static let id: UInt8 = 0x72  // ascii: r
    /// The encoded size in bytes.
    public static let encodedSize = 34

    /// The last WAL position received.
    public var write: LSN
    /// The last WAL position durably applied: the slot's confirmed flush.
    public var flush: LSN
    /// The last WAL position applied.
    public var apply: LSN
    /// The client's clock.
    public var clientTime: PostgresTimestamp
    /// Whether the server should answer at once with a keepalive.
    public var replyRequested: Bool

    /// Creates an update.
    public init(write: LSN, flush: LSN, apply: LSN, clientTime: PostgresTimestamp, replyRequested: Bool = false) {
        self.write = write
        self.flush = flush
        self.apply = apply
        self.clientTime = clientTime
        self.replyRequested = replyRequested
    }

    /// The 34-byte CopyData payload.
    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.encodedSize)
        bytes.append(Self.id)
        for value in [write.rawValue, flush.rawValue, apply.rawValue, UInt64(bitPattern: clientTime.microsecondsSince2000)] {
            for shift in stride(from: 56, through: 0, by: -8) {
                bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
            }
        }
        bytes.append(replyRequested ? 1 : 0)
        return bytes
    }
}
