import GRDB

extension ParityStore {
    /// Records a gate evaluation and returns its id.
    @discardableResult
    public func recordGateEvaluation(_ record: GateEvaluationRecord) throws(StoreError) -> Int64 {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO gate_evaluation (evaluated_at, evaluated_by, as_of, first_cycle, last_cycle, cycles, result, exit_code,
                        config_file, config_hash, report)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    record.evaluatedAt, record.evaluatedBy, record.asOf, record.firstCycle, record.lastCycle, record.cycles, record.result,
                    record.exitCode, record.configFile, record.configHash, record.report,
                ])
            return db.lastInsertedRowID
        }
    }

    /// Recorded gate evaluations, oldest first (the last `limit` when given).
    public func gateEvaluations(limit: Int?) throws(StoreError) -> [GateEvaluationRecord] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM (SELECT * FROM gate_evaluation ORDER BY id DESC LIMIT ?) ORDER BY id", arguments: [limit ?? -1]
            ).map { row in
                GateEvaluationRecord(
                    id: row["id"], evaluatedAt: row["evaluated_at"], evaluatedBy: row["evaluated_by"], asOf: row["as_of"],
                    firstCycle: row["first_cycle"], lastCycle: row["last_cycle"], cycles: row["cycles"], result: row["result"],
                    exitCode: row["exit_code"], configFile: row["config_file"], configHash: row["config_hash"], report: row["report"])
            }
        }
    }
}
