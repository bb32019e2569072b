import Foundation
import GRDB

extension ParityStore {
    /// Records a contracts export and returns its id.
    @discardableResult
    public func recordContractExport(_ record: ContractExportRecord) throws(StoreError) -> Int64 {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO contract_export (exported_at, exported_by, as_of_cycle, directory, format, contracts, vectors,
                        decisions_fingerprint, contract_ids)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    record.exportedAt, record.exportedBy, record.asOfCycle, record.directory, record.format, record.contractIDs.count,
                    record.vectors, record.decisionsFingerprint, RowJSON.key(record.contractIDs),
                ])
            return db.lastInsertedRowID
        }
    }

    /// The last recorded contracts export; nil when none ran.
    public func lastContractExport() throws(StoreError) -> ContractExportRecord? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM contract_export ORDER BY id DESC LIMIT 1").map { row in
                try ContractExportRecord(
                    id: row["id"], exportedAt: row["exported_at"], exportedBy: row["exported_by"], asOfCycle: row["as_of_cycle"],
                    directory: row["directory"], format: row["format"],
                    contractIDs: row.decoded("contract_ids", "contract ids", RowJSON.decodeNames), vectors: row["vectors"],
                    decisionsFingerprint: row["decisions_fingerprint"])
            }
        }
    }
}
