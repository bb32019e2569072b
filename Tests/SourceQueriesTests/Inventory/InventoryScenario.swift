import ParityConfig
import ParityTestSupport

/// A legacy database holding one of every kind of hidden state, on a throwaway cluster.
struct InventoryScenario {
    static let legacySchema = """
        CREATE SCHEMA audit;
        CREATE TABLE audit.trail (at timestamptz, what text);
        CREATE FUNCTION audit.record(what text) RETURNS void LANGUAGE sql
            BEGIN ATOMIC INSERT INTO audit.trail VALUES (now(), what); END;
        CREATE FUNCTION public.make_ref() RETURNS text LANGUAGE sql AS $$ SELECT 'R' || floor(random() * 1000)::text $$;
        CREATE TABLE public.daily_totals (day date PRIMARY KEY, total numeric(14,2) NOT NULL);
        CREATE TABLE public.orders (
            id int PRIMARY KEY, day date NOT NULL, amount numeric(12,2) NOT NULL, qty int NOT NULL DEFAULT 1,
            total numeric(14,2) GENERATED ALWAYS AS (amount * qty) STORED, updated_at timestamptz DEFAULT now(),
            ref text DEFAULT public.make_ref());
        CREATE FUNCTION public.bump_daily(d date, a numeric) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO daily_totals (day, total) VALUES (d, a) ON CONFLICT (day) DO UPDATE SET total = daily_totals.total + a;
          PERFORM audit.record('bumped');
        END $$;
        CREATE FUNCTION public.upd_daily_totals() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
          -- UPDATE commented_out SET x = 1;
          PERFORM bump_daily(NEW.day, NEW.amount);
          RETURN NEW;
        END $body$;
        CREATE TRIGGER orders_ai AFTER INSERT OR UPDATE ON public.orders FOR EACH ROW EXECUTE FUNCTION public.upd_daily_totals();
        CREATE FUNCTION public.stamp() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN NEW.updated_at := now(); IF NEW.amount < 0 THEN RETURN NULL; END IF; RETURN NEW; END $$;
        CREATE TRIGGER orders_bi BEFORE INSERT OR UPDATE ON public.orders FOR EACH ROW EXECUTE FUNCTION public.stamp();
        CREATE FUNCTION public.route() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN EXECUTE format('INSERT INTO %I SELECT $1.*', TG_ARGV[0]) USING OLD; RETURN NULL; END $$;
        CREATE TRIGGER orders_route AFTER DELETE ON public.orders FOR EACH ROW EXECUTE FUNCTION public.route('orders_archive');
        ALTER TABLE public.orders DISABLE TRIGGER orders_route;
        CREATE TABLE public.ledger (id int, amount numeric);
        CREATE RULE ledger_no_delete AS ON DELETE TO public.ledger DO INSTEAD NOTHING;
        CREATE TABLE public.accounts (id int PRIMARY KEY, owner text);
        ALTER TABLE public.accounts ENABLE ROW LEVEL SECURITY;
        CREATE POLICY owner_only ON public.accounts USING (owner = current_user);
        CREATE UNLOGGED TABLE public.session_cache (k text PRIMARY KEY, v text);
        CREATE MATERIALIZED VIEW public.monthly AS
            SELECT date_trunc('month', day) AS month, sum(total) AS total FROM public.daily_totals GROUP BY 1;
        CREATE SEQUENCE public.invoice_no;
        CREATE FUNCTION public.ddl_guard() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE 'ddl'; END $$;
        CREATE EVENT TRIGGER no_drop ON ddl_command_start WHEN TAG IN ('DROP TABLE') EXECUTE FUNCTION public.ddl_guard();
        CREATE FUNCTION public.push_partner(order_id int) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM dblink_exec('host=partner.example.com dbname=feed user=sync password=s3cret',
                              format('INSERT INTO feed VALUES (%s)', order_id));
          COPY (SELECT * FROM public.orders) TO PROGRAM 'PGOPT=1 /usr/bin/gzip > /var/exports/orders.gz';
          PERFORM lo_export(4242, '/var/exports/blob');
        END $$;
        CREATE FUNCTION public.orders_signal() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN NOTIFY orders_changed; PERFORM pg_notify('audit_feed', NEW.id::text); RETURN NEW; END $$;
        CREATE TRIGGER orders_signal AFTER INSERT ON public.orders FOR EACH ROW EXECUTE FUNCTION public.orders_signal();
        CREATE PUBLICATION partner_feed FOR TABLE public.orders WITH (publish = 'insert');
        """

    /// A foreign server with a password in its user mapping and a foreign table, when postgres_fdw is installed on this machine.
    static let foreignTable = """
        CREATE EXTENSION postgres_fdw;
        CREATE SERVER other FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'warehouse.example.com', dbname 'postgres');
        CREATE USER MAPPING FOR postgres SERVER other OPTIONS (user 'loader', password 'hunter2');
        CREATE FOREIGN TABLE public.remote_orders (id int) SERVER other;
        """

    let cluster: PostgresCluster
    let hasForeignTables: Bool

    init() throws {
        cluster = try PostgresCluster.start()
        try cluster.createDatabase("legacy")
        try cluster.run(Self.legacySchema, database: "legacy")
        let available = try cluster.connect(database: "legacy")
        defer { available.close() }
        hasForeignTables = try !available.query("SELECT 1 FROM pg_available_extensions WHERE name = 'postgres_fdw'").rows.isEmpty
        if hasForeignTables { try cluster.run(Self.foreignTable, database: "legacy") }
    }

    func stop() { cluster.stop() }

    /// A config whose legacy source is this database, documenting `orders_bi` and snapshotting `session_cache`.
    func yaml(legacyDSN: String? = nil) -> String {
        """
        sources:
          legacy: { dsn: "\(legacyDSN ?? cluster.dsn(database: "legacy"))", connect_timeout: 2s }
          new: { dsn: "\(cluster.dsn(database: "postgres"))" }
        tables:
          - name: orders
            legacy: public.orders
            new: public.orders
            key: { legacy: [id], new: [id] }
            columns:
              - { legacy: amount, new: amount }
        hidden_state:
          documented:
            - { kind: trigger, name: orders_bi, table: public.orders, disposition: reproduced, note: "new app stamps rows" }
          snapshot_tables: [public.session_cache]
        """
    }

    func configuration(legacyDSN: String? = nil) throws -> ParityConfiguration {
        try ParityConfiguration.parse(yaml: yaml(legacyDSN: legacyDSN), file: "inventory.yaml", environment: [:])
    }
}
