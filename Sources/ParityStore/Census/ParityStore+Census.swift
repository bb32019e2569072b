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
    /// The samples not yet retired count with the retired ones of the closed cycles whose windows lie within (exact for
    /// a window made of closed cycles' windows and later time).
    public func census(side: SourceSide, from: Int64, to: Int64) throws(StoreError) -> CensusWindow {
        try read { db in
            let arguments: StatementArguments = ["side": side, "from": from, "to": to]
            let totals = try Row.fetchOne(
                db, sql: """
                    SELECT coalesce(sum(samples), 0) AS samples, coalesce(sum(limited), 0) AS limited FROM (
                        SELECT count(*) AS samples, sum(limited) AS limited FROM census_sample
                        WHERE side = :side AND sampled_at >= :from AND sampled_at < :to
                        UNION ALL
                        SELECT s.samples, s.limited FROM census_cycle AS s JOIN cycle AS c ON c.id = s.cycle
                        WHERE s.side = :side AND c.start_time >= :from AND c.end_time <= :to)
                    """,
                arguments: arguments)
            let clients = try Row.fetchAll(
                db, sql: """
                    SELECT role, database, application_name, client_address, backend_type, min(first_seen) AS first_seen,
                        max(last_seen) AS last_seen, sum(samples) AS samples, group_concat(kinds) AS kinds
                    FROM (
                        SELECT role, database, application_name, client_address, backend_type, min(sampled_at) AS first_seen,
                            max(sampled_at) AS last_seen, count(DISTINCT sampled_at) AS samples, group_concat(DISTINCT statement_kind) AS kinds
                        FROM census_session WHERE side = :side AND sampled_at >= :from AND sampled_at < :to
                        GROUP BY role, database, application_name, client_address, backend_type
                        UNION ALL
                        SELECT s.role, s.database, s.application_name, s.client_address, s.backend_type, s.first_seen, s.last_seen,
                            s.samples, s.kinds
                        FROM census_client AS s JOIN cycle AS c ON c.id = s.cycle
                        WHERE s.side = :side AND c.start_time >= :from AND c.end_time <= :to)
                    GROUP BY role, database, application_name, client_address, backend_type
                    ORDER BY application_name, role, database, client_address, backend_type
                    """,
                arguments: arguments
            ).map { row in
                try CensusClient(
                    identity: CensusClient.Identity(row: row), firstSeen: StoreTime.date(row["first_seen"]),
                    lastSeen: StoreTime.date(row["last_seen"]), samples: row["samples"],
                    kinds: Array(try CensusSummary.kinds(row["kinds"])))
            }
            return CensusWindow(samples: totals?["samples"] ?? 0, limitedSamples: totals?["limited"] ?? 0, clients: clients)
        }
    }
}
