/// The demo's shadow traffic: for each simulated business day, orders and payments written to both systems,
/// each in its own dialect, with a few planted defects.
struct DemoTraffic {
    /// One order as the business sees it.
    struct Order {
        var number: Int
        var customer: String
        var currency: String
        var status: Character
        var qty: String
        var unitPrice: String
        var placedAt: String
        var paid: Bool
    }

    /// A defect the modern system plants on purpose.
    enum Defect: String {
        /// The order never reaches the new system.
        case missedWrite = "missed write"
        /// The new system writes `paid` for a shipped order.
        case wrongStatus = "wrong status mapping"
    }

    static let statusWords: [Character: String] = ["O": "open", "P": "paid", "S": "shipped", "V": "void"]
    static let methodWords = ["CC": "card", "BT": "transfer"]
    private static let customers = ["acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne", "tyrell"]
    private static let quantities = ["1", "2", "3", "0.5", "1.5", "2.5", "0.25", "1.125"]
    private static let prices = ["1.23", "0.33", "2.25", "9.99", "12.50", "0.75", "19.95", "4.41"]

    let ordersPerDay: Int
    /// The business month (`YYYY-MM`) the simulated days fall in.
    let month: String

    /// The business date of simulated day `day` (1-based, at most 28) in `month`.
    func date(_ day: Int) -> String {
        month + (day < 10 ? "-0" : "-") + String(day)
    }

    /// The orders of `day`, numbered from `day * 10_000`, deterministic.
    func orders(day: Int) -> [Order] {
        (0..<ordersPerDay).map { index in
            let seed = day * 7_919 + index * 104_729
            let minute = index * 7 % 600
            return Order(
                number: day * 10_000 + index, customer: Self.customers[seed % Self.customers.count],
                currency: seed % 5 == 0 ? "USD" : "EUR", status: Array("OPSPV")[seed % 5],
                qty: Self.quantities[(seed / 3) % Self.quantities.count], unitPrice: Self.prices[(seed / 7) % Self.prices.count],
                placedAt: "\(date(day)) \(8 + minute / 60):\(minute % 60 < 10 ? "0" : "")\(minute % 60):00",
                paid: seed % 5 == 1 || seed % 5 == 2)
        }
    }

    /// The defect planted on an order, if any: the first order of day 2 is never written to the new system,
    /// and on day 3 every shipped order is written as paid.
    func defect(_ order: Order, day: Int) -> Defect? {
        if day == 2, order.number == day * 10_000 { return .missedWrite }
        if day == 3, order.status == "S" { return .wrongStatus }
        return nil
    }

    /// The legacy application's statements for one order (the triggers do the rest).
    func legacy(_ order: Order) -> [String] {
        var statements = ["""
            INSERT INTO orders (order_no, customer, currency, status, qty, unit_price, placed_at)
            VALUES (\(order.number), '\(order.customer)', '\(order.currency)', '\(order.status)', \(order.qty), \(order.unitPrice),
                    '\(order.placedAt)')
            """]
        if order.paid {
            statements.append("""
                INSERT INTO payments VALUES (\(order.number), \(order.number), '\(order.number % 2 == 0 ? "CC" : "BT")',
                    (SELECT amount FROM orders WHERE order_no = \(order.number)), '\(order.placedAt)'::timestamp + interval '5 minutes')
                """)
        }
        return statements
    }

    /// The modern application's statements for one order: its own rounding, words, instants, no summary.
    func modern(_ order: Order, defect: Defect?) -> [String] {
        guard defect != .missedWrite else { return [] }
        let state = defect == .wrongStatus ? "paid" : Self.statusWords[order.status]!
        let instant = "TIMESTAMP '\(order.placedAt)' AT TIME ZONE 'America/Vancouver'"
        var statements = ["""
            INSERT INTO sales.orders VALUES (\(order.number), '\(order.customer)', '\(order.currency)', '\(state)', \(order.qty),
                \(order.unitPrice), round(\(order.qty) * \(order.unitPrice), 2), \(instant))
            """]
        if order.paid {
            statements.append("""
                INSERT INTO sales.payments VALUES (\(order.number), \(order.number), '\(Self.methodWords[order.number % 2 == 0 ? "CC" : "BT"]!)',
                    (SELECT amount FROM sales.orders WHERE id = \(order.number)), \(instant) + interval '5 minutes')
                """)
        }
        return statements
    }
}
