import ParityModel

extension Sources {
    static func read(from reader: NodeReader) -> Sources? {
        let fix = "write sources: { legacy: { dsn: ... }, new: { dsn: ... } }"
        guard let map = reader.mapping(allowedKeys: ["legacy", "new"], fix: fix) else { return nil }
        let legacy = map.required("legacy", example: "{ dsn: \"${PARITY_LEGACY_DSN}\" }")
            .flatMap { SourceConfiguration.read(from: $0, side: .legacy) }
        let new = map.required("new", example: "{ dsn: \"${PARITY_NEW_DSN}\" }")
            .flatMap { SourceConfiguration.read(from: $0, side: .new) }
        guard let legacy, let new else { return nil }
        if legacy.slot == new.slot, let newSource = map["new"] {
            let target = newSource.child("slot") ?? newSource
            reader.context.report(
                "slot \"\(new.slot)\" is also the legacy slot", fix: "give each source its own slot name",
                path: newSource.path.appending("slot"), mark: target.mark
            )
        }
        return Sources(legacy: legacy, new: new)
    }
}

extension SourceConfiguration {
    static let keys = [
        "dsn", "slot", "publication", "watch_schemas", "password_file",
        "connect_timeout", "statement_timeout", "application_name", "heartbeat",
    ]

    static func read(from reader: NodeReader, side: SourceSide) -> SourceConfiguration? {
        let example = "\"${PARITY_\(side.rawValue.uppercased())_DSN}\""
        guard let map = reader.mapping(allowedKeys: keys, fix: "write { dsn: \(example), slot: parity_\(side.rawValue) }") else {
            return nil
        }
        let dsn = map.required("dsn", example: example)?
            .name(fix: "write a libpq connection string or \(example)")
        var source = SourceConfiguration(side: side, dsn: dsn ?? "")
        if let slot = map["slot"]?.slotName() { source.slot = slot }
        if let publication = map["publication"]?.slotName() { source.publication = publication }
        if let schemas = map["watch_schemas"]?.nameList(example: "[public]") { source.watchSchemas = schemas }
        source.passwordFile = map["password_file"]?.name(fix: "write the path of a file holding the password")
        if let timeout = map["connect_timeout"]?.duration(minimum: .seconds(1)) { source.connectTimeout = timeout }
        if let timeout = map["statement_timeout"]?.duration() { source.statementTimeout = timeout }
        if let name = map["application_name"]?.name() { source.applicationName = name }
        if let heartbeat = map["heartbeat"], heartbeat.text() != "off" { source.heartbeat = heartbeat.duration(minimum: .seconds(1)) }
        return dsn == nil ? nil : source
    }
}
