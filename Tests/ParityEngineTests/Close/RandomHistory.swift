import Foundation
import ParityModel
import ParityStore
import ParityTestSupport

/// A seeded random history of two sources as capture records it, for two stores to reconcile alike: each side's
/// baseline of `orders` and `invoices` (the mappings of ``StoreDifferentialTests``), then, cycle window by cycle
/// window, what capture writes for the transactions each side committed in it. Business events (new rows, updates
/// that leave columns out as unchanged TOAST values, deletes, key changes, rows written again) change both sides alike,
/// now and then one side only or differently; a side's changes go into transactions of a few changes, some streamed in
/// blocks with a rolled-back subtransaction or committed just after their window, some writing an unmapped table too,
/// up to two truncating a table and writing its rows again. What each side holds after its transactions is kept as the
/// oracle of the stores' row state.
struct RandomHistory {
    /// A side's rows of one mapping: key text (``RowJSON/key(_:)``) → image by column.
    typealias Rows = [ExactText: [String: String?]]

    /// What capture writes into the store, in order.
    enum Step {
        /// A transaction that arrived whole.
        case apply(CapturedTransaction)
        /// A block of a streamed transaction `xid`, made by (sub)transaction `subxid`.
        case stage(xid: UInt32, subxid: UInt32, [CapturedChange])
        /// Subtransaction `subxid` of streamed transaction `xid` rolled back.
        case abort(xid: UInt32, subxid: UInt32)
        /// A streamed transaction's commit.
        case commit(StreamedCommitRecord)
    }

    /// One side's source tables and columns.
    struct Tables: Sendable {
        var orders: String
        var orderKey: String
        var status: String
        var amount: String
        var note: String
        var invoices: String
        var invoiceKey: String
        /// A status code as this side writes it.
        var statusCode: @Sendable (Bool) -> String
        /// An invoice number as this side writes it.
        var invoiceNumber: @Sendable (Int, inout SplitMix64) -> String
    }

    static let legacy = Tables(
        orders: "public.orders", orderKey: "order_no", status: "status", amount: "amount", note: "note",
        invoices: "public.invoices", invoiceKey: "invoice_no", statusCode: { $0 ? "P" : "O" },
        invoiceNumber: { number, random in
            // Mostly zero-padded, sometimes not: the key normalizers make both the same invoice.
            Int.random(in: 0..<5, using: &random) == 0 ? "INV-\(number)" : "INV-" + String(format: "%04d", number)
        })
    static let new = Tables(
        orders: "sales.purchase_order", orderKey: "id", status: "state", amount: "total", note: "memo",
        invoices: "sales.invoice", invoiceKey: "number", statusCode: { $0 ? "paid" : "open" }, invoiceNumber: { number, _ in String(number) })

    /// The instant the history's cycle windows are laid out from: not the clock.
    static let origin = Date(timeIntervalSince1970: 1_795_000_000)

    /// The days orders are placed on (`placed_on`, the flow aggregate's date): the day before ``origin``, its day and the
    /// day after.
    static let days: [String] = (-1...1).map { offset in
        ISO8601DateFormatter.string(from: origin.addingTimeInterval(Double(offset) * 86_400), timeZone: .gmt, formatOptions: [.withFullDate])
    }

    /// The parts of customers' keys: texts that sort differently by bytes than by any locale, prefixes of each other, and
    /// texts Swift's `String` equates but the stores hold as two keys (a precomposed and a decomposed `ü`, `é`).
    static let regions = ["eu", "Z\u{FC}rich", "Zu\u{308}rich", "zurich", "東京", "a\"b", "a\\b", "", "a b", "ab"]
    static let codes = ["1", "10", "9", "\u{E9}", "e\u{301}", "e", "Ω"]

    /// The unmapped table a source's triggers would keep.
    static let auditTable = "public.order_audit"

