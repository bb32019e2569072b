import Foundation
@testable import ParityEngine
import ParityStore
import ParityTestSupport
import Reconciliation
import Testing

/// The files `parity contracts export` leaves in its directory from one export to the next.
@Suite("Contract export files")
struct ContractExportFilesTests {
    func export(_ ids: [String]) -> ContractExport.Export {
        ContractExport.Export(
            contracts: ids.map { Contract(id: $0, kind: .valueMap, description: "codes of \($0)", subject: [:]) }, asOfCycle: 3,
            decisionsFingerprint: "f")
    }

    func write(_ ids: [String], to directory: String, format: String = "json", store: ParityStore) throws -> ContractExport.WrittenFiles {
        try ContractExport.write(
            export(ids), to: directory, format: format, store: store, now: Date(timeIntervalSince1970: 1_000_000), exportedBy: "test",
            fileName: { "\($0).\(format)" }, render: { "\($0.description)\n" })
    }

    @Test("a contract the last export into the directory wrote and this one does not has its file removed; other files stay")
    func staleContractsRemoved() throws {
        let scratch = try ScratchDirectory("contract-files")
        let store = try ParityStore.open(path: scratch.file("parity.sqlite"))
        let folder = scratch.file("contracts")
        let names = { Set(try FileManager.default.contentsOfDirectory(atPath: folder)) }

        let first = try write(["value_map.orders.status", "before_trigger.public_orders.audit"], to: folder, store: store)
        #expect(first.removed.isEmpty && first.written.count == 2)
        try "kept by the team\n".write(toFile: folder + "/README.txt", atomically: true, encoding: .utf8)

        // The trigger was dropped on legacy: its contract is gone from the next export, and so is its file.
        let second = try write(["value_map.orders.status"], to: folder, store: store)
        #expect(second.removed == [folder + "/before_trigger.public_orders.audit.json"])
        #expect(try names() == ["value_map.orders.status.json", "README.txt"])

        // An export elsewhere, or in another format, removes nothing here; the next one here compares with that one.
        let other = scratch.file("elsewhere")
        #expect(try write([], to: other, store: store).removed.isEmpty)
        #expect(try write([], to: folder, store: store).removed.isEmpty)
        #expect(try names() == ["value_map.orders.status.json", "README.txt"])
        _ = try write(["value_map.orders.status"], to: folder, format: "csv", store: store)
        #expect(try write([], to: folder, store: store).removed.isEmpty)
        #expect(try names() == ["value_map.orders.status.json", "value_map.orders.status.csv", "README.txt"])
        #expect(try store.lastContractExport()?.contractIDs == [])
    }
}
