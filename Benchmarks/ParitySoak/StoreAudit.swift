import Foundation
import ParityConfig
import ParityEngine
import ParityModel
import ParityStore
import ParityTestSupport
import PostgresClient

/// The proof after the kills: every row of every mapped table in the store equals its source's (nothing lost, no
/// stale or phantom row), and the store holds exactly as many changes as the sources' transactions made (nothing
/// doubled): each TPC-B-like transaction made one history insert and one update each of accounts, tellers and
/// branches, and each bulk transaction the `soak_bulk` rows it inserted, so the counts follow from the final tables.
struct StoreAudit {
    let scenario: SoakScenario

    /// One table on one side.
    struct TableLine {
        let side: SourceSide
        let mapping: String
        let sourceRows: Int
        let storeRows: Int
        let problems: [String]
    }

    /// One side's change counts: what the source's tables imply against what the store holds.
    struct ChangeLine {
        let side: SourceSide
        let expected: [String: Int]
        let found: [String: Int]

        var isExact: Bool { expected == found }
    }

    /// Compares every table on both sides, row by row and column by column.
    func tables() throws -> [TableLine] {
        let store: any Store = try ParityConfiguration.load(path: scenario.configPath).store.open()
        var lines: [TableLine] = []
        for side in SourceSide.allCases {
            for table in SoakTable.all {
                let source = try sourceImages(side, table)
                let stored = try store.currentImages(side: side, mapping: table.mapping)
                lines.append(TableLine(
                    side: side, mapping: table.mapping, sourceRows: source.count, storeRows: stored.count,
                    problems: Self.differences(source: source, stored: stored)))
            }
        }
        return lines
    }

    /// The changes the store holds for each side against those the source's final tables imply.
    func changes() throws -> [ChangeLine] {
        let probe = scenario.probe
        return try SourceSide.allCases.map { side in
            let connection = try scenario.cluster(side).connect(database: side.database)
            defer { connection.close() }
            let row = try connection.query("""
                SELECT (SELECT count(*) FROM pgbench_history)::text AS tpcb, (SELECT count(*) FROM soak_bulk)::text AS bulk_rows,
                       (SELECT count(DISTINCT batch) FROM soak_bulk)::text AS bulk_transactions
                """).singleRow()
            let tpcb = Int(row["tpcb"] ?? "") ?? -1, bulkRows = Int(row["bulk_rows"] ?? "") ?? -1
            var expected = ["history insert": tpcb, "accounts update": tpcb, "tellers update": tpcb, "branches update": tpcb]
            if bulkRows > 0 { expected["bulk insert"] = bulkRows }
            expected["transactions"] = tpcb + (Int(row["bulk_transactions"] ?? "") ?? -1)
            expected["open streamed transactions"] = 0
            let counts = try probe.changeCounts(side: side)
            var found = counts.byMappingAndOp
            found["transactions"] = counts.transactions
            found["open streamed transactions"] = counts.openStreams
            if let early = try probe.changesBeforeUnfoldedSince(side: side) {
                expected["changes before unfolded_since"] = 0
                found["changes before unfolded_since"] = early
            }
            return ChangeLine(side: side, expected: expected, found: found)
        }
    }

    /// Every row of a source table keyed and imaged as the store keys and images it (all columns, as text).
    private func sourceImages(_ side: SourceSide, _ table: SoakTable) throws -> [ExactText: [String: String?]] {
        let connection = try scenario.cluster(side).connect(database: side.database)
        defer { connection.close() }
        let columns = table.key + table.columns
        var images: [ExactText: [String: String?]] = [:]
        let list = columns.joined(separator: ", ")
        try connection.copyOut(PostgresQuery(unsafeSQL: "COPY \(table.table) (\(list)) TO STDOUT")) { values in
            var image: [String: String?] = [:]
            for (index, column) in columns.enumerated() { image[column] = .some(values[index]) }
            images[ExactText(RowJSON.key(table.key.map { image[$0] ?? nil }))] = image
        }
        return images
    }

    /// Keys on one side only, and columns whose values differ (the first 20).
    private static func differences(source: [ExactText: [String: String?]], stored: [ExactText: [String: String?]]) -> [String] {
        var problems: [String] = []
        for key in Set(source.keys).subtracting(stored.keys).sorted().prefix(20) { problems.append("\(key) missing in store") }
        for key in Set(stored.keys).subtracting(source.keys).sorted().prefix(20) { problems.append("\(key) only in store") }
        for (key, image) in stored.sorted(by: { $0.key < $1.key }) where problems.count < 40 {
            guard let expected = source[key] else { continue }
            for column in Set(image.keys).union(expected.keys).sorted() where image[column] != expected[column] {
                problems.append("\(key).\(column): store \(String(describing: image[column])) source \(String(describing: expected[column]))")
            }
        }
        return problems
    }
}
