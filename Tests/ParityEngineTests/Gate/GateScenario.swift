import Foundation
import PostgresClient
import ParityConfig
import ParityEngine
import ParityStore
import ParityTestSupport
import Reconciliation
import Testing

/// Issue 7's store state, built by real cycles: invoices on two throwaway clusters, the baseline, the cycle init
/// falls in, a cycle where legacy and new disagree on invoices dated in the last complete business month (a value
/// mismatch and an invoice only legacy has), then a cycle where legacy is quiet (its ticks go to `quiet.tick`, outside
/// the publication). The invoices' month comes from the disagreeing cycle's own end, so the scenario holds on any day.
struct GateScenario {
    static let legacySchema = """
        CREATE TABLE heap_log (id bigint, what text);
        CREATE SCHEMA quiet;
        CREATE TABLE quiet.tick (id bigint);
        CREATE TABLE invoices (inv_no int PRIMARY KEY, currency char(3) NOT NULL, issued_on date NOT NULL, total numeric(12,2));
        """
    static let newSchema = """
        CREATE TABLE heap_log (id bigint, what text);
        CREATE SCHEMA billing;
        CREATE TABLE billing.invoice (id bigint PRIMARY KEY, currency text NOT NULL, issue_date date NOT NULL, total numeric(14,2));
        """
    static let tables = """
          - name: invoices
            legacy: public.invoices
            new: billing.invoice
            key: { legacy: [inv_no], new: [id] }
            columns:
              - { legacy: currency, new: currency }
              - { legacy: issued_on, new: issue_date, type: date }
              - { legacy: total, new: total, type: decimal }
        """

    /// Disposes of the value mismatch on invoice 2's total.
    static let repriced = #"- { table: invoices, column: total, kind: value_mismatch, disposition: intentional_change, note: "re-priced" }"#
    /// Disposes of invoice 3, which only legacy has.
    static let neverMigrated = #"- { table: invoices, kind: missing_in_new, disposition: legacy_bug, note: "test invoice" }"#

    /// The rules a config file gives the gate: disposition rules (YAML list items), the aggregate's tolerance and the
    /// `gate:` mapping's body.
    struct Rules {
        var dispositions = [GateScenario.repriced, GateScenario.neverMigrated]
        var tolerance = "10.00"
        var gate = "cycles: 2"
        /// `gate.allowed_clients`: the tests' own sessions and the export job that keeps a session open on legacy.
        var allowedClients = ["parity-tests", "billing-export"]
        /// The tick tables have no primary key: documented as accepted, and their writes ignored.
        var hiddenState = """
            hidden_state:
              documented:
                - { kind: no_replica_identity, name: heap_log, table: public.heap_log, disposition: accepted, note: tick table }
                - { kind: no_replica_identity, name: tick, table: quiet.tick, disposition: accepted, note: tick table }
              ignore_tables: [public.heap_log]
            """
    }

    let base: ReconciliationScenario
    let session: CaptureSession
    /// The business month (`YYYY-MM`) the invoices are dated in: the last complete one when the cycles closed.
    let month: String
    /// A client other than Parity keeping a session on legacy (application name `billing-export`), seen by the census.
    let client: PostgresConnection