    private var random: SplitMix64
    /// Each side's rows by mapping, as of the changes generated so far.
    private(set) var state: [SourceSide: [String: Rows]] = [.legacy: [:], .new: [:]]
    /// The baseline each side copied, by mapping (rows: key values and image).
    private(set) var baseline: [SourceSide: [String: [(key: [String?], values: [String: String?])]]] = [.legacy: [:], .new: [:]]
    /// Per side, the key text each invoice number has on that side (legacy's varies).
    private var invoiceKeys: [SourceSide: [Int: String]] = [.legacy: [:], .new: [:]]
    private var lsn: [SourceSide: UInt64] = [.legacy: 1_000, .new: 1_000]
    /// Per side, the end of the last transaction committed so far: the position capture would have confirmed.
    private var committed: [SourceSide: UInt64] = [.legacy: 1_000, .new: 1_000]
    /// Per side, the commit of a streamed transaction staged in the last window and committed early in the next.
    private var deferred: [SourceSide: StreamedCommitRecord] = [:]
    private var xid: UInt32 = 700
    private var nextOrder = 1
    private var nextInvoice = 1
    /// How many streamed transactions, rolled-back blocks, streams committed after their window, truncates and key changes
    /// the history holds (so a test can say it has some).
    private(set) var counts = (streamed: 0, rolledBack: 0, committedLater: 0, truncates: 0, keyChanges: 0)

    /// The position both sides' baselines were copied at.
    static let copiedAt: UInt64 = 1_000

    init(seed: UInt64, orders: Int = 120, invoices: Int = 60) {
        random = SplitMix64(seed: seed)
        for _ in 0..<orders { baselineOrder() }
        for _ in 0..<invoices { baselineInvoice() }
    }

    // MARK: baseline

    private mutating func baselineOrder() {
        let id = nextOrder
        nextOrder += 1
        let (legacy, new) = orderImages(id: id, diverge: roll(8) == 0)
        if roll(20) != 0 { addBaseline(.legacy, "orders", [String(id)], legacy) }
        if roll(20) != 0 { addBaseline(.new, "orders", [String(id)], new) }
    }

    private mutating func baselineInvoice() {
        let number = nextInvoice
        nextInvoice += 1
        let amount = money(cents: Int.random(in: 100...99_900, using: &random))
        if roll(20) != 0 {
            let key = invoiceKey(.legacy, number)
            addBaseline(.legacy, "invoices", [key], [Self.legacy.invoiceKey: key, "amount": amount])
        }
        if roll(20) != 0 {
            let key = invoiceKey(.new, number)
            addBaseline(.new, "invoices", [key], [Self.new.invoiceKey: key, "amount": roll(12) == 0 ? adjusted(amount, by: 100) : amount])
        }
    }

    private mutating func addBaseline(_ side: SourceSide, _ mapping: String, _ key: [String?], _ image: [String: String?]) {
        baseline[side]![mapping, default: []].append((key, image))
        state[side]![mapping, default: [:]][ExactText(RowJSON.key(key))] = image
    }

    // MARK: cycles

    /// What capture writes for each side's transactions between `start` and `end` (µs since 1970), from about `events`
    /// business events: first the commit of a streamed transaction the last window left open, if any.
    mutating func cycle(start: Int64, end: Int64, events: Int) -> [SourceSide: [Step]] {
        var changes: [SourceSide: [CapturedChange]] = [.legacy: [], .new: []]
        for _ in 0..<events {
            for (side, change) in event() { changes[side]!.append(change) }
        }
        if counts.truncates < 2, roll(4) == 0 {
            counts.truncates += 1
            let side: SourceSide = roll(2) == 0 ? .legacy : .new
            changes[side]!.append(contentsOf: truncate(side, roll(2) == 0 ? "orders" : "invoices"))
        }
        // Legacy's last write is often one new has not made yet: near the window's end, its key is carried.
        for (side, change) in updateOrder(sides: [.legacy], diverge: false) { changes[side]!.append(change) }
        var steps: [SourceSide: [Step]] = [:]
        for side in SourceSide.allCases {
            var sideSteps: [Step] = []
            if let commit = deferred.removeValue(forKey: side) {
                sideSteps.append(.commit(commit))
                committed[side] = commit.endLSN
            }
            steps[side] = sideSteps + group(changes[side]!, side: side, start: start, end: end)
        }
        return steps
    }

