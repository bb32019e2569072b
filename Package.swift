// swift-tools-version:6.1
import PackageDescription

/// Parity: proves, every business day, that a new PostgreSQL database holds what the legacy one holds.
///
/// Layers (see DESIGN.md): pure targets (`LogicalReplication`, `ExactNumeric`, `ParityModel` (the domain vocabulary), `ParityConfig`,
/// `Reconciliation`, `Reports`) do no I/O and never import I/O targets; I/O lives in `PostgresClient`, `ReplicationStream`,
/// `ParityStore` (the store protocols `CaptureStore`, `CycleStateStore`, `ResultStore`, `GateRecordStore` composed as `Store`, and their
/// SQLite implementation; the targets above it see only the protocols, and `StoreConformanceTests` is their contract), `SourceQueries` (SQL against the sources, never the store) and `ParityEngine` (orchestration: capture,
/// close, gate, monthly, hidden state, verify, init; the stream, capture, close and verify take a `Logger` with
/// `ParityLogging`'s metadata keys); `ParityService` runs them as the `parity run` service
/// (hummingbird, service-lifecycle, swift-log, swift-metrics); `parity` only wires the CLI. `ThrowawayPostgres` (initdb,
/// pg_ctl, watchdogs) is linked by tests, benchmarks and `ParityDemo` (`parity demo`), which only the CLI links: no
/// production target depends on it.
let package = Package(
    name: "Parity",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "parity", targets: ["parity"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // MARK: Pure logic
        .target(name: "LogicalReplication"),
        .target(name: "ExactNumeric", dependencies: [.product(name: "BigInt", package: "BigInt")]),
        .target(name: "ParityModel", dependencies: ["ExactNumeric"]),
        .target(name: "ParityConfig", dependencies: ["ParityModel", .product(name: "Yams", package: "Yams")]),
        .target(name: "Reconciliation", dependencies: ["ParityModel", "ParityConfig", "ExactNumeric"]),
        .target(name: "Reports", dependencies: ["ParityModel", "Reconciliation", .product(name: "Mustache", package: "swift-mustache")]),

        // MARK: Log metadata keys, shared by the I/O targets
        .target(name: "ParityLogging", dependencies: [.product(name: "Logging", package: "swift-log")]),

        // MARK: I/O
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .target(name: "PostgresClient", dependencies: ["CLibPQ"]),
        .target(
            name: "ReplicationStream",
            dependencies: ["PostgresClient", "LogicalReplication", "ParityLogging", .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "ParityStore",
            dependencies: [
                "ParityModel", "ExactNumeric", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            plugins: ["EmbedMigrations"]
        ),

        // The PostgreSQL store (issue 26): the same protocols on a PostgreSQL database, its schema from migrations/postgres/*.sql
        .target(
            name: "PostgresStore",
            dependencies: ["ParityStore", "ParityModel", "ExactNumeric", "PostgresClient"],
            plugins: ["EmbedMigrations"]
        ),

        // MARK: Throwaway PostgreSQL clusters (tests, benchmarks and `parity demo`); no production target links them
        .target(name: "ThrowawayPostgres", dependencies: ["PostgresClient"]),

        // MARK: SQL against the sources (never the store): check, catalog inventory, init's publications, slots, snapshots
        // and table copies, teardown
        .target(
            name: "SourceQueries",
            dependencies: ["PostgresClient", "ParityModel", "ParityConfig", "Reconciliation", "LogicalReplication"]
        ),

        // MARK: Orchestration and the CLI
        .target(
            name: "ParityEngine",
            dependencies: [
                "SourceQueries", "PostgresClient", "ParityStore", "PostgresStore", "ParityModel", "ParityConfig", "Reconciliation", "LogicalReplication", "ReplicationStream",
                "ExactNumeric", "ParityLogging", .product(name: "Crypto", package: "swift-crypto"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "ParityService",
            dependencies: [
                "ParityEngine", "SourceQueries", "Reports", "ParityModel", "ParityConfig", "ParityStore", "Reconciliation", "ReplicationStream", "ParityLogging",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        // `parity demo`: the whole story on a throwaway PostgreSQL; only the CLI links it
        .target(
            name: "ParityDemo",
            dependencies: [
                "ParityEngine", "SourceQueries", "ParityConfig", "ParityStore", "PostgresClient", "Reconciliation", "ThrowawayPostgres",
            ]
        ),
        .executableTarget(
            name: "parity",
            dependencies: [
                "ParityEngine", "SourceQueries", "ParityService", "ParityDemo", "ParityLogging", "Reports", "ParityModel", "ParityConfig", "ParityStore", "LogicalReplication",
                "PostgresClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),

        // MARK: Build tooling: embeds migrations/*.sql into ParityStore, migrations/postgres/*.sql into PostgresStore
        .executableTarget(name: "EmbedMigrationsTool", path: "Plugins/EmbedMigrationsTool"),
        .plugin(name: "EmbedMigrations", capability: .buildTool(), dependencies: ["EmbedMigrationsTool"]),

        // MARK: Benchmarks (make bench)
        .executableTarget(
            name: "parity-bench", dependencies: ["ParityTestSupport", "PostgresClient"], path: "Benchmarks/ParityBench"
        ),

        // MARK: The soak (make soak): kills of capture under pgbench, and the pgoutput fuzz target's seeds
        .executableTarget(
            name: "parity-soak",
            dependencies: [
                "ParityTestSupport", "PostgresClient", "ParityStore", "ParityModel", "ParityConfig", "ParityEngine",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Benchmarks/ParitySoak"
        ),

        // MARK: Tests
        .target(name: "ParityTestSupport", dependencies: ["ThrowawayPostgres", "PostgresClient"]),
        .testTarget(name: "ParityTestSupportTests", dependencies: ["ParityTestSupport"]),
        .testTarget(name: "PostgresClientTests", dependencies: ["PostgresClient", "ParityTestSupport", "ExactNumeric"]),
        .testTarget(name: "ReplicationStreamTests", dependencies: ["ReplicationStream", "ParityTestSupport", "LogicalReplication", "PostgresClient"]),
        .testTarget(
            name: "LogicalReplicationTests", dependencies: ["LogicalReplication", "ParityTestSupport"], exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "ExactNumericTests",
            dependencies: ["ExactNumeric", "ParityTestSupport", .product(name: "BigInt", package: "BigInt")]
        ),
        .testTarget(name: "ParityModelTests", dependencies: ["ParityModel", "ExactNumeric"]),
        .testTarget(name: "ParityConfigTests", dependencies: ["ParityConfig", "ParityModel"]),
        .testTarget(name: "ParityStoreTests", dependencies: ["ParityStore", "ParityModel", "ParityTestSupport"]),
        // What the conformance suite cannot see of the PostgreSQL store: key changes, truncates and unchanged columns in
        // the fold, parts, schema versions, secrets in messages
        .testTarget(name: "PostgresStoreTests", dependencies: ["PostgresStore", "ParityStore", "ParityModel", "ParityTestSupport", "PostgresClient"]),
        // The store protocols' contract, run against every store implementation (StoreFactory.all)
        .testTarget(
            name: "StoreConformanceTests",
            dependencies: [
                "ParityStore", "PostgresStore", "ParityModel", "ExactNumeric", "ParityTestSupport", "PostgresClient",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(name: "ReconciliationTests", dependencies: ["Reconciliation", "ParityModel", "ParityTestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "ParityModel", "Reconciliation", "ExactNumeric", "ParityConfig", "ParityTestSupport"]),
        .testTarget(
            name: "SourceQueriesTests",
            dependencies: ["SourceQueries", "Reports", "Reconciliation", "ParityConfig", "PostgresClient", "ParityTestSupport"]
        ),
        .testTarget(
            name: "ParityEngineTests",
            dependencies: [
                "ParityEngine", "SourceQueries", "ParityDemo", "ParityTestSupport", "Reports", "ParityModel", "ParityConfig", "ParityLogging",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "ParityDemoTests", dependencies: ["ParityTestSupport", "ParityConfig", "Reconciliation"]),
        .testTarget(name: "ParityCLITests", dependencies: ["parity", "SourceQueries", "ParityConfig", "ParityStore", "PostgresClient"]),
        .testTarget(
            name: "ParityServiceTests",
            dependencies: [
                "ParityService", "ParityEngine", "SourceQueries", "ParityTestSupport", "ParityModel", "ParityConfig", "ParityStore", "PostgresClient", "PostgresStore",
                "LogicalReplication", "ReplicationStream", "ParityLogging",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"), .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
