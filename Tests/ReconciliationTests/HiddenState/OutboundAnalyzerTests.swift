import ParityConfig
import Testing
@testable import Reconciliation

@Suite("Outbound integrations in function bodies")
struct OutboundAnalyzerTests {
    @Test("connection strings give their hosts only; anything else is not a connection string")
    func hosts() {
        #expect(ConnectionTarget.hosts(in: "host=db1.example.com port=5433 dbname=x password='a b\\'c'") == ["db1.example.com"])
        #expect(ConnectionTarget.hosts(in: "hostaddr=10.0.0.7 user=u") == ["10.0.0.7"])
        #expect(ConnectionTarget.hosts(in: "dbname=local") == [ConnectionTarget.localSocket])
        #expect(ConnectionTarget.hosts(in: "host=a,b dbname=x") == ["a", "b"])
        #expect(ConnectionTarget.hosts(in: "postgresql://u:pw@h1:5432,[::1]:5433/db?sslmode=require") == ["h1", "::1"])
        #expect(ConnectionTarget.hosts(in: "postgres:///db?host=/var/run/postgresql") == [ConnectionTarget.localSocket])
        #expect(ConnectionTarget.hosts(in: "partner_conn") == nil)
        #expect(ConnectionTarget.hosts(in: "SELECT * FROM t WHERE user = 1") == nil)
    }

    @Test("dblink, COPY … PROGRAM, lo_export and notifications are found, also inside EXECUTE")
    func analysis() {
        let body = """
            BEGIN
              PERFORM dblink_connect('partner', 'host=partner.example.com dbname=feed password=x');
              PERFORM dblink('partner', 'SELECT 1');
              PERFORM dblink(conn_text, 'SELECT 1');
              COPY (SELECT * FROM t WHERE a IN (SELECT b FROM u)) TO PROGRAM 'SECRET=1 /usr/bin/curl -d @- https://x';
              EXECUTE 'COPY t FROM PROGRAM ''cat /tmp/in''';
              PERFORM lo_export(1, '/tmp/f');
              NOTIFY orders_changed;
              PERFORM pg_notify('audit', 'x');
              PERFORM pg_notify(channel_name, 'x');
              -- NOTIFY commented_out;
              RAISE NOTICE 'dblink(''host=in.a.string'')';
            END
            """
        let analysis = OutboundAnalyzer.analyze(body)
        #expect(analysis.connectsTo == ["partner.example.com", ConnectionTarget.computed, "in.a.string"])
        #expect(analysis.programs == ["copy to program curl", "copy from program cat"])
        #expect(analysis.serverFiles == ["lo_export"])
        #expect(analysis.notifies == ["orders_changed", "audit", OutboundAnalyzer.computedChannel])
        #expect(OutboundAnalyzer.analyze("BEGIN COPY t FROM STDIN; COPY t TO '/tmp/x'; END").isEmpty)
    }

    @Test("functions become items; channels list their senders and the triggers that fire them; untrusted languages show")
    func items() {
        let functions = [
            FunctionSource(schema: "public", name: "signal", language: "plpgsql", body: "BEGIN NOTIFY changed; RETURN NEW; END"),
            FunctionSource(schema: "public", name: "trg", language: "plpgsql", body: "BEGIN PERFORM signal(); RETURN NEW; END"),
            FunctionSource(schema: "public", name: "plain", language: "sql", body: "SELECT 1"),
            FunctionSource(schema: "etl", name: "fetch", language: "plpython3u", body: "import urllib"),
        ]
        let graph = FunctionGraph(functions: functions)
        let trigger = TriggerFacts(
            name: "t_ai", table: "public.t", type: TriggerType(timing: .after, events: [.insert], level: .row), enabled: .enabled,
            function: "public.trg", reach: graph.reach(from: "public.trg"))
        let items = OutboundIntegrations.items(functions: functions, untrustedLanguages: ["plpython3u"], triggers: [trigger])
        #expect(items.map { "\($0.kind.rawValue) \($0.name)" + $0.details.map { " | \($0.key)=\($0.value)" }.joined() } == [
            "function etl.fetch | language=plpython3u (untrusted)",
            "function public.signal | language=plpgsql | notifies=changed",
            "notify_channel changed | sent_by=public.signal() | triggers=public.t.t_ai",
        ])
    }
}
