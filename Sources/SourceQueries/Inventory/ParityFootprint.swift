import ParityConfig
import ParityModel

/// What Parity itself creates or runs on a source, so the inventory and the census leave it out:
/// its slot, its publications and the application name of its sessions.
public struct ParityFootprint: Sendable, Hashable {
    /// Parity's replication slots.
    public var slots: [String]
    /// Parity's publications (main and insert-only).
    public var publications: [String]
    /// The application names Parity's sessions report.
    public var applicationNames: [String]

    /// A footprint from explicit names.
    public init(slots: [String] = [], publications: [String] = [], applicationNames: [String] = []) {
        self.slots = slots
        self.publications = publications
        self.applicationNames = applicationNames
    }

    /// The footprint on the configured source `side`: its slot and publications, and the application names
    /// of both sources' sessions (two sources may share a server).
    public init(_ configuration: ParityConfiguration, side: SourceSide) {
        let source = configuration.sources[side]
        self.init(
            slots: [source.slot], publications: [source.publication, PublicationPlan.insertOnlyName(for: source.publication)],
            applicationNames: Array(Set(SourceSide.allCases.map { configuration.sources[$0].applicationName })).sorted())
    }
}
