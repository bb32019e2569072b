import Foundation
import ParityModel
import Yams

/// The whole Parity configuration, read from one YAML file.
public struct ParityConfiguration: Sendable, Hashable {
    /// Embedded store location.
    public var store: StoreConfiguration
    /// The legacy and new databases.
    public var sources: Sources
    /// How reconciliation cycles are cut.
    public var cycle: CycleConfiguration
    /// Table mappings.
    public var tables: [TableMapping]
    /// Aggregates compared per group.
    public var aggregates: [AggregateConfiguration]
    /// Documented hidden state and audit scope.
    public var hiddenState: HiddenStateConfiguration
    /// Disposition rules for findings.
    public var dispositions: [DispositionRule]
    /// Client session sampling.
    public var census: CensusConfiguration
    /// Decommission gate thresholds.
    public var gate: GateConfiguration
    /// HTTP endpoint of the service.
    public var http: HTTPConfiguration
    /// Scheduled verification and the age the gate accepts.
    public var verify: VerifyConfiguration
    /// Name of the file the configuration was read from, as given by the caller.
    public var file: String
    /// The raw YAML text, so callers can hash or record exactly what was used.
    public var text: String

    /// Creates a configuration; everything but the sources has a default.
    public init(
        store: StoreConfiguration = StoreConfiguration(),
        sources: Sources,
        cycle: CycleConfiguration = CycleConfiguration(),
        tables: [TableMapping] = [],
        aggregates: [AggregateConfiguration] = [],
        hiddenState: HiddenStateConfiguration = HiddenStateConfiguration(),
        dispositions: [DispositionRule] = [],
        census: CensusConfiguration = CensusConfiguration(),
        gate: GateConfiguration = GateConfiguration(),
        http: HTTPConfiguration = HTTPConfiguration(),
        verify: VerifyConfiguration = VerifyConfiguration(),
        file: String = "",
        text: String = ""
    ) {
        self.store = store
        self.sources = sources
        self.cycle = cycle
        self.tables = tables
        self.aggregates = aggregates
        self.hiddenState = hiddenState
        self.dispositions = dispositions
        self.census = census
        self.gate = gate
        self.http = http
        self.verify = verify
        self.file = file
        self.text = text
    }

    /// The table mapping called `name`.
    public func table(named name: String) -> TableMapping? {
        tables.first { $0.name == name }
    }

    /// Parses and validates YAML text, reporting every problem found at once.
    ///
    /// - Parameters:
    ///   - yaml: The document.
    ///   - file: The name used in messages.
    ///   - environment: Values for `${VAR}` references.
    public static func parse(
        yaml: String,
        file: String,
        environment: [String: String]
    ) throws(ConfigurationError) -> ParityConfiguration {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw ConfigurationError(issues: [ConfigurationIssue(yamlError: error, file: file)])
        }
        let context = ReadContext(file: file, environment: environment)
        guard let root else {
            throw ConfigurationError(issues: [ConfigurationIssue(
                file: file, line: nil, column: nil, path: "",
                problem: "the file is empty", fix: "start from config/parity.example.yaml"
            )])
        }
        let configuration = ParityConfiguration.read(
            from: NodeReader(node: root, path: .root, context: context), file: file, text: yaml
        )
        let issues = context.issuesInFileOrder
        guard let configuration, issues.isEmpty else { throw ConfigurationError(issues: issues) }
        return configuration
    }

    /// Reads, parses and validates the file at `path`; an unreadable file is reported as one issue.
    public static func load(
        path: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigurationError) -> ParityConfiguration {
        let yaml: String
        do {
            yaml = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            throw ConfigurationError(issues: [ConfigurationIssue(
                file: path, line: nil, column: nil, path: "",
                problem: exists ? "cannot read the file as UTF-8 text" : "the file does not exist",
                fix: exists ? "check its permissions and encoding" : "check the path, or start from config/parity.example.yaml"
            )])
        }
        return try parse(yaml: yaml, file: path, environment: environment)
    }
}
