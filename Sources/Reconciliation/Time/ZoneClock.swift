import Foundation

/// Converts between UTC instants (whole seconds since 1970) and wall-clock times in one IANA zone.
struct ZoneClock: Sendable {
    let zone: TimeZone

    /// The clock of the zone `identifier`; nil when the zone is unknown.
    init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.zone = zone
    }

    /// UTC offset in seconds in effect at `instant` (seconds since 1970).
    func offset(at instant: Int64) -> Int64 {
        Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))))
    }

    /// Wall-clock seconds since 1970-01-01T00:00 local at `instant`.
    func local(at instant: Int64) -> Int64 {
        instant + offset(at: instant)
    }

    /// The first instant whose wall-clock time is `local` or, inside a DST gap, the transition ending the gap.
    ///
    /// In a fall-back overlap the earlier of the two instants is returned.
    func instant(forLocal local: Int64) -> Int64 {
        let offsets = Set([offset(at: local - 86_400), offset(at: local + 86_400), offset(at: local)])
        let valid = offsets.map { local - $0 }.filter { self.local(at: $0) == local }
        if let first = valid.min() { return first }
        let before = local - offsets.max()!
        let probe = Date(timeIntervalSince1970: TimeInterval(before))
        guard let transition = zone.nextDaylightSavingTimeTransition(after: probe) else { return local - offsets.min()! }
        return Int64(transition.timeIntervalSince1970.rounded(.up))
    }

    /// The instant PostgreSQL gives local time `local` in this zone: in a DST gap the offset before the
    /// transition applies, in a fall-back overlap the offset after it (the later instant).
    func postgresInstant(forLocal local: Int64) -> Int64 {
        let before = offset(at: local - 86_400)
        let after = offset(at: local + 86_400)
        if self.local(at: local - after) == local { return local - after }
        return local - before
    }
}
