@testable import ParityDemo
@testable import ParityEngine

/// Issue 5's scenario: invoice lines whose amount legacy computes half-even in a BEFORE trigger and the new
/// system half-up in its own INSERT (PostgreSQL's `round` rounds ties away from zero), over two months of
/// business dates; one invoice never reaches the new system. Each invoice's total is the sum of its rounded lines
/// on legacy and its unrounded lines' sum rounded once on the new system.
enum RoundingScenario {
    static let legacySchema = """
        CREATE TABLE heap_log (id bigint, what text);
        \(DemoSchema.roundHalfEven)
        CREATE TABLE invoice_lines (
            inv_no int, line_no int, currency char(3) NOT NULL, issued_on date NOT NULL,
            qty numeric(12,3) NOT NULL, unit_price numeric(12,2) NOT NULL, amount numeric(12,2),
            PRIMARY KEY (inv_no, line_no));
        CREATE FUNCTION invoice_lines_amount() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.amount := round_half_even(NEW.qty * NEW.unit_price, 2);
            RETURN NEW;
        END $$;
        CREATE TRIGGER invoice_lines_bi BEFORE INSERT OR UPDATE ON invoice_lines
            FOR EACH ROW EXECUTE FUNCTION invoice_lines_amount();
        CREATE TABLE invoices (inv_no int PRIMARY KEY, currency char(3) NOT NULL, total numeric(12,2) NOT NULL);
        """

    static let newSchema = """
        CREATE TABLE heap_log (id bigint, what text);
        CREATE SCHEMA billing;
        CREATE TABLE billing.invoice_line (
            invoice_id bigint, line int, currency text NOT NULL, issue_date date NOT NULL,
            quantity numeric(14,3) NOT NULL, price numeric(14,2) NOT NULL, amount numeric(14,2),
            PRIMARY KEY (invoice_id, line));
        CREATE TABLE billing.invoice (id bigint PRIMARY KEY, currency text NOT NULL, total numeric(14,2) NOT NULL);
        """

    static let tables = """
          - name: invoice_lines
            legacy: public.invoice_lines
            new: billing.invoice_line
            key: { legacy: [inv_no, line_no], new: [invoice_id, line] }
            columns:
              - { legacy: currency, new: currency }
              - { legacy: issued_on, new: issue_date, type: date }
              - { legacy: qty, new: quantity, type: decimal }
              - { legacy: unit_price, new: price, type: decimal }
              - { legacy: amount, new: amount, type: decimal, scale: 2, source: "qty * unit_price" }
          - name: invoices
            legacy: public.invoices
            new: billing.invoice
            key: { legacy: [inv_no], new: [id] }
            columns:
              - { legacy: currency, new: currency }
              - { legacy: total, new: total, type: decimal, scale: 2 }
            line_items: { table: invoice_lines, key: [inv_no], amount: amount, total: total }
        """

    static let aggregates = """
        aggregates:
          - name: line_totals
            table: invoice_lines
            measure: { sum: amount }
            group_by: [currency]
            scope: flow
            date: { legacy: issued_on, new: issue_date }
            tolerance: "0.00"
        """

    /// One invoice line as both systems receive it.
    struct Line {
        var invoice: Int
        var line: Int
        var currency: String
        var day: String
        var qty: String
        var price: String
    }

    /// The legacy application's insert: the trigger computes each line's amount; the invoice total adds the rounded lines.
    static func legacyInsert(_ lines: [Line]) -> String {
        "INSERT INTO invoice_lines (inv_no, line_no, currency, issued_on, qty, unit_price) VALUES "
            + lines.map { "(\($0.invoice), \($0.line), '\($0.currency)', '\($0.day)', \($0.qty), \($0.price))" }.joined(separator: ", ")
            + "; INSERT INTO invoices SELECT inv_no, currency, sum(amount) FROM invoice_lines WHERE inv_no IN (\(invoices(lines)))"
            + " GROUP BY inv_no, currency"
    }

    /// The legacy application's correction of one line's quantity, and its invoice's total.
    static func legacyRequantify(invoice: Int, line: Int, qty: String) -> String {
        "UPDATE invoice_lines SET qty = \(qty) WHERE inv_no = \(invoice) AND line_no = \(line); "
            + "UPDATE invoices SET total = (SELECT sum(amount) FROM invoice_lines WHERE inv_no = \(invoice)) WHERE inv_no = \(invoice)"
    }

    /// The new application's correction: the line rounded half-up, the total rounded once over the unrounded lines.
    static func newRequantify(invoice: Int, line: Int, qty: String) -> String {
        "UPDATE billing.invoice_line SET quantity = \(qty), amount = round(\(qty) * price, 2) WHERE invoice_id = \(invoice) AND line = \(line); "
            + "UPDATE billing.invoice SET total = (SELECT round(sum(quantity * price), 2) FROM billing.invoice_line "
            + "WHERE invoice_id = \(invoice)) WHERE id = \(invoice)"
    }

    private static func invoices(_ lines: [Line]) -> String {
        Set(lines.map(\.invoice)).sorted().map(String.init).joined(separator: ", ")
    }

    /// The new application's insert: it rounds the amount itself, half-up.
    static func newInsert(_ lines: [Line]) -> String {
        "INSERT INTO billing.invoice_line (invoice_id, line, currency, issue_date, quantity, price, amount) VALUES "
            + lines.map {
                "(\($0.invoice), \($0.line), '\($0.currency)', '\($0.day)', \($0.qty), \($0.price), round(\($0.qty) * \($0.price), 2))"
            }.joined(separator: ", ")
            + "; INSERT INTO billing.invoice SELECT invoice_id, currency, round(sum(quantity * price), 2) FROM billing.invoice_line"
            + " WHERE invoice_id IN (\(invoices(lines))) GROUP BY invoice_id, currency"
    }
}
