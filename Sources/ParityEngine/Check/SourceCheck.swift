import ParityConfig
import ParityStore
import PostgresClient
import Reconciliation

/// `parity check`: connects to each source read-only and judges whether Parity can run on it.
public enum SourceCheck {
    /// Checks both sources and every mapping; never throws (an unreachable source is a FAIL).
    public static func run(_ configuration: ParityConfiguration) -> CheckReport {
        var sources: [CheckReport.Source] = []
        var facts: [SourceSide: SourceFacts] = [:]
        for side in SourceSide.allCases {
            let source = side == .legacy ? configuration.sources.legacy : configuration.sources.new
            let tables = configuration.tables.map { side == .legacy ? $0.legacy : $0.new }
            do {
                let connection = try PostgresConnection.connect(ConnectionOptions(source: source))
                defer { connection.close() }
                let found = try SourceInspector(connection: connection, source: source).facts(tables: tables)
                facts[side] = found
                sources.append(.init(
                    side: side, target: connection.target,
                    results: Preflight.sourceChecks(found, side: side, configuration: configuration)))
            } catch {
                sources.append(.init(side: side, target: error.target, results: [Preflight.unreachable(side, error: error.description)]))
            }
        }
        let mappings = Preflight.mappingChecks(configuration.tables, legacy: facts[.legacy], new: facts[.new])
            + Preflight.semanticChecks(configuration)
        return CheckReport(configurationFile: configuration.file, sources: sources, mappings: mappings)
    }

    /// Checks both sources and every mapping, and against an initialized store, that every configured mapping is initialized.
    public static func run(_ configuration: ParityConfiguration, store: ParityStore) throws -> CheckReport {
        var report = run(configuration)
        guard try !store.sourceRecords().isEmpty else { return report }
        let status = try MappingStatus(configuration: configuration, store: store)
        report.mappings += Preflight.storeChecks(uninitialized: status.uninitialized, unconfigured: status.unconfigured, configFile: configuration.file)
        return report
    }
}
