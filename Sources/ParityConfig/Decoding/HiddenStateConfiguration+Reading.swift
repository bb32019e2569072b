import ParityModel

extension HiddenStateConfiguration {
    init(reading reader: NodeReader?) {
        self.init()
        let fix = "write hidden_state: { documented: [], ignore_tables: [], snapshot_tables: [] }"
        guard let map = reader?.mapping(allowedKeys: ["documented", "ignore_tables", "snapshot_tables"], fix: fix) else {
            return
        }
        documented = map["documented"]?.list(fix: "write documented as a list of { kind, name, disposition }") {
            DocumentedObject.read(from: $0)
        } ?? []
        let tableListFix = "write a list of tables such as [public.session_cache]"
        ignoreTables = map["ignore_tables"]?.list(fix: tableListFix) { $0.qualifiedName() } ?? []
        snapshotTables = map["snapshot_tables"]?.list(fix: tableListFix) { $0.qualifiedName() } ?? []
        for (index, table) in snapshotTables.enumerated() where ignoreTables.contains(table) {
            map["snapshot_tables"]?.element(index)?.report(
                "\"\(table)\" is also listed in ignore_tables", fix: "list it in only one of the two"
            )
        }
    }
}

extension DocumentedObject {
    static let keys = ["kind", "name", "table", "disposition", "where", "note"]

    static func read(from reader: NodeReader) -> DocumentedObject? {
        let fix = "write { kind: trigger, name: payments_audit, table: public.payments, disposition: reproduced }"
        guard let map = reader.mapping(allowedKeys: keys, fix: fix) else { return nil }
        let kind = map.required("kind", example: "trigger")?.choice(HiddenStateKind.self)
        let name = map.required("name", example: "payments_audit")?.name()
        let table = map["table"]?.qualifiedName()
        let disposition = map.required("disposition", example: "reproduced")?.choice(HiddenStateDisposition.self)
        let location = map["where"]?.text()
        let note = map["note"]?.text()
        guard let kind, let name, let disposition else { return nil }
        return DocumentedObject(kind: kind, name: name, table: table, disposition: disposition, where: location, note: note)
    }
}
