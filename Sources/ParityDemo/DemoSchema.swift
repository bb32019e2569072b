/// The demo's two databases: a legacy order-and-payment schema with the habits of an old system, and
/// the modern counterpart that replaces it.
enum DemoSchema {
    /// `round_half_even(v, s)`: what a legacy system's own rounding function looks like (PostgreSQL's `round`
    /// rounds ties away from zero).
    static let roundHalfEven = """
        CREATE FUNCTION round_half_even(v numeric, s int) RETURNS numeric LANGUAGE plpgsql IMMUTABLE AS $$
        DECLARE
            shifted numeric := v * power(10::numeric, s);
            kept numeric := floor(shifted);
        BEGIN
            IF shifted - kept > 0.5 OR (shifted - kept = 0.5 AND mod(kept, 2) <> 0) THEN kept := kept + 1; END IF;
            RETURN kept / power(10::numeric, s);
        END $$;
        """

    /// Legacy: one-letter status codes, local `timestamp`s in the business time zone, amounts rounded
    /// half-even by a BEFORE trigger, a daily summary kept by an undocumented AFTER trigger, and an audit
    /// trail kept by a documented one.
    static let legacy = """
        CREATE TABLE orders (
            order_no    integer PRIMARY KEY,
            customer    text NOT NULL,
            currency    char(3) NOT NULL,
            status      char(1) NOT NULL,           -- O open, P paid, S shipped, V void
            qty         numeric(10,3) NOT NULL,
            unit_price  numeric(12,2) NOT NULL,
            amount      numeric(12,2),              -- set by orders_amount_bi
            placed_at   timestamp NOT NULL          -- America/Vancouver wall clock
        );
        CREATE TABLE payments (
            pay_id      integer PRIMARY KEY,
            order_no    integer NOT NULL,
            method      char(2) NOT NULL,           -- CC card, BT bank transfer
            amount      numeric(12,2) NOT NULL,
            paid_at     timestamp NOT NULL
        );
        CREATE TABLE daily_summary (
            day         date NOT NULL,
            currency    char(3) NOT NULL,
            orders      integer NOT NULL,
            revenue     numeric(14,2) NOT NULL,
            PRIMARY KEY (day, currency)
        );
        CREATE TABLE order_audit (
            id          bigserial PRIMARY KEY,
            order_no    integer NOT NULL,
            action      text NOT NULL,
            at          timestamp NOT NULL DEFAULT localtimestamp
        );
        CREATE TABLE demo_heartbeat (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now());

        \(roundHalfEven)
        CREATE FUNCTION orders_amount() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.amount := round_half_even(NEW.qty * NEW.unit_price, 2);
            RETURN NEW;
        END $$;
        CREATE TRIGGER orders_amount_bi BEFORE INSERT OR UPDATE ON orders
            FOR EACH ROW EXECUTE FUNCTION orders_amount();

        CREATE FUNCTION add_to_daily_summary(d date, cur char(3), revenue numeric) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO daily_summary AS s VALUES (d, cur, 1, revenue)
            ON CONFLICT (day, currency) DO UPDATE SET orders = s.orders + 1, revenue = s.revenue + EXCLUDED.revenue;
        END $$;
        CREATE FUNCTION orders_summary() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM add_to_daily_summary(NEW.placed_at::date, NEW.currency, NEW.amount);
            RETURN NULL;
        END $$;
        CREATE TRIGGER orders_summary_ai AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION orders_summary();

        CREATE FUNCTION orders_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO order_audit (order_no, action) VALUES (NEW.order_no, TG_OP);
            RETURN NULL;
        END $$;
        CREATE TRIGGER orders_audit_aiu AFTER INSERT OR UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION orders_audit();
        """

    /// Modern: renamed tables and columns, words for statuses, instants, amounts rounded half-up by the
    /// application (PostgreSQL's `round`), no summary table, audit events written by the application.
    static let modern = """
        CREATE SCHEMA sales;
        CREATE TABLE sales.orders (
            id          bigint PRIMARY KEY,
            customer    text NOT NULL,
            currency    text NOT NULL,
            state       text NOT NULL,
            quantity    numeric(12,3) NOT NULL,
            unit_price  numeric(14,2) NOT NULL,
            amount      numeric(14,2) NOT NULL,
            placed_at   timestamptz NOT NULL
        );
        CREATE TABLE sales.payments (
            id          bigint PRIMARY KEY,
            order_id    bigint NOT NULL,
            method      text NOT NULL,
            amount      numeric(14,2) NOT NULL,
            paid_at     timestamptz NOT NULL
        );
        CREATE TABLE demo_heartbeat (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now());
        """
}
