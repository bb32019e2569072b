import ParityModel

/// What retiring census samples keeps of them, exact for the census of any window made of closed cycles' windows: the
/// samples per cycle, and each client per cycle with its first and last sample, how many, and its statement kinds. A
/// sample counts under the closed cycle its time belongs to (``ClosedWindows``); one in none is dropped. The stores
/// group the samples in SQL; this adds up their groups.
package struct CensusSummary {
    /// The samples a store retires in one step at most.
    package static let samplesPerStep = 2_000

    /// Samples taken, and how many by a role without `pg_read_all_stats`.
    package struct Samples: Equatable {
        package var samples: Int
        package var limited: Int
    }

    /// A client in one cycle: its identity's texts told apart by their bytes, as the stores group them.
    package struct CycleClient: Hashable {
        package var cycle: Int64
        package var role: ExactText
        package var database: ExactText
        package var applicationName: ExactText
        package var clientAddress: ExactText
        package var backendType: ExactText

        package init(cycle: Int64, _ identity: CensusClient.Identity) {
            self.cycle = cycle
            role = ExactText(identity.role)
            database = ExactText(identity.database)
            applicationName = ExactText(identity.applicationName)
            clientAddress = ExactText(identity.clientAddress)
            backendType = ExactText(identity.backendType)
        }
    }

    /// When a client was seen: first and last sample, how many samples, and the statement kinds.
    package struct Seen: Equatable {
        package var firstSeen: Int64
        package var lastSeen: Int64
        package var samples: Int
        package var kinds: Set<StatementKind>

        package init(firstSeen: Int64, lastSeen: Int64, samples: Int, kinds: Set<StatementKind>) {
            self.firstSeen = firstSeen
            self.lastSeen = lastSeen
            self.samples = samples
            self.kinds = kinds
        }

        /// The kinds as the summary stores them: comma-separated, in `StatementKind` order.
        package var kindsText: String {
            kinds.sorted().map(\.rawValue).joined(separator: ",")
        }
    }

    /// Where retired samples belong.
    package let windows: ClosedWindows
    /// Samples per cycle.
    package private(set) var cycleSamples: [Int64: Samples] = [:]
    /// Clients per cycle.
    package private(set) var clients: [CycleClient: Seen] = [:]

    /// An empty summary over the windows of `cycles` (the closed ones).
    package init(cycles: [CycleRecord]) {
        windows = ClosedWindows(cycles)
    }

    /// Adds `samples` samples (`limited` of them limited) taken at `time`.
    package mutating func add(samples: Int, limited: Int, takenAt time: Int64) {
        guard let cycle = windows.cycle(containing: time) else { return }
        cycleSamples[cycle, default: Samples(samples: 0, limited: 0)].samples += samples
        cycleSamples[cycle, default: Samples(samples: 0, limited: 0)].limited += limited
    }

    /// Adds a client seen in samples taken at `time` (their first and last, how many, and the kinds shown).
    package mutating func add(_ identity: CensusClient.Identity, seen: Seen, takenAt time: Int64) {
        guard let cycle = windows.cycle(containing: time) else { return }
        let key = CycleClient(cycle: cycle, identity)
        guard var known = clients[key] else {
            clients[key] = seen
            return
        }
        known.firstSeen = min(known.firstSeen, seen.firstSeen)
        known.lastSeen = max(known.lastSeen, seen.lastSeen)
        known.samples += seen.samples
        known.kinds.formUnion(seen.kinds)
        clients[key] = known
    }

    /// The statement kinds of a comma-separated list (a group's, or several groups' joined); throws
    /// ``UnknownStoredValue`` naming a kind this Parity does not know.
    package static func kinds(_ text: String) throws -> Set<StatementKind> {
        var kinds = Set<StatementKind>()
        for name in text.split(separator: ",") {
            guard let kind = StatementKind(rawValue: String(name)) else {
                throw UnknownStoredValue(column: "statement_kind", value: String(name), expected: "statement kind")
            }
            kinds.insert(kind)
        }
        return kinds
    }
}
