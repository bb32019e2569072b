import Foundation
import ParityTestSupport
import Testing

@Suite("parity inventory on the command line")
struct InventoryCLITests {
    let scratch: ScratchDirectory

    init() throws {
        scratch = try ScratchDirectory("inventory")
    }

    private func write(_ yaml: String) throws -> String {
        let path = scratch.file("\(UUID().uuidString).yaml")
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("text by default, parity.inventory/1 with --format json, exit 3 when the source is unreachable")
    func formatsAndExitCodes() throws {
        let scenario = try InventoryScenario()
        defer { scenario.stop() }
        let config = try write(scenario.yaml())
        let text = try ParityBinary.run(["inventory", "--config", config])
        #expect(text.status == 0, "\(text.output)")
        #expect(text.output.hasPrefix("legacy inventory: "))
        #expect(text.output.contains("UNDOCUMENTED ("))

        let json = try ParityBinary.run(["inventory", "--config", config, "--source", "legacy", "--format", "json"])
        #expect(json.status == 0)
        let document = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        #expect(document?["schema"] as? String == "parity.inventory/1")

        let newSide = try ParityBinary.run(["inventory", "--config", config, "--source", "new", "--format", "json"])
        #expect(newSide.status == 0)
        #expect(newSide.output.contains("\"source\" : \"new\""))

        let down = try write(scenario.yaml(legacyDSN: "host=127.0.0.1 port=1 dbname=legacy user=postgres"))
        let unreachable = try ParityBinary.run(["inventory", "--config", down])
        #expect(unreachable.status == 3)
        #expect(unreachable.output.contains("legacy: cannot take the inventory"))
    }
}
