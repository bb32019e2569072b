import ExactNumeric
import ParityConfig
import ParityModel
import Reconciliation
import Testing

@Suite("Rounding contract: ties from the rows, spread over sign and parity, new output where it differs, pii masked")
struct RoundingContractTests {
    private let mapping = TableMapping(
        name: "orders", legacy: QualifiedName(name: "orders"), new: QualifiedName(schema: "sales", name: "orders"),
        key: KeyMapping(legacy: ["order_no"], new: ["id"]),
        columns: [
            ColumnMapping(legacy: "amount", new: "total", type: .decimal, scale: 2, source: "qty * unit_price"),
            ColumnMapping(legacy: "email", new: "email", pii: true),
        ])

    /// A legacy row rounding `qty * unit_price` half-even and its new counterpart rounding half-up.
    private func rows(_ number: Int, qty: String, price: String) -> (RowImage, RowImage) {
        let unrounded = ExactDecimal(qty)! * ExactDecimal(price)!
        let legacy: RowImage = [
            "order_no": String(number), "qty": qty, "unit_price": price, "email": "ann@example.com",
            "amount": unrounded.rounded(scale: 2, mode: .halfEven).description,
        ]
        let new: RowImage = ["id": String(number), "total": unrounded.rounded(scale: 2, mode: .halfUp).description, "email": "ann@example.com"]
        return (legacy, new)
    }

    @Test("only ties become vectors, every tie kind first; new shown only where it rounds differently")
    func vectors() throws {
        var contract = RoundingContract(mapping: mapping, column: mapping.columns[0], sample: 4)
        let inputs = [("1.125", "1"), ("1.135", "1"), ("1.145", "1"), ("-1.125", "1"), ("-1.135", "1"), ("2", "1.10"), ("0.5", "0.25")]
        for (index, input) in inputs.enumerated() {
            let (legacy, new) = rows(index, qty: input.0, price: input.1)
            contract.observe(legacy: legacy, new: new)
        }
        let built = contract.contract(id: "rounding.orders.amount", legacy: nil, new: nil, cycles: 2)
        let ties = built.vectors.map { $0.about["tie"] ?? "" }
        #expect(ties == ["positive_even", "positive_odd", "negative_even", "negative_odd"])
        let first = try #require(built.vectors.first)
        #expect(first.inputs == ["qty": "1.125", "unit_price": "1"] && first.about["unrounded"] == "1.125")
        #expect(first.legacy == ["amount": "1.12"] && first.new == ["total": "1.13"])
        #expect(built.vectors[1].new == nil, "1.135 rounds to 1.14 both ways")
        #expect(built.evidence["cycles"] == .count(2) && built.subject["source"] == "qty * unit_price")
    }

    @Test("a pii key column is masked")
    func masked() {
        var masked = mapping
        masked.key = KeyMapping(legacy: ["email"], new: ["email"])
        var contract = RoundingContract(mapping: masked, column: masked.columns[0], sample: 5)
        let (legacy, new) = rows(1, qty: "1.125", price: "1")
        contract.observe(legacy: legacy, new: new)
        let vector = contract.contract(id: "r", legacy: nil, new: nil, cycles: 1).vectors.first
        #expect(vector?.key == ["email": VectorMask.mask])
    }
}
