import ParityConfig
import ParityModel
import ParityStore

/// Which configured table mappings the store has initialized (copied on both sources), and which cycle first compared each.
public struct MappingStatus: Sendable {
    /// Configured mappings not copied on both sources: added to the config after init, compared nowhere until `init --add`.
    public var uninitialized: [String]
    /// Mappings the store holds that the config no longer names (their tables are still published).
    public var unconfigured: [String]
    /// The cycle that first compared each mapping, every row of it.
    public var comparedFrom: [String: Int64]

    /// Reads the store's mapping records against the config.
    public init(configuration: ParityConfiguration, store: any Store) throws {
        let sources = try store.mappingSources()
        self.init(configured: configuration.tables.map(\.name), sources: sources, baselines: try store.mappingBaselines())
    }

    /// Judges the mapping records `sources` against the `configured` names.
    public init(configured: [String], sources: [MappingSource], baselines: [String: Int64]) {
        let sides = Set(SourceSide.allCases)
        let copied = Dictionary(grouping: sources, by: \.mapping).mapValues { Set($0.map(\.side)) }
        uninitialized = configured.filter { copied[$0] != sides }
        unconfigured = copied.keys.filter { !configured.contains($0) }.sorted()
        comparedFrom = baselines
    }

    /// The command that initializes the uninitialized mappings.
    public func addCommand(configFile: String) -> String {
        "parity init --add \(uninitialized.joined(separator: " ")) --config \(configFile)"
    }
}
