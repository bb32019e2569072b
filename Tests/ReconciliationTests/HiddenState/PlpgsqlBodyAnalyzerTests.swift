import ParityConfig
import ParityModel
import Testing
@testable import Reconciliation

@Suite struct PlpgsqlBodyAnalyzerTests {
    private func writes(_ body: String) -> [String] {
        PlpgsqlBodyAnalyzer.analyze(body).writes.map { "\($0.statement.rawValue) \($0.table.schema).\($0.table.name)" }
    }

    @Test func everyWritingStatementKind() {
        #expect(writes("""
            BEGIN
              INSERT INTO daily_totals (day, total) VALUES (NEW.day, NEW.amount);
              UPDATE ONLY public.accounts AS a SET balance = balance + 1 WHERE a.id = NEW.account_id;
              DELETE FROM queue WHERE id = OLD.id;
              MERGE INTO stock s USING incoming i ON s.sku = i.sku WHEN MATCHED THEN UPDATE SET qty = i.qty
                WHEN NOT MATCHED THEN INSERT (sku, qty) VALUES (i.sku, i.qty);
              TRUNCATE TABLE staging, ONLY audit.scratch *, "Temp" RESTART IDENTITY;
              REFRESH MATERIALIZED VIEW CONCURRENTLY reports.monthly;
              REFRESH MATERIALIZED VIEW weekly;
              COPY imports (a, b) FROM '/tmp/x.csv';
              COPY exports TO '/tmp/y.csv';
              RETURN NEW;
            END
            """) == [
                "insert public.daily_totals", "update public.accounts", "delete public.queue", "merge public.stock",
                "truncate public.staging", "truncate audit.scratch", "truncate public.Temp",
                "refresh materialized view reports.monthly", "refresh materialized view public.weekly", "copy public.imports",
            ])
    }

    @Test func quotedAndQualifiedNames() {
        #expect(writes(#"INSERT INTO "Sales"."Order Lines" VALUES (1); UPDATE Billing.Invoices SET x = 1; DELETE FROM "a""b";"#)
            == ["insert Sales.Order Lines", "update billing.invoices", "delete public.a\"b"])
        let analysis = PlpgsqlBodyAnalyzer.analyze("INSERT INTO t VALUES (1)", defaultSchema: "legacy")
        #expect(analysis.writtenTables == [QualifiedName(schema: "legacy", name: "t")])
    }

    @Test func commentsAndStringsAreIgnored() {
        #expect(writes("""
            -- INSERT INTO commented VALUES (1);
            /* UPDATE block SET x = 1; /* nested DELETE FROM nested */ still comment INSERT INTO c2 */
            RAISE NOTICE 'INSERT INTO quoted VALUES (1)';
            x := 'it''s INSERT INTO doubled';
            y := E'escaped \\' INSERT INTO escaped';
            z := $q$ DELETE FROM dollar $q$;
            IF TG_OP = 'UPDATE' THEN INSERT INTO real_target VALUES (1); END IF;
            """) == ["insert public.real_target"])
    }

    @Test func updateThatIsNotAWrite() {
        #expect(writes("""
            INSERT INTO totals (day, n) VALUES (NEW.day, 1) ON CONFLICT (day) DO UPDATE SET n = totals.n + 1;
            SELECT * INTO r FROM accounts WHERE id = 1 FOR UPDATE;
            SELECT * INTO r FROM ledgers WHERE id = 1 FOR NO KEY UPDATE OF ledgers NOWAIT;
            """) == ["insert public.totals"])
    }

    @Test func calledFunctionsAreCandidatesNotKeywordsOrTargets() {
        let analysis = PlpgsqlBodyAnalyzer.analyze("""
            PERFORM upd_daily_totals(NEW.day);
            INSERT INTO log (a, b) VALUES (now(), coalesce(NEW.x, 0));
            x := audit.stamp(NEW.id) + count_rows();
            IF EXISTS (SELECT 1 FROM t WHERE id IN (1, 2)) THEN NULL; END IF;
            y := NEW.amount::numeric(12, 2);
            """)
        #expect(analysis.calledFunctions == [
            FunctionReference(name: "upd_daily_totals"), FunctionReference(schema: "audit", name: "stamp"),
            FunctionReference(name: "count_rows"),
        ])
    }

    @Test func dynamicExecuteKeepsTheStatement() {
        let analysis = PlpgsqlBodyAnalyzer.analyze("""
            EXECUTE format('INSERT INTO %I VALUES ($1)', TG_ARGV[0]) USING NEW.id;
            FOR r IN EXECUTE 'SELECT 1' LOOP END LOOP;
            """)
        #expect(analysis.dynamicStatements == [
            "EXECUTE format('INSERT INTO %I VALUES ($1)', TG_ARGV[0]) USING NEW.id", "EXECUTE 'SELECT 1'",
        ])
        #expect(analysis.writes.isEmpty)
    }

    @Test func newAssignmentsReplacementAndReturnNull() {
        let analysis = PlpgsqlBodyAnalyzer.analyze("""
            BEGIN
              NEW.updated_at := now();
              IF NEW.status = 'X' THEN NEW.status = 'V'; END IF;
              SELECT rate INTO NEW.rate, NEW.currency FROM rates WHERE id = NEW.rate_id;
              IF NEW.total < 0 THEN RETURN NULL; END IF;
              RETURN NEW;
            END
            """)
        #expect(analysis.assignedNewColumns == ["updated_at", "status", "rate", "currency"])
        #expect(!analysis.replacesNew)
        #expect(analysis.returnsNull)
        let replacing = PlpgsqlBodyAnalyzer.analyze("BEGIN NEW := OLD; RETURN NEW; END")
        #expect(replacing.replacesNew)
        #expect(!replacing.returnsNull)
        #expect(replacing.assignedNewColumns.isEmpty)
    }

    @Test func sqlLanguageBodies() {
        let analysis = PlpgsqlBodyAnalyzer.analyze("""
            INSERT INTO audit.events (what) SELECT $1 RETURNING id;
            UPDATE counters SET n = n + 1 WHERE name = $2;
            SELECT bump($1);
            """)
        #expect(analysis.writtenTables == [QualifiedName(schema: "audit", name: "events"), QualifiedName(name: "counters")])
        #expect(analysis.calledFunctions == [FunctionReference(name: "bump")])
    }

    @Test func normalizedBodiesIgnoreCommentsAndSpacing() {
        #expect(SQLTokenizer.normalized("BEGIN  -- note\n  x := 'a  b';\nEND") == SQLTokenizer.normalized("BEGIN x := 'a  b'; /* c */ END"))
        #expect(SQLTokenizer.normalized("x := 'a b'") != SQLTokenizer.normalized("x := 'a  b'"))
        #expect(StableHash.fnv1a64("") == "cbf29ce484222325")
        #expect(StableHash.fnv1a64("a") == "af63dc4c8601ec8c")
    }
}