    /// The changes of one business event: usually on both sides, sometimes on one, sometimes with different values.
    private mutating func event() -> [(SourceSide, CapturedChange)] {
        let sides: [SourceSide] = switch roll(14) {
        case 0: [.legacy]
        case 1: [.new]
        default: [.legacy, .new]
        }
        let diverge = roll(10) == 0
        if roll(6) == 0 { return writeCustomer(sides: sides, diverge: diverge) }
        switch roll(23) {
        case 0..<8: return updateOrder(sides: sides, diverge: diverge)
        case 8..<11: return insertOrder(sides: sides, diverge: diverge)
        case 11: return deleteOrder(sides: sides)
        case 12: return changeOrderKey(sides: sides)
        case 13..<17: return updateInvoice(sides: sides, diverge: diverge)
        case 17..<19: return insertInvoice(sides: sides)
        case 19: return deleteInvoice(sides: sides)
        case 20: return changeInvoiceKey(sides: sides)
        default: return restoreOrder(sides: sides)
        }
    }

    private mutating func updateOrder(sides: [SourceSide], diverge: Bool) -> [(SourceSide, CapturedChange)] {
        let id = Int.random(in: 1..<nextOrder, using: &random)
        let cents = Int.random(in: 100...99_900, using: &random)
        let paid = roll(3) == 0
        // The note left out of the change, as pgoutput leaves out an unchanged TOAST value.
        let noteUnchanged = roll(2) == 0
        let note: String? = roll(3) == 0 ? nil : "note \(roll(5))"
        // The order's day: usually as it was, sometimes moved (a flow total then moves between days).
        let day: String? = roll(6) == 0 ? Self.days[roll(Self.days.count)] : nil
        return sides.compactMap { side in
            let tables = Self.tables(side)
            guard state[side]!["orders"]?[ExactText(RowJSON.key([String(id)]))] != nil else { return nil }
            let amount: String? = cents % 29 == 0 ? nil
                : diverge && side == .new ? adjusted(money(cents: cents), by: roll(2) == 0 ? 1 : 100) : money(cents: cents)
            var values: [String: CapturedValue] = [
                tables.orderKey: .value(String(id)), tables.status: .value(tables.statusCode(paid)), tables.amount: .value(amount),
            ]
            values[tables.note] = noteUnchanged ? .unchanged : .value(side == .new && note == nil && roll(2) == 0 ? "" : note)
            values["placed_on"] = day.map { .value($0) } ?? .unchanged
            return (side, write(side, "orders", .update, key: [String(id)], values: values))
        }
    }

    private mutating func insertOrder(sides: [SourceSide], diverge: Bool) -> [(SourceSide, CapturedChange)] {
        let id = nextOrder
        nextOrder += 1
        let (legacy, new) = orderImages(id: id, diverge: diverge)
        return sides.map { side in
            let image = side == .legacy ? legacy : new
            return (side, write(side, "orders", .insert, key: [String(id)], values: image.mapValues { .value($0) }))
        }
    }

    /// An order written again where a side lacks it (deleted, or never there): inserted there, updated where it is.
    private mutating func restoreOrder(sides: [SourceSide]) -> [(SourceSide, CapturedChange)] {
        let id = Int.random(in: 1..<nextOrder, using: &random)
        let (legacy, new) = orderImages(id: id, diverge: false)
        return sides.map { side in
            let image = side == .legacy ? legacy : new
            let present = state[side]!["orders"]?[ExactText(RowJSON.key([String(id)]))] != nil
            return (side, write(side, "orders", present ? .update : .insert, key: [String(id)], values: image.mapValues { .value($0) }))
        }
    }

    private mutating func deleteOrder(sides: [SourceSide]) -> [(SourceSide, CapturedChange)] {
        let id = Int.random(in: 1..<nextOrder, using: &random)
        return sides.compactMap { side in
            guard state[side]!["orders"]?[ExactText(RowJSON.key([String(id)]))] != nil else { return nil }
            return (side, write(side, "orders", .delete, key: [String(id)], values: [:]))
        }
    }