    /// Starts both clusters, runs init, closes the baseline and three cycles: init's, the disagreeing one, a quiet one.
    /// They close with only the re-pricing disposed of, so the missing invoice stays unexplained in the aggregate (-5.00 EUR).
    static func run() throws -> GateScenario {
        let base = try ReconciliationScenario(
            legacySchema: legacySchema, newSchema: newSchema, tables: tables, hiddenState: Rules().hiddenState,
            extraYAML: rulesYAML(Rules(dispositions: [repriced])))
        let session = try CaptureSession(configuration: base.configuration, store: base.store, statusInterval: .milliseconds(200))
        session.start()
        let client = try PostgresConnection.connect(
            ConnectionOptions(dsn: base.legacy.dsn(database: "legacy"), applicationName: "billing-export"))
        try client.execute(unsafeScript: "INSERT INTO quiet.tick VALUES (1)")
        _ = try CycleCloser.close(base.configuration, store: base.store)
        let calendar = try #require(CycleCalendar(base.configuration.cycle))
        try #require(MonthBoundary.waitOut(calendar.lastCompleteMonth(at:)))
        let disagreeing = try CycleClock.waitForWindow(calendar, offset: 0.2...3)
        let month = calendar.lastCompleteMonth(at: disagreeing.end)
        let scenario = GateScenario(base: base, session: session, month: month, client: client)
        try base.write(
            legacy: "INSERT INTO invoices VALUES (1, 'EUR', '\(month)-05', 10.00), (2, 'USD', '\(month)-06', 20.00), (3, 'EUR', '\(month)-07', 5.00)",
            new: "INSERT INTO billing.invoice VALUES (1, 'EUR', '\(month)-05', 10.00), (2, 'USD', '\(month)-06', 20.05)")
        let quiet = try CycleClock.waitForWindow(calendar, offset: 0.2...3, window: calendar.window(after: disagreeing))
        try CycleClock.closeThrough(quiet, configuration: base.configuration, store: base.store, session: session) {
            try base.write(legacy: "INSERT INTO quiet.tick VALUES (0)", new: "INSERT INTO heap_log VALUES (0, 'tick')")
        }
        // The store proven equal to both sources (the gate requires a recent clean verify --sources).
        let verified = try SourceVerifier.run(base.configuration, store: base.store)
        try #require(verified.drifts.isEmpty, "\(verified.drifts)")
        try VerificationHistory.record(verified, document: "{}", store: base.store)
        return scenario
    }

    /// Stops capture, then both clusters.
    func stop() {
        session.stop()
        client.close()
        base.stop()
    }

    /// The top-level YAML for `rules`: aggregates, dispositions and gate.
    static func rulesYAML(_ rules: Rules) -> String {
        let dispositions = rules.dispositions.isEmpty ? "" : (["dispositions:"] + rules.dispositions.map { "  " + $0 }).joined(separator: "\n")
        return """
            aggregates:
              - { name: invoice_totals, table: invoices, measure: { sum: total }, group_by: [currency], scope: flow,
                  date: { legacy: issued_on, new: issue_date }, tolerance: "\(rules.tolerance)" }
            \(dispositions)
            census: { interval: 1s }
            gate: { \(rules.gate), allowed_clients: [\(rules.allowedClients.joined(separator: ", "))] }
            """
    }

    /// A config file over the same clusters and store with `rules`; returns its path and parsed configuration.
    func config(_ rules: Rules) throws -> (path: String, configuration: ParityConfiguration) {
        let yaml = """
            store: { path: "\(base.configuration.store.path)" }
            sources:
              legacy: { dsn: "\(base.legacy.dsn(database: "legacy"))" }
              new: { dsn: "\(base.new.dsn(database: "modern"))" }
            cycle: { period: 6s, settle: 0s, grace: 2s }
            tables:
            \(Self.tables)
            \(rules.hiddenState)
            \(Self.rulesYAML(rules))
            """
        let path = base.scratch.file("gate-\(UUID().uuidString).yaml")
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return (path, try ParityConfiguration.parse(yaml: yaml, file: path, environment: [:]))
    }

    /// The gate evaluated in-process under `rules` at `now` (not recorded).
    func evaluate(_ rules: Rules, asOf: String? = nil, now: Date = Date()) throws -> GateReport {
        let configuration = try config(rules).configuration
        return GateEvaluator.evaluate(
            try GateLoader.load(configuration, store: base.store, asOf: asOf, now: now), configuration: configuration.gate)
    }
}

extension GateReport {
    /// The named criterion's outcome.
    func criterion(_ name: GateCriterion.Name) -> GateCriterion? {
        criteria.first { $0.name == name }
    }
}
