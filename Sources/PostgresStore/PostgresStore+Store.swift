import ParityStore

extension PostgresStore: Store {
    /// Checks the store's structure: every stored image names a layout the store holds, and every row sits in the part
    /// its key hashes to. Reads every row: slow on a large store.
    public func checkIntegrity() throws(StoreError) {
        var problems: [String] = []
        try read { transaction in
            let layoutless = try transaction.value("""
                SELECT count(*) FROM row_state AS s WHERE s.row_values IS NOT NULL AND NOT EXISTS (
                    SELECT 1 FROM image_layout AS l WHERE l.id = substring(s.row_values FROM '^\\[([0-9]+)')::bigint)
                """)
            if let layoutless, layoutless != "0" { problems.append("\(layoutless) row images name no stored layout") }
            let placement = try placement(in: transaction)
            let rows = try transaction.cursor("SELECT part, mapping, row_key FROM row_state")
            var misplaced = 0
            while let row = try rows.next() {
                if try placement.part(of: row.text("row_key"), mapping: row.text("mapping")) != row.int("part") { misplaced += 1 }
            }
            if misplaced > 0 { problems.append("\(misplaced) rows are not in the part of their key") }
        }
        guard !problems.isEmpty else { return }
        throw StoreErrors.corrupt("the store's check found: \(problems.joined(separator: "; "))", location: location)
    }
}