    /// An order renumbered: its key changes, its other columns are left out (unchanged).
    private mutating func changeOrderKey(sides: [SourceSide]) -> [(SourceSide, CapturedChange)] {
        let old = Int.random(in: 1..<nextOrder, using: &random)
        let id = nextOrder
        nextOrder += 1
        counts.keyChanges += 1
        return sides.compactMap { side in
            let tables = Self.tables(side)
            guard state[side]!["orders"]?[ExactText(RowJSON.key([String(old)]))] != nil else { return nil }
            let values: [String: CapturedValue] = [
                tables.orderKey: .value(String(id)), tables.status: .unchanged, tables.amount: .unchanged, tables.note: .unchanged,
                "placed_on": .unchanged,
            ]
            return (side, write(side, "orders", .update, key: [String(id)], oldKey: [String(old)], values: values))
        }
    }

    /// An invoice renumbered, or (on legacy, one time in three) its number written another way: the row key changes,
    /// its canonical key does not.
    private mutating func changeInvoiceKey(sides: [SourceSide]) -> [(SourceSide, CapturedChange)] {
        let old = Int.random(in: 1..<nextInvoice, using: &random)
        let reformat = roll(3) == 0
        let number = reformat ? old : nextInvoice
        if !reformat { nextInvoice += 1 }
        counts.keyChanges += 1
        return sides.compactMap { side in
            guard let oldKey = invoiceKeys[side]![old], state[side]!["invoices"]?[ExactText(RowJSON.key([oldKey]))] != nil else { return nil }
            if reformat && side == .new { return nil }
            let key = reformat ? (oldKey.hasPrefix("INV-0") ? "INV-\(old)" : "INV-" + String(format: "%04d", old)) : invoiceKey(side, number)
            if reformat { invoiceKeys[side]![old] = key }
            let values: [String: CapturedValue] = [Self.tables(side).invoiceKey: .value(key), "amount": .unchanged]
            return (side, write(side, "invoices", .update, key: [key], oldKey: [oldKey], values: values))
        }
    }

    private mutating func updateInvoice(sides: [SourceSide], diverge: Bool) -> [(SourceSide, CapturedChange)] {
        let number = Int.random(in: 1..<nextInvoice, using: &random)
        let amount = money(cents: Int.random(in: 100...99_900, using: &random))
        return sides.compactMap { side in
            guard let key = invoiceKeys[side]![number], state[side]!["invoices"]?[ExactText(RowJSON.key([key]))] != nil else { return nil }
            let value = diverge && side == .new ? adjusted(amount, by: 1) : amount
            return (side, write(side, "invoices", .update, key: [key], values: [Self.tables(side).invoiceKey: .value(key), "amount": .value(value)]))
        }
    }

    private mutating func insertInvoice(sides: [SourceSide]) -> [(SourceSide, CapturedChange)] {
        let number = nextInvoice
        nextInvoice += 1
        let amount = money(cents: Int.random(in: 100...99_900, using: &random))
        return sides.map { side in
            let key = invoiceKey(side, number)
            return (side, write(side, "invoices", .insert, key: [key], values: [Self.tables(side).invoiceKey: .value(key), "amount": .value(amount)]))
        }
    }

    private mutating func deleteInvoice(sides: [SourceSide]) -> [(SourceSide, CapturedChange)] {
        let number = Int.random(in: 1..<nextInvoice, using: &random)
        return sides.compactMap { side in
            guard let key = invoiceKeys[side]![number], state[side]!["invoices"]?[ExactText(RowJSON.key([key]))] != nil else { return nil }
            return (side, write(side, "invoices", .delete, key: [key], values: [:]))
        }
    }

    /// A customer (a key of two texts, some non-ASCII, quoted or prefixes of others) written or, one time in four, deleted.
    private mutating func writeCustomer(sides: [SourceSide], diverge: Bool) -> [(SourceSide, CapturedChange)] {
        let key = [Self.regions[roll(Self.regions.count)], Self.codes[roll(Self.codes.count)]]
        let delete = roll(4) == 0
        let name = "customer \(roll(100))"
        return sides.compactMap { side in
            let present = state[side]!["customers"]?[ExactText(RowJSON.key(key))] != nil
            if delete { return present ? (side, write(side, "customers", .delete, key: key, values: [:])) : nil }
            let nameColumn = side == .legacy ? "name" : "display_name"
            let values: [String: CapturedValue] = [
                "region": .value(key[0]), "code": .value(key[1]), nameColumn: .value(diverge && side == .new ? name + "!" : name),
            ]
            return (side, write(side, "customers", present ? .update : .insert, key: key, values: values))
        }
    }

