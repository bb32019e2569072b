extension ParityConfiguration {
    static let keys = [
        "store", "sources", "cycle", "tables", "aggregates", "hidden_state", "dispositions", "census", "gate", "http",
        "verify",
    ]

    static func read(from reader: NodeReader, file: String, text: String) -> ParityConfiguration? {
        guard let map = reader.mapping(allowedKeys: keys, fix: "start from config/parity.example.yaml") else {
            return nil
        }
        let store = StoreConfiguration(reading: map["store"])
        let sources = map.required("sources", example: "{ legacy: { dsn: ... }, new: { dsn: ... } }")
            .flatMap(Sources.read(from:))
        let cycle = CycleConfiguration(reading: map["cycle"])
        let tables = map["tables"].map(TableCatalog.read(from:)) ?? TableCatalog(mappings: [], declaredNames: [])
        let aggregates = map["aggregates"].map { AggregateConfiguration.readList(from: $0, tables: tables) } ?? []
        let hiddenState = HiddenStateConfiguration(reading: map["hidden_state"])
        let dispositions = map["dispositions"].map { DispositionRule.readList(from: $0, tables: tables) } ?? []
        let census = CensusConfiguration(reading: map["census"])
        let gate = GateConfiguration(reading: map["gate"])
        let http = HTTPConfiguration(reading: map["http"])
        let verify = VerifyConfiguration(reading: map["verify"])
        guard let sources else { return nil }
        return ParityConfiguration(
            store: store, sources: sources, cycle: cycle, tables: tables.mappings, aggregates: aggregates,
            hiddenState: hiddenState, dispositions: dispositions, census: census, gate: gate, http: http,
            verify: verify, file: file, text: text
        )
    }
}
