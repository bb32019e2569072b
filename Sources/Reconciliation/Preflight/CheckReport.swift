import ParityConfig
import ParityModel

/// Everything `parity check` found, ready to render.
public struct CheckReport: Sendable {
    /// The checks of one source.
    public struct Source: Sendable {
        public var side: SourceSide
        /// The server, without password (`host=… port=… dbname=… user=…`), or nil if unparseable.
        public var target: String?
        public var results: [CheckResult]

        public init(side: SourceSide, target: String?, results: [CheckResult]) {
            self.side = side
            self.target = target
            self.results = results
        }
    }

    /// The config file checked.
    public var configurationFile: String
    public var sources: [Source]
    /// Column-pair checks per mapping (only where both sides were reachable).
    public var mappings: [CheckResult]

    public init(configurationFile: String, sources: [Source], mappings: [CheckResult]) {
        self.configurationFile = configurationFile
        self.sources = sources
        self.mappings = mappings
    }

    /// Every result, sources first.
    public var allResults: [CheckResult] { sources.flatMap(\.results) + mappings }

    /// 0 all pass, 2 the config does not fit the databases, 3 a source unreachable or unusable.
    public var exitCode: Int32 { checkExitCode(allResults) }
}
