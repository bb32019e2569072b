import ParityModel
import ParityStore
import PostgresClient

extension PostgresStore {
    /// Retires `side`'s census samples taken before the end of `cycle` (just closed) into their summaries
    /// (``CensusSummary``): one step, up to ``CensusSummary/samplesPerStep`` samples; false when none is left. It
    /// summarizes exactly what its `DELETE`s removed, both in one snapshot, so a sample capture records meanwhile stays
    /// whole. The server groups the samples, those taken where the same windows hold them together. Steps wait for each
    /// other (a lock on `census_cycle`).
    static func retireCensus(side: SourceSide, closed cycle: CycleRecord, in transaction: StoreTransaction) throws -> Bool {
        try transaction.execute("LOCK TABLE census_cycle IN EXCLUSIVE MODE")
        guard let through = try stepEnd("census_sample", "sampled_at", side: side, before: cycle.end, limit: CensusSummary.samplesPerStep,
                                        in: transaction)
        else { return false }
        var summary = CensusSummary(cycles: try transaction.rows("SELECT * FROM cycle").map(CycleRecord.init(row:)))
        let same = summary.windows.sameWindows(before: cycle.end)
        for row in try transaction.rows("""
            WITH gone AS (
                DELETE FROM census_session WHERE side = \(side.rawValue) AND sampled_at <= \(through)
                RETURNING role, database, application_name, client_address, backend_type, sampled_at, statement_kind)
            SELECT role, database, application_name, client_address, backend_type, least(sampled_at, \(same)::bigint) AS taken,
                min(sampled_at) AS first_seen, max(sampled_at) AS last_seen, count(DISTINCT sampled_at) AS samples,
                string_agg(DISTINCT statement_kind, ',') AS kinds
            FROM gone GROUP BY role, database, application_name, client_address, backend_type, taken
            """)
        {
            summary.add(
                try CensusClient.Identity(row: row),
                seen: CensusSummary.Seen(
                    firstSeen: try row.int64("first_seen"), lastSeen: try row.int64("last_seen"), samples: try row.int("samples"),
                    kinds: try CensusSummary.kinds(row.text("kinds"))),
                takenAt: try row.int64("taken"))
        }
        for row in try transaction.rows("""
            WITH gone AS (DELETE FROM census_sample WHERE side = \(side.rawValue) AND sampled_at <= \(through) RETURNING sampled_at, limited)
            SELECT least(sampled_at, \(same)::bigint) AS taken, count(*) AS samples, count(*) FILTER (WHERE limited) AS limited
            FROM gone GROUP BY taken
            """)
        {
            summary.add(samples: try row.int("samples"), limited: try row.int("limited"), takenAt: try row.int64("taken"))
        }
        for (cycle, samples) in summary.cycleSamples {
            try transaction.execute("""
                INSERT INTO census_cycle (side, cycle, samples, limited) VALUES (\(side.rawValue), \(cycle), \(samples.samples), \(samples.limited))
                ON CONFLICT (side, cycle) DO UPDATE SET samples = census_cycle.samples + excluded.samples,
                    limited = census_cycle.limited + excluded.limited
                """)
        }
        for (client, seen) in summary.clients {
            try transaction.execute("""
                INSERT INTO census_client (side, cycle, role, database, application_name, client_address, backend_type, first_seen,
                    last_seen, samples, kinds)
                VALUES (\(side.rawValue), \(client.cycle), \(client.role.rawValue), \(client.database.rawValue),
                    \(client.applicationName.rawValue), \(client.clientAddress.rawValue), \(client.backendType.rawValue), \(seen.firstSeen),
                    \(seen.lastSeen), \(seen.samples), \(seen.kindsText))
                ON CONFLICT (side, cycle, role, database, application_name, client_address, backend_type) DO UPDATE SET
                    first_seen = least(census_client.first_seen, excluded.first_seen),
                    last_seen = greatest(census_client.last_seen, excluded.last_seen),
                    samples = census_client.samples + excluded.samples, kinds = census_client.kinds || ',' || excluded.kinds
                """)
        }
        return true
    }
}

extension CensusClient.Identity {
    /// The identity of a `census_session` or `census_client` row.
    init(row: PostgresRow) throws {
        self.init(
            role: try row.text("role"), database: try row.text("database"), applicationName: try row.text("application_name"),
            clientAddress: try row.text("client_address"), backendType: try row.text("backend_type"))
    }
}
