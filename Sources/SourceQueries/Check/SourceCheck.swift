import ParityConfig
import ParityModel
import PostgresClient
import Reconciliation

/// `parity check`: connects to each source read-only and judges whether Parity can run on it, and whether the tables
/// the config names for reading only (scope key tables, legacy summary tables) are there.
public enum SourceCheck {
    /// Checks both sources and every mapping; never throws (an unreachable source is a FAIL).
    public static func run(_ configuration: ParityConfiguration) -> CheckReport {
        var sources: [CheckReport.Source] = []
        var facts: [SourceSide: SourceFacts] = [:]
        for side in SourceSide.allCases {
            let source = side == .legacy ? configuration.sources.legacy : configuration.sources.new
            let tables = configuration.tables.map { side == .legacy ? $0.legacy : $0.new }
                + ReferenceTable.all(in: configuration).filter { $0.side == side }.map(\.table)
            do {
                let connection = try PostgresConnection.connect(ConnectionOptions(source: source))
                defer { connection.close() }
                let found = try SourceInspector(connection: connection, source: source).facts(tables: tables)
                facts[side] = found
                sources.append(.init(
                    side: side, target: connection.target,
                    results: Preflight.sourceChecks(found, side: side, configuration: configuration)))
            } catch {
                let result = switch error.code {
                case .invalidConnectionString: Preflight.misconfigured(side, error: error.description, key: "dsn")
                case .unreadablePasswordFile: Preflight.misconfigured(side, error: error.description, key: "password_file")
                default: Preflight.unreachable(side, error: error.description)
                }
                sources.append(.init(side: side, target: error.target, results: [result]))
            }
        }
        let mappings = Preflight.mappingChecks(configuration.tables, legacy: facts[.legacy], new: facts[.new])
            + Preflight.referenceChecks(configuration, legacy: facts[.legacy], new: facts[.new])
            + Preflight.semanticChecks(configuration)
        return CheckReport(configurationFile: configuration.file, sources: sources, mappings: mappings)
    }
}
