import ParityConfig
import ParityModel

/// Whether anything but Parity still uses the legacy database: clients in the census, outbound
/// integrations and other consumers of its changes in the inventory. Pure; the gate calls it.
public enum LegacyUse {
    /// A client that used legacy in the window, with the cycles it was seen in.
    public struct Offender: Sendable, Hashable {
        /// Who it is.
        public var identity: CensusClient.Identity
        /// The cycles it was seen in, oldest first.
        public var cycles: [Int64]
        /// The statement kinds seen over those cycles.
        public var kinds: [StatementKind]
    }

    /// The verdict over a window of cycles.
    public struct Verdict: Sendable, Hashable {
        /// Clients that are neither Parity nor allowed, seen in the window.
        public var clients: [Offender]
        /// Undocumented outbound integrations: foreign servers, functions reaching out, notify channels.
        public var integrations: [InventoryItem]
        /// Other consumers of changes: every slot and standby not Parity's, undocumented publications and subscriptions.
        public var consumers: [InventoryItem]
        /// Cycles of the window with no census sample: clients cannot be ruled out for them.
        public var unsampledCycles: [Int64]
        /// Why legacy's catalog could not be read, when it could not: integrations and consumers were not checked.
        public var unreadCatalog: String?

        /// Whether legacy is quiet: nothing offends and every cycle was sampled.
        public var isQuiet: Bool { clients.isEmpty && integrations.isEmpty && consumers.isEmpty && unsampledCycles.isEmpty }

        /// One line per offence, naming it (never a query text or a secret).
        public var evidence: [String] {
            clients.map { "client \($0.identity.summary) in cycles \($0.cycles.map(String.init).joined(separator: ", "))"
                + " (\($0.kinds.map(\.rawValue).joined(separator: ", ")))" }
                + integrations.map { "outbound \($0.kind.rawValue) \($0.name)" + Self.hosts($0) }
                + consumers.map { "consumer \($0.kind.rawValue) \($0.name)" }
                + unsampledCycles.map { "cycle \($0) has no census sample" }
        }

        private static func hosts(_ item: InventoryItem) -> String {
            guard let hosts = item.detail("connects_to") ?? item.detail("host"), hosts != .list([]) else { return "" }
            return " → \(hosts)"
        }
    }

    /// Kinds that are outbound integrations (a pg_cron job is one when its command reaches outside).
    public static let integrationKinds: Set<HiddenStateKind> = [.foreignServer, .function, .notifyChannel]

    /// Whether `item` reaches outside the database.
    public static func isIntegration(_ item: InventoryItem) -> Bool {
        integrationKinds.contains(item.kind)
            || (item.kind == .cronJob && ["connects_to", "programs", "server_files", "notifies"].contains { item.detail($0) != nil })
    }
    /// Consumers that read changes live: they offend even when documented.
    public static let liveConsumerKinds: Set<HiddenStateKind> = [.slot, .standby]
    /// Consumer kinds a documentation entry can accept.
    public static let documentableConsumerKinds: Set<HiddenStateKind> = [.publication, .subscription]

    /// The verdict over `cycles` (the legacy census of the last M closed cycles): clients whose application
    /// name is not in `allowedClients`, and from `inventory` (legacy, documentation applied; nil when not
    /// taken) the undocumented integrations and the consumers. Parity's own sessions never reach the census.
    public static func quietVerdict(
        cycles: [CycleCensus], allowedClients: [String], inventory: Inventory?, unreadCatalog: String? = nil
    ) -> Verdict {
        let allowed = Set(allowedClients)
        var seen: [CensusClient.Identity: Offender] = [:]
        for census in cycles {
            for client in census.clients where !allowed.contains(client.identity.applicationName) {
                var offender = seen[client.identity] ?? Offender(identity: client.identity, cycles: [], kinds: [])
                if !offender.cycles.contains(census.cycle) { offender.cycles.append(census.cycle) }
                offender.kinds = Array(Set(offender.kinds + client.kinds)).sorted()
                seen[client.identity] = offender
            }
        }
        let items = inventory?.items ?? []
        return Verdict(
            clients: seen.values.sorted { $0.identity < $1.identity },
            integrations: items.filter { isIntegration($0) && !$0.documented },
            consumers: items.filter {
                liveConsumerKinds.contains($0.kind) || (documentableConsumerKinds.contains($0.kind) && !$0.documented)
            },
            unsampledCycles: cycles.filter { $0.samples == 0 }.map(\.cycle), unreadCatalog: unreadCatalog)
    }
}
