/// The demo's configuration file, written into the work folder so it can be read and reused
/// (`parity report eod --config .parity-demo/parity.yaml`).
enum DemoConfig {
    /// The YAML for the two databases of `legacyDSN`/`newDSN`, the store at `storePath`, cycles of `period` seconds, and a
    /// gate over the last `gateCycles` cycles (the simulated days).
    static func yaml(legacyDSN: String, newDSN: String, storePath: String, period: Int, gateCycles: Int) -> String {
        """
        # Written by `parity demo`: the legacy order system and its modern replacement on one throwaway server.
        store: { path: "\(storePath)" }
        sources:
          legacy: { dsn: "\(legacyDSN)", slot: parity_demo_legacy, publication: parity_demo_legacy }
          new:    { dsn: "\(newDSN)", slot: parity_demo_new, publication: parity_demo_new }
        # Each simulated business day is replayed within one short cycle.
        cycle: { period: \(period)s, timezone: America/Vancouver, settle: 0s, grace: 1s }
        tables:
          - name: orders
            legacy: public.orders
            new: sales.orders
            key: { legacy: [order_no], new: [id] }
            columns:
              - { legacy: customer, new: customer, pii: true }
              - { legacy: currency, new: currency }
              - { legacy: status, new: state, map: { O: open, P: paid, S: shipped, V: void } }
              - { legacy: qty, new: quantity, type: decimal }
              - { legacy: unit_price, new: unit_price, type: decimal }
              - { legacy: amount, new: amount, type: decimal, scale: 2, source: "qty * unit_price" }
              - { legacy: placed_at, new: placed_at, type: timestamptz, legacy_timezone: America/Vancouver }
          - name: payments
            legacy: public.payments
            new: sales.payments
            key: { legacy: [pay_id], new: [id] }
            columns:
              - { legacy: order_no, new: order_id, type: integer }
              - { legacy: method, new: method, map: { CC: card, BT: transfer } }
              - { legacy: amount, new: amount, type: decimal, tolerance: "0.01" }
              - { legacy: paid_at, new: paid_at, type: timestamptz, legacy_timezone: America/Vancouver }
        aggregates:
          - name: revenue
            table: orders
            measure: { sum: amount }
            group_by: [currency]
            scope: flow
            date: { legacy: placed_at, new: placed_at }
            filter: "status <> 'V'"
            tolerance: "0.00"
          - name: summary_revenue
            table: orders
            measure: { sum: amount }
            group_by: [currency]
            scope: flow
            date: { legacy: placed_at, new: placed_at }
            tolerance: "0.00"
            legacy_summary: { table: public.daily_summary, group_by: [currency], value: revenue, date: day }
          - name: open_orders
            table: orders
            measure: { count: "*" }
            scope: balance
            filter: "status = 'O'"
        hidden_state:
          documented:
            - { kind: trigger, name: orders_audit_aiu, table: public.orders, disposition: reproduced,
                where: "the new application writes audit events", note: "checked with the audit team" }
            - { kind: trigger, name: orders_amount_bi, table: public.orders, disposition: reproduced,
                where: "the new application computes amounts (rounding half-up)" }
            - { kind: sequence, name: order_audit_id_seq, table: public.order_audit_id_seq, disposition: retired,
                note: "audit ids are not carried over" }
            - { kind: sequence, name: demo_heartbeat_id_seq, table: public.demo_heartbeat_id_seq, disposition: accepted,
                note: "the demo's heartbeat" }
          ignore_tables: [public.demo_heartbeat]
        dispositions:
          - { table: orders, column: amount, kind: rounding, disposition: intentional_change, owner: finance,
              note: "the new system rounds half-up per policy FIN-12" }
        # The gate looks at every simulated day.
        gate: { cycles: \(gateCycles), max_unexplained_rate: "0" }
        """
    }
}
