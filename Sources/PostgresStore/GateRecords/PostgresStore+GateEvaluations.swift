import ParityStore

extension PostgresStore {
    /// Records a gate evaluation and returns its id.
    @discardableResult
    public func recordGateEvaluation(_ record: GateEvaluationRecord) throws(StoreError) -> Int64 {
        try write { transaction in
            try insertedID(transaction.value("""
                INSERT INTO gate_evaluation (evaluated_at, evaluated_by, as_of, first_cycle, last_cycle, cycles, result, exit_code,
                    config_file, config_hash, report)
                VALUES (\(record.evaluatedAt), \(record.evaluatedBy), \(record.asOf), \(record.firstCycle), \(record.lastCycle), \(record.cycles),
                    \(record.result), \(record.exitCode), \(record.configFile), \(record.configHash), \(record.report))
                RETURNING id
                """))
        }
    }

    /// Recorded gate evaluations, oldest first (the last `limit` when given).
    public func gateEvaluations(limit: Int?) throws(StoreError) -> [GateEvaluationRecord] {
        try read { transaction in
            try transaction.rows("""
                SELECT * FROM (SELECT * FROM gate_evaluation ORDER BY id DESC LIMIT \(limit)) AS latest ORDER BY id
                """).map { row in
                try GateEvaluationRecord(
                    id: row.int64("id"), evaluatedAt: row.int64("evaluated_at"), evaluatedBy: row.text("evaluated_by"), asOf: row.optionalInt64("as_of"),
                    firstCycle: row.optionalInt64("first_cycle"), lastCycle: row.optionalInt64("last_cycle"), cycles: row.int("cycles"),
                    result: row.text("result"), exitCode: row.decode(Int32.self, "exit_code"), configFile: row.text("config_file"),
                    configHash: row.text("config_hash"), report: row.text("report"))
            }
        }
    }

    /// The id a `RETURNING id` gave back.
    func insertedID(_ text: String?) throws -> Int64 {
        guard let text, let id = Int64(text) else { throw StoreErrors.damaged("id", location: location) }
        return id
    }
}
