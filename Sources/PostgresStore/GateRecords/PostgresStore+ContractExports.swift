import ParityStore

extension PostgresStore {
    /// Records a contracts export and returns its id.
    @discardableResult
    public func recordContractExport(_ record: ContractExportRecord) throws(StoreError) -> Int64 {
        let ids = RowJSON.key(record.contractIDs)
        return try write { transaction in
            try insertedID(transaction.value("""
                INSERT INTO contract_export (exported_at, exported_by, as_of_cycle, directory, format, contracts, vectors,
                    decisions_fingerprint, contract_ids)
                VALUES (\(record.exportedAt), \(record.exportedBy), \(record.asOfCycle), \(record.directory), \(record.format),
                    \(record.contractIDs.count), \(record.vectors), \(record.decisionsFingerprint), \(ids))
                RETURNING id
                """))
        }
    }

    /// The last recorded contracts export; nil when none ran.
    public func lastContractExport() throws(StoreError) -> ContractExportRecord? {
        try read { transaction in
            try transaction.row("SELECT * FROM contract_export ORDER BY id DESC LIMIT 1").map { row in
                try ContractExportRecord(
                    id: row.int64("id"), exportedAt: row.int64("exported_at"), exportedBy: row.text("exported_by"),
                    asOfCycle: row.optionalInt64("as_of_cycle"), directory: row.text("directory"), format: row.text("format"),
                    contractIDs: row.decoded("contract_ids", "contract ids", RowJSON.decodeNames), vectors: row.int("vectors"),
                    decisionsFingerprint: row.text("decisions_fingerprint"))
            }
        }
    }
}
