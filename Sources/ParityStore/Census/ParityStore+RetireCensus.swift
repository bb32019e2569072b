import GRDB
import ParityModel

extension ParityStore {
    /// Retires `side`'s census samples taken before the end of `cycle` (just closed) into their summaries
    /// (``CensusSummary``): one step, up to ``CensusSummary/samplesPerStep`` samples; false when none is left. The
    /// samples are grouped in SQL, those taken where the same windows hold them together.
    static func retireCensus(_ db: Database, side: SourceSide, closed cycle: CycleRecord) throws -> Bool {
        guard let through = try stepEnd(db, "census_sample", "sampled_at", side: side, before: cycle.end, limit: CensusSummary.samplesPerStep)
        else { return false }
        var summary = CensusSummary(cycles: try Row.fetchAll(db, sql: "SELECT * FROM cycle").map(CycleRecord.init(row:)))
        let arguments: StatementArguments = ["side": side, "through": through, "same": summary.windows.sameWindows(before: cycle.end)]
        for row in try Row.fetchAll(
            db, sql: """
                SELECT min(sampled_at, :same) AS taken, count(*) AS samples, sum(limited) AS limited FROM census_sample
                WHERE side = :side AND sampled_at <= :through GROUP BY taken
                """,
            arguments: arguments)
        {
            summary.add(samples: row["samples"], limited: row["limited"], takenAt: row["taken"])
        }
        for row in try Row.fetchAll(
            db, sql: """
                SELECT role, database, application_name, client_address, backend_type, min(sampled_at, :same) AS taken,
                    min(sampled_at) AS first_seen, max(sampled_at) AS last_seen, count(DISTINCT sampled_at) AS samples,
                    group_concat(DISTINCT statement_kind) AS kinds
                FROM census_session WHERE side = :side AND sampled_at <= :through
                GROUP BY role, database, application_name, client_address, backend_type, taken
                """,
            arguments: arguments)
        {
            summary.add(
                CensusClient.Identity(row: row),
                seen: CensusSummary.Seen(
                    firstSeen: row["first_seen"], lastSeen: row["last_seen"], samples: row["samples"],
                    kinds: try CensusSummary.kinds(row["kinds"])),
                takenAt: row["taken"])
        }
        try db.execute(sql: "DELETE FROM census_session WHERE side = ? AND sampled_at <= ?", arguments: [side, through])
        try db.execute(sql: "DELETE FROM census_sample WHERE side = ? AND sampled_at <= ?", arguments: [side, through])
        for (cycle, samples) in summary.cycleSamples {
            try db.execute(
                sql: """
                    INSERT INTO census_cycle (side, cycle, samples, limited) VALUES (?, ?, ?, ?)
                    ON CONFLICT (side, cycle) DO UPDATE SET samples = census_cycle.samples + excluded.samples,
                        limited = census_cycle.limited + excluded.limited
                    """,
                arguments: [side, cycle, samples.samples, samples.limited])
        }
        for (client, seen) in summary.clients {
            try db.execute(
                sql: """
                    INSERT INTO census_client (side, cycle, role, database, application_name, client_address, backend_type, first_seen,
                        last_seen, samples, kinds)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (side, cycle, role, database, application_name, client_address, backend_type) DO UPDATE SET
                        first_seen = min(census_client.first_seen, excluded.first_seen),
                        last_seen = max(census_client.last_seen, excluded.last_seen),
                        samples = census_client.samples + excluded.samples, kinds = census_client.kinds || ',' || excluded.kinds
                    """,
                arguments: [
                    side, client.cycle, client.role.rawValue, client.database.rawValue, client.applicationName.rawValue,
                    client.clientAddress.rawValue, client.backendType.rawValue, seen.firstSeen, seen.lastSeen, seen.samples, seen.kindsText,
                ])
        }
        return true
    }
}

extension CensusClient.Identity {
    /// The identity of a `census_session` or `census_client` row.
    init(row: Row) {
        self.init(
            role: row["role"], database: row["database"], applicationName: row["application_name"], clientAddress: row["client_address"],
            backendType: row["backend_type"])
    }
}
