extension GateConfiguration {
    static let keys = [
        "cycles", "max_unexplained_rate", "max_open_unexplained", "legacy_quiet_cycles", "max_lag", "allowed_clients", "stale_after_cycles",
        "require_contracts_export",
    ]

    init(reading reader: NodeReader?) {
        self.init()
        guard let map = reader?.mapping(allowedKeys: Self.keys, fix: "write gate: { cycles: 30, max_unexplained_rate: \"0\" }") else {
            return
        }
        if let cycles = map["cycles"]?.integer(in: 1...10_000) { self.cycles = cycles }
        if let rate = map["max_unexplained_rate"]?.decimal(in: 0...1) { maxUnexplainedRate = rate }
        if let open = map["max_open_unexplained"]?.integer(in: 0...1_000_000_000) { maxOpenUnexplained = open }
        if let quiet = map["legacy_quiet_cycles"]?.integer(in: 0...10_000) { legacyQuietCycles = quiet }
        if let lag = map["max_lag"]?.duration() { maxLag = lag }
        if let clients = map["allowed_clients"]?.nameList(example: "[nightly_export]") { allowedClients = clients }
        if let stale = map["stale_after_cycles"]?.integer(in: 1...10_000) { staleAfterCycles = stale }
        if let require = map["require_contracts_export"]?.bool() { requireContractsExport = require }
    }
}
