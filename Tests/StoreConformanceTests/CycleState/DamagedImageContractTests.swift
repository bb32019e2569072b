import ParityModel
import ParityStore
import Testing

/// A stored row image that does not decode is a damaged store, in an error naming the row's key: never read as an empty
/// row, which a close would compare as a row of NULLs (and two damaged rows as equal) and an unchanged column would copy
/// as NULL.
@Suite("Store contract: damaged row images")
struct DamagedImageContractTests {
    static func expectDamaged(_ what: String, _ body: () throws -> Void) {
        let error = #expect(throws: StoreError.self, "\(what)") { try body() }
        #expect(error?.code == .corrupt, "\(what)")
        let text = error?.description ?? ""
        #expect(text.contains(#"row ["1"] does not decode"#) && text.contains("damaged"), "\(what): \(text)")
    }

    @Test("an image with fewer values than its layout has columns, or no image at all, is an error naming its key", arguments: StoreFactory.all)
    func damagedImage(_ factory: StoreFactory) throws {
        for damage in [#"[1,"1"]"#, "not an image"] {
            let opened = try factory.open()
            let store = opened.store
            try FoldContractTests.initialize(store, ["1": "1.50"])
            #expect(try store.currentImages(side: .legacy, mapping: "orders") == [#"["1"]"#: ["id": "1", "amount": "1.50", "note": "n1"]])
            try factory.plant(opened, .rowImage(damage))

            Self.expectDamaged("current images (\(damage))") { _ = try store.currentImages(side: .legacy, mapping: "orders") }
            Self.expectDamaged("the closed image (\(damage))") { _ = try store.closedImage(side: .legacy, mapping: "orders", rowKey: #"["1"]"#) }
            Self.expectDamaged("a close's row (\(damage))") {
                try store.closeCycle(id: 0, foldBefore: nil) { reader in
                    let rows = try reader.rows(side: .legacy, mapping: "orders", changedOnly: false)
                    while let row = try rows.next() { _ = try row.image }
                    return CycleClose(cycle: Fixtures.cycle(0), tables: [], findings: [], carried: [])
                }
            }
            // A change that leaves the note out takes it from the damaged image.
            Self.expectDamaged("a change resolved against it (\(damage))") {
                _ = try store.apply(
                    Fixtures.transaction(200, at: 5, [FoldContractTests.change(.update, "1", ["id": .value("1"), "amount": .value("2.00"), "note": .unchanged])]),
                    side: .legacy)
                _ = try store.currentImages(side: .legacy, mapping: "orders")
            }
        }
    }
}