    /// `mapping`'s table truncated on `side`, then its rows written again, a few of them changed.
    private mutating func truncate(_ side: SourceSide, _ mapping: String) -> [CapturedChange] {
        let rows = (state[side]![mapping] ?? [:]).sorted { $0.key < $1.key }
        var changes = [CapturedChange(table: table(side, mapping), mapping: mapping, operation: .truncate)]
        state[side]![mapping] = [:]
        let amount = mapping == "orders" ? Self.tables(side).amount : "amount"
        for (key, image) in rows {
            var image = image
            if roll(10) == 0, let value = image[amount] ?? nil { image[amount] = adjusted(value, by: 100) }
            changes.append(write(side, mapping, .insert, key: RowJSON.decodeKey(key.rawValue) ?? [], values: image.mapValues { .value($0) }))
        }
        return changes
    }

    /// `changes` as transactions of a few changes each, committed in order across the window; the last one may fall
    /// within the grace before its end (a key only one side wrote then is carried). Sometimes a run of changes is one
    /// streamed transaction, staged in two blocks, with a third block of other changes rolled back before its commit;
    /// when it is the window's last, it may commit just after the window ends.
    private mutating func group(_ changes: [CapturedChange], side: SourceSide, start: Int64, end: Int64) -> [Step] {
        var steps: [Step] = []
        var index = 0
        var pieces: [[CapturedChange]] = []
        while index < changes.count {
            let size = roll(6) == 0 ? min(changes.count - index, 20 + roll(30)) : 1 + roll(4)
            pieces.append(Array(changes[index..<min(changes.count, index + size)]))
            index += size
        }
        let span = max(1, end - start - 2_000_000)
        for (number, piece) in pieces.enumerated() {
            let last = number == pieces.count - 1
            var time = start + 1_000_000 + span * Int64(number + 1) / Int64(pieces.count + 1)
            if last, roll(2) == 0 { time = end - 400_000 }
            var piece = piece
            if roll(8) == 0 { piece.append(audit()) }
            xid += 2
            lsn[side]! += 1_000
            let commitLSN = lsn[side]!
            guard piece.count >= 20 else {
                steps.append(.apply(CapturedTransaction(xid: xid, commitLSN: commitLSN, endLSN: commitLSN + 8, commitTime: time, changes: piece)))
                committed[side] = commitLSN + 8
                continue
            }
            counts.streamed += 1
            let cut = piece.count / 2
            steps.append(.stage(xid: xid, subxid: xid, Array(piece[..<cut])))
            steps.append(.stage(xid: xid, subxid: xid, Array(piece[cut...])))
            if roll(3) == 0 {
                counts.rolledBack += 1
                steps.append(.stage(xid: xid, subxid: xid + 1, scratchUpdates(side, count: 1 + roll(5))))
                steps.append(.abort(xid: xid, subxid: xid + 1))
            }
            if last, roll(2) == 0 {
                // After the window's end and the watermark the close waits for (a second past the end).
                counts.committedLater += 1
                deferred[side] = StreamedCommitRecord(xid: xid, commitLSN: commitLSN, endLSN: commitLSN + 8, commitTime: end + 1_500_000)
            } else {
                steps.append(.commit(StreamedCommitRecord(xid: xid, commitLSN: commitLSN, endLSN: commitLSN + 8, commitTime: time)))
                committed[side] = commitLSN + 8
            }
        }
        return steps
    }

    /// The commits of the streamed transactions the last window left open: after them, the stores hold ``state``.
    mutating func finish() -> [SourceSide: [Step]] {
        let commits = deferred
        deferred = [:]
        return commits.mapValues { [.commit($0)] }
    }

    /// The end of `side`'s last committed transaction: capture's position once it has written them.
    func position(_ side: SourceSide) -> UInt64 { committed[side]! }

    // MARK: the oracle

