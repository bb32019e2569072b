import Foundation
import ParityStore
import ParityTestSupport
import PostgresClient
import PostgresStore
import Testing

extension StoreFactory {
    /// The PostgreSQL store, in a new database of the test process's shared throwaway cluster.
    static let postgres = StoreFactory(
        name: "PostgreSQL",
        open: {
            let database = try SharedCluster.newDatabase("conformance")
            return OpenedStore(try PostgresStore.open(url: database.url), keeping: database)
        },
        plant: { opened, plant in
            let database = try #require(opened.resource(SharedDatabase.self))
            // The schema's checks would refuse the value: plant it as a newer Parity's schema would allow.
            let (script, value): (String, String) = switch plant {
            case .findingKind(let value): ("UPDATE finding SET kind = $1", value)
            case .cycleStatus(let value): ("ALTER TABLE cycle DROP CONSTRAINT cycle_status_check; UPDATE cycle SET status = $1", value)
            case .decisionDisposition(let value): ("""
                ALTER TABLE disposition_decision DROP CONSTRAINT disposition_decision_check;
                INSERT INTO disposition_decision (table_name, column_name, kind, action, disposition, decided_by, decided_at)
                VALUES ('orders', 'amount', 'rounding', 'set', $1, 'a newer parity', 2)
                """, value)
            case .sourceSide(let value): ("ALTER TABLE source_state DROP CONSTRAINT source_state_side_check; UPDATE source_state SET side = $1", value)
            case .aggregateCause(let value): ("UPDATE aggregate_result SET bridge = $1", RowJSON.image([value: "1"]))
            case .statementKind(let value): ("UPDATE census_session SET statement_kind = $1", value)
            case .roundingEvidence(let value): ("UPDATE rounding_evidence SET evidence = $1", value)
            case .inventoryItems(let value): ("UPDATE inventory_snapshot SET items = $1", value)
            case .findingCounts(let value): ("UPDATE cycle_table SET findings_by_kind = $1", value)
            case .rowImage(let value): ("UPDATE row_state SET row_values = $1", value)
            }
            let connection = try database.connect()
            defer { connection.close() }
            let statements = script.split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            for statement in statements {
                try connection.query(PostgresQuery(unsafeSQL: statement, binds: statement.contains("$1") ? [value] : []))
            }
        },
        rowCount: { opened, table in
            let database = try #require(opened.resource(SharedDatabase.self))
            let connection = try database.connect()
            defer { connection.close() }
            let count = try connection.query(PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(table)")).rows.first?.values.first ?? nil
            return try #require(count.flatMap { Int($0) })
        })
}
