import GRDB
import ParityModel

extension ParityStore {
    /// Records one census sample of `side` taken at `sampledAt` (µs since 1970) with its grouped sessions.
    public func recordCensusSample(side: SourceSide, sampledAt: Int64, limited: Bool, sessions: [CensusSessions]) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO census_sample (side, sampled_at, limited) VALUES (?, ?, ?)",
                arguments: [side, sampledAt, limited ? 1 : 0])
            for session in sessions {
                try db.execute(
                    sql: """
                        INSERT INTO census_session (side, sampled_at, role, database, application_name, client_address, backend_type,
                            statement_kind, sessions)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        side, sampledAt, session.identity.role, session.identity.database, session.identity.applicationName,
                        session.identity.clientAddress, session.identity.backendType, session.statementKind.rawValue, session.count,
                    ])
            }
        }
    }

    /// The census of `side` over `[from, to)` (µs since 1970): samples taken and distinct clients, by application name.
    public func census(side: SourceSide, from: Int64, to: Int64) throws(StoreError) -> CensusWindow {
        try read { db in
            let totals = try Row.fetchOne(
                db, sql: """
                    SELECT count(*) AS samples, coalesce(sum(limited), 0) AS limited FROM census_sample
                    WHERE side = ? AND sampled_at >= ? AND sampled_at < ?
                    """,
                arguments: [side, from, to])
            let clients = try Row.fetchAll(
                db, sql: """
                    SELECT role, database, application_name, client_address, backend_type, min(sampled_at) AS first_seen,
                           max(sampled_at) AS last_seen, count(DISTINCT sampled_at) AS samples,
                           group_concat(DISTINCT statement_kind) AS kinds
                    FROM census_session WHERE side = ? AND sampled_at >= ? AND sampled_at < ?
                    GROUP BY role, database, application_name, client_address, backend_type
                    ORDER BY application_name, role, database, client_address, backend_type
                    """,
                arguments: [side, from, to]
            ).map { row in
                try CensusClient(
                    identity: CensusClient.Identity(
                        role: row["role"], database: row["database"], applicationName: row["application_name"],
                        clientAddress: row["client_address"], backendType: row["backend_type"]),
                    firstSeen: StoreTime.date(row["first_seen"]), lastSeen: StoreTime.date(row["last_seen"]), samples: row["samples"],
                    kinds: ((row["kinds"] as String?) ?? "").split(separator: ",").map { name throws in
                        guard let kind = StatementKind(rawValue: String(name)) else {
                            throw UnknownStoredValue(column: "statement_kind", value: String(name), expected: "statement kind")
                        }
                        return kind
                    })
            }
            return CensusWindow(samples: totals?["samples"] ?? 0, limitedSamples: totals?["limited"] ?? 0, clients: clients)
        }
    }
}