    /// Applies `change` to the oracle and returns it.
    private mutating func write(
        _ side: SourceSide, _ mapping: String, _ operation: CapturedChange.Operation, key: [String?], oldKey: [String?]? = nil,
        values: [String: CapturedValue]
    ) -> CapturedChange {
        let change = CapturedChange(table: table(side, mapping), mapping: mapping, operation: operation, key: key, oldKey: oldKey, values: values)
        var rows = state[side]![mapping] ?? [:]
        let previous = rows.removeValue(forKey: ExactText(RowJSON.key(oldKey ?? key)))
        if operation != .delete {
            var image: [String: String?] = [:]
            for (column, value) in values {
                switch value {
                case .value(let text): image[column] = text
                case .unchanged: image[column] = previous?[column] ?? nil
                }
            }
            rows[ExactText(RowJSON.key(key))] = image
        }
        state[side]![mapping] = rows
        return change
    }

    /// Updates of `side`'s rows that are rolled back: written in full (nothing taken from an earlier image), never applied.
    private mutating func scratchUpdates(_ side: SourceSide, count: Int) -> [CapturedChange] {
        let tables = Self.tables(side)
        let keys = (state[side]!["orders"] ?? [:]).keys.sorted()
        guard !keys.isEmpty else { return [] }
        return (0..<count).map { _ in
            let key = keys[roll(keys.count)]
            let id = RowJSON.decodeKey(key.rawValue)?.first ?? nil
            return CapturedChange(table: tables.orders, mapping: "orders", operation: .update, key: [id], values: [
                tables.orderKey: .value(id), tables.status: .value(tables.statusCode(true)), tables.amount: .value("0.01"),
                tables.note: .value("rolled back"), "placed_on": .value(Self.days[0]),
            ])
        }
    }

    /// A row of an unmapped table (trigger-kept state), written beside some changes.
    private mutating func audit() -> CapturedChange {
        CapturedChange(
            table: Self.auditTable, mapping: nil, operation: .insert, values: ["id": .value(String(roll(1_000_000))), "what": .value("audit")])
    }

    // MARK: helpers

    private static func tables(_ side: SourceSide) -> Tables { side == .legacy ? legacy : new }

    private func table(_ side: SourceSide, _ mapping: String) -> String {
        switch mapping {
        case "orders": Self.tables(side).orders
        case "invoices": Self.tables(side).invoices
        default: side == .legacy ? "public.customers" : "sales.customer"
        }
    }

    private mutating func invoiceKey(_ side: SourceSide, _ number: Int) -> String {
        if let key = invoiceKeys[side]![number] { return key }
        let key = Self.tables(side).invoiceNumber(number, &random)
        invoiceKeys[side]![number] = key
        return key
    }

    /// Both sides' images of a new order (new writes an empty memo for a NULL note); with `diverge`, new's differs by a
    /// cent (within the tolerance), a dollar or its status.
    private mutating func orderImages(id: Int, diverge: Bool) -> ([String: String?], [String: String?]) {
        let cents = Int.random(in: 100...99_900, using: &random)
        let paid = roll(3) == 0
        let note: String? = roll(3) == 0 ? nil : "note \(roll(5))"
        let day = Self.days[roll(Self.days.count)]
        let legacy: [String: String?] = [
            "order_no": String(id), "status": Self.legacy.statusCode(paid), "amount": money(cents: cents), "note": note, "placed_on": day,
        ]
        var new: [String: String?] = [
            "id": String(id), "state": Self.new.statusCode(paid), "total": money(cents: cents), "memo": note ?? "", "placed_on": day,
        ]
        if diverge {
            switch roll(3) {
            case 0: new["total"] = money(cents: cents + 1)
            case 1: new["state"] = Self.new.statusCode(!paid)
            default: new["total"] = money(cents: cents + 100)
            }
        }
        return (legacy, new)
    }

    private mutating func roll(_ n: Int) -> Int { Int.random(in: 0..<n, using: &random) }

    private func money(cents: Int) -> String { "\(cents / 100).\(String(format: "%02d", cents % 100))" }

    private func adjusted(_ amount: String, by cents: Int) -> String {
        let parts = amount.split(separator: ".")
        return money(cents: Int(parts[0])! * 100 + Int(parts[1])! + cents)
    }
}
