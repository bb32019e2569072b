import ParityModel
import ParityStore

extension PostgresStore {
    /// Records one census sample of `side` taken at `sampledAt` (µs since 1970) with its grouped sessions.
    public func recordCensusSample(side: SourceSide, sampledAt: Int64, limited: Bool, sessions: [CensusSessions]) throws(StoreError) {
        try write { transaction in
            try transaction.execute("""
                INSERT INTO census_sample (side, sampled_at, limited) VALUES (\(side.rawValue), \(sampledAt), \(limited)) ON CONFLICT DO NOTHING
                """)
            var rows = BatchInsert(table: "census_session", columns: [
                "side", "sampled_at", "role", "database", "application_name", "client_address", "backend_type", "statement_kind", "sessions",
            ])
            for session in sessions {
                let identity = session.identity
                try rows.append([
                    side.rawValue, String(sampledAt), identity.role, identity.database, identity.applicationName, identity.clientAddress,
                    identity.backendType, session.statementKind.rawValue, String(session.count),
                ], in: transaction)
            }
            try rows.flush(transaction)
        }
    }

    /// The census of `side` over `[from, to)` (µs since 1970): samples taken and distinct clients, by application name.
    /// The samples not yet retired count with the retired ones of the closed cycles whose windows lie within (exact for
    /// a window made of closed cycles' windows and later time).
    public func census(side: SourceSide, from: Int64, to: Int64) throws(StoreError) -> CensusWindow {
        try read { transaction in
            let totals = try transaction.row("""
                SELECT coalesce(sum(samples), 0) AS samples, coalesce(sum(limited), 0) AS limited FROM (
                    SELECT count(*) AS samples, count(*) FILTER (WHERE limited) AS limited FROM census_sample
                    WHERE side = \(side.rawValue) AND sampled_at >= \(from) AND sampled_at < \(to)
                    UNION ALL
                    SELECT s.samples, s.limited FROM census_cycle AS s JOIN cycle AS c ON c.id = s.cycle
                    WHERE s.side = \(side.rawValue) AND c.start_time >= \(from) AND c.end_time <= \(to)) AS census
                """)
            let clients = try transaction.rows("""
                SELECT role, database, application_name, client_address, backend_type, min(first_seen) AS first_seen,
                    max(last_seen) AS last_seen, sum(samples) AS samples, string_agg(kinds, ',') AS kinds
                FROM (
                    SELECT role, database, application_name, client_address, backend_type, min(sampled_at) AS first_seen,
                        max(sampled_at) AS last_seen, count(DISTINCT sampled_at) AS samples, string_agg(DISTINCT statement_kind, ',') AS kinds
                    FROM census_session WHERE side = \(side.rawValue) AND sampled_at >= \(from) AND sampled_at < \(to)
                    GROUP BY role, database, application_name, client_address, backend_type
                    UNION ALL
                    SELECT s.role, s.database, s.application_name, s.client_address, s.backend_type, s.first_seen, s.last_seen,
                        s.samples, s.kinds
                    FROM census_client AS s JOIN cycle AS c ON c.id = s.cycle
                    WHERE s.side = \(side.rawValue) AND c.start_time >= \(from) AND c.end_time <= \(to)) AS clients
                GROUP BY role, database, application_name, client_address, backend_type
                ORDER BY application_name COLLATE "C", role COLLATE "C", database COLLATE "C", client_address COLLATE "C",
                    backend_type COLLATE "C"
                """).map { row in
                try CensusClient(
                    identity: CensusClient.Identity(row: row), firstSeen: StoreTime.date(row.int64("first_seen")),
                    lastSeen: StoreTime.date(row.int64("last_seen")), samples: row.int("samples"),
                    kinds: Array(CensusSummary.kinds(row.text("kinds"))))
            }
            return CensusWindow(samples: try totals?.int("samples") ?? 0, limitedSamples: try totals?.int("limited") ?? 0, clients: clients)
        }
    }
}
