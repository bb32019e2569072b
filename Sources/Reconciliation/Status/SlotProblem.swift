/// Why a source's replication slot can no longer give Parity the changes it still needs. Each needs a new baseline.
public enum SlotProblem: Sendable, Equatable {
    /// The slot does not exist (dropped, or the server was rebuilt from a backup).
    case missing
    /// PostgreSQL invalidated it (`wal_status = lost`): WAL it still needed was removed (`max_slot_wal_keep_size`).
    case lost
    /// Its confirmed position is past everything the store holds: it was dropped and created again (or another client
    /// consumed it), so the changes between were never captured.
    case recreated(confirmed: String, stored: String)

    /// The problem of a slot as the server reports it, given the store's durable position for that source.
    public static func of(_ slot: ServerSlotStatus, storeCheckpoint: String) -> SlotProblem? {
        guard slot.exists else { return .missing }
        if slot.walStatus == "lost" { return .lost }
        if let confirmed = slot.confirmedFlushLSN, let ahead = lsn(confirmed), let stored = lsn(storeCheckpoint), ahead > stored {
            return .recreated(confirmed: confirmed, stored: storeCheckpoint)
        }
        return nil
    }

    /// One line: what happened to `slot`.
    public func summary(slot: String) -> String {
        switch self {
        case .missing:
            "replication slot \(slot) no longer exists: the changes since the store's last position can never be read"
        case .lost:
            "replication slot \(slot) is lost (wal_status = lost): PostgreSQL removed WAL it still needed "
                + "(max_slot_wal_keep_size), so the changes since the store's last position can never be read"
        case .recreated(let confirmed, let stored):
            "replication slot \(slot) was confirmed through \(confirmed), past the store's \(stored): it was dropped and "
                + "created again (or read by another client), so the changes between were never captured"
        }
    }

    /// What to do: a new baseline, since the missing changes cannot be read from the slot again.
    public static func rebaseline(configFile: String, storePath: String) -> String {
        "take a new baseline: stop capture (and the service), parity teardown --config \(configFile), "
            + "move \(storePath) aside, parity init --config \(configFile)"
    }

    /// `16/B374D848` as a number; nil when it is not an LSN.
    static func lsn(_ text: String) -> UInt64? {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let high = UInt64(parts[0], radix: 16), let low = UInt64(parts[1], radix: 16),
              high <= UInt64(UInt32.max), low <= UInt64(UInt32.max) else { return nil }
        return high << 32 | low
    }
}
