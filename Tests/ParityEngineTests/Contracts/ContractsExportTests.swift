import ExactNumeric
import Foundation
import ParityConfig
import ParityTestSupport
import Reconciliation
import Testing

/// `parity contracts export` on the demo's databases: legacy rounds amounts half-even in a BEFORE trigger, the new system
/// half-up; an undocumented AFTER trigger maintains `daily_summary`; statuses and payment methods go through value maps;
/// `customer` is `pii: true`. The demo exports the contracts into its work folder; the CLI exports them again as CSV.
@Suite("parity contracts export")
struct ContractsExportTests {
    /// The demo's customer names: none may appear in an exported file.
    private static let customers = ["acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne", "tyrell"]
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test("every contract with vectors from the captured rows, no pii, the worked example, the report and the gate")
    func demo() throws {
        let calendar = try #require(CycleCalendar(CycleConfiguration(period: .seconds(3), timezone: "America/Vancouver")))
        try #require(MonthBoundary.waitOut(calendar.lastCompleteMonth(at:)))
        let work = NSTemporaryDirectory() + "parity-contracts-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: work) }
        let run = try ParityBinary.run(["demo", "--work", work, "--days", "3", "--orders", "40", "--period", "3s"])
        #expect(run.status == 1 || run.status == 0, "\(run.output)")
        let written = try #require(run.output.firstMatch(of: /demo: wrote ([0-9]+) contract file\(s\) to/), "\(run.output)")
        #expect(run.output.contains("contracts: \(written.1) contract(s) known; \(written.1) exported at"), "\(run.output)")
        #expect(run.output.contains("decisions unchanged since"))

        let folder = work + "/contracts"
        let contracts = try Self.contracts(in: folder)
        #expect(Set(contracts.keys).isSuperset(of: [
            "rounding.orders.amount", "value_map.orders.status", "value_map.payments.method",
            "before_trigger.public_orders.orders_amount_bi", "maintained_table.public_daily_summary.orders_summary_ai", "decisions",
        ]), "\(contracts.keys.sorted())")
        #expect(contracts.count == Int(written.1))
        #expect(contracts.values.allSatisfy { $0["schema"] as? String == "parity.contract/1" && $0["description"] as? String != nil })

        try rounding(try #require(contracts["rounding.orders.amount"]))
        try beforeTrigger(try #require(contracts["before_trigger.public_orders.orders_amount_bi"]))
        try valueMap(try #require(contracts["value_map.orders.status"]))
        try maintained(try #require(contracts["maintained_table.public_daily_summary.orders_summary_ai"]))
        try decisions(try #require(contracts["decisions"]))
        try workedExample(folder + "/rounding.orders.amount.json")
        try Self.expectNoPII(in: folder)

        // The CLI writes the same contracts as CSV; the gate can require an export under the decisions in force.
        let config = work + "/parity.yaml"
        let csv = try ParityBinary.run(["contracts", "export", "--config", config, "--out", work + "/csv", "--format", "csv", "--sample", "5"])
        #expect(csv.status == 0 && csv.output.contains("wrote \(written.1) contract file(s)"), "\(csv.output)")
        let rows = try String(contentsOfFile: work + "/csv/rounding.orders.amount.csv", encoding: .utf8)
        #expect(rows.contains("# schema: parity.contract/1") && rows.contains("key.order_no,input.qty,input.unit_price,legacy.amount"))
        try Self.expectNoPII(in: work + "/csv")
        try gateRequiresExport(config: config, work: work)
    }

    /// Ties only, taken from the captured orders: the unrounded value is qty × unit_price of that row, legacy stored it
    /// half-even, and where the new system differs it rounded half-up.
    private func rounding(_ contract: [String: Any]) throws {
        let evidence = try #require(contract["evidence"] as? [String: Any])
        #expect(evidence["legacy_mode"] as? String == "half_even" && evidence["new_mode"] as? String == "half_up", "\(evidence)")
        #expect((evidence["ties"] as? Int ?? 0) > 0 && (evidence["cycles"] as? Int ?? 0) >= 3)
        let vectors = try #require(contract["vectors"] as? [[String: Any]])
        #expect(!vectors.isEmpty && vectors.count <= 20)
        var differing = 0
        for vector in vectors {
            let inputs = try #require(vector["inputs"] as? [String: String])
            let about = try #require(vector["about"] as? [String: String])
            let unrounded = try #require(ExactDecimal(about["unrounded"] ?? ""))
            #expect(unrounded == ExactDecimal(inputs["qty"] ?? "")! * ExactDecimal(inputs["unit_price"] ?? "")!)
            #expect(unrounded.isTie(at: 2) && about["tie"]?.hasPrefix("positive_") == true)
            #expect((vector["legacy"] as? [String: String])?["amount"] == unrounded.rounded(scale: 2, mode: .halfEven).description)
            if let new = vector["new"] as? [String: String] {
                differing += 1
                #expect(new["amount"] == unrounded.rounded(scale: 2, mode: .halfUp).description)
            }
            #expect((vector["key"] as? [String: String])?["order_no"].flatMap(Int.init).map { (10_000..<40_000).contains($0) } == true)
        }
        #expect(differing > 0, "half-even and half-up disagree on the even ties")
        #expect(Set(vectors.compactMap { ($0["about"] as? [String: String])?["tie"] }) == ["positive_even", "positive_odd"])
    }

    private func beforeTrigger(_ contract: [String: Any]) throws {
        let evidence = try #require(contract["evidence"] as? [String: Any])
        #expect(evidence["assigns"] as? [String] == ["amount"] && (evidence["rows"] as? Int ?? 0) > 100)
        let vectors = try #require(contract["vectors"] as? [[String: Any]])
        let first = try #require(vectors.first)
        let inputs = try #require(first["inputs"] as? [String: String])
        #expect(inputs["customer"] == VectorMask.mask && inputs["qty"] != nil && inputs["amount"] == nil)
        #expect((first["new"] as? [String: String])?["amount"] != nil, "rows where the new system differs come first")
    }

    private func valueMap(_ contract: [String: Any]) throws {
        let vectors = try #require(contract["vectors"] as? [[String: Any]])
        #expect(vectors.compactMap { ($0["inputs"] as? [String: String])?["status"] } == ["O", "P", "S", "V"])
        let occurrences = vectors.compactMap { ($0["about"] as? [String: String])?["occurrences"].flatMap(Int.init) }.reduce(0, +)
        #expect(occurrences == (contract["evidence"] as? [String: Any])?["rows"] as? Int && occurrences > 100, "\(vectors)")
        let shipped = try #require(vectors.first { ($0["inputs"] as? [String: String])?["status"] == "S" })
        #expect((shipped["about"] as? [String: String])?["new_values"]?.contains("paid=") == true, "day 3's shipped orders were written as paid")
    }

    private func maintained(_ contract: [String: Any]) throws {
        let vectors = try #require(contract["vectors"] as? [[String: Any]])
        let inserts = try #require(vectors.first { ($0["inputs"] as? [String: String])?["public.orders.inserts"] != nil }, "\(vectors)")
        let summary = (inserts["legacy"] as? [String: String]) ?? [:]
        #expect(summary.keys.contains { $0.hasPrefix("public.daily_summary.") }, "\(inserts)")
        let evidence = try #require(contract["evidence"] as? [String: Any])
        #expect(evidence["function_chain"] as? [String] == ["public.orders_summary()", "public.add_to_daily_summary()"], "\(evidence)")
    }

    private func decisions(_ contract: [String: Any]) throws {
        let expectations = try #require(contract["expectations"] as? [[String: Any]])
        let rule = try #require(expectations.first { $0["kind"] as? String == "disposition" })
        #expect(rule["owner"] as? String == "finance" && rule["decision"] as? String == "intentional_change")
        #expect(expectations.contains { $0["kind"] as? String == "tolerance" && $0["decision"] as? String == "0.01" })
    }

    /// docs/examples/test_rounding_contract.py passes with legacy's mode and fails with the new system's.
    private func workedExample(_ contract: String) throws {
        let script = Self.root.appendingPathComponent("docs/examples/test_rounding_contract.py").path
        let environment = ProcessInfo.processInfo.environment.merging(["PARITY_CONTRACT": contract]) { _, new in new }
        let right = try CommandRunner.run(["python3", script], environment: environment)
        #expect(right.status == 0, "\(right.output)")
        let wrong = try CommandRunner.run(["python3", script], environment: environment.merging(["ROUNDING": "ROUND_HALF_UP"]) { _, new in new })
        #expect(wrong.status != 0 && wrong.output.contains("FAIL"), "\(wrong.output)")
    }

    /// With gate.require_contracts_export the gate passes the contracts criterion while the export is current, and
    /// fails it once a decision changed.
    private func gateRequiresExport(config: String, work: String) throws {
        let yaml = try String(contentsOfFile: config, encoding: .utf8)
            .replacingOccurrences(of: "max_unexplained_rate: \"0\" }", with: "max_unexplained_rate: \"0\", require_contracts_export: true }")
        let required = work + "/required.yaml"
        try yaml.write(toFile: required, atomically: true, encoding: .utf8)
        #expect(try Self.contractsCriterion(config: required)?["result"] as? String == "pass")
        try yaml.replacingOccurrences(of: "policy FIN-12", with: "policy FIN-13").write(toFile: required, atomically: true, encoding: .utf8)
        let changed = try Self.contractsCriterion(config: required)
        #expect(changed?["result"] as? String == "fail" && (changed?["evidence"] as? String)?.contains("decisions changed") == true)
    }

    private static func contractsCriterion(config: String) throws -> [String: Any]? {
        let gate = try ParityBinary.run(["gate", "--format", "json", "--config", config])
        let document = gate.output.firstIndex(of: "{").map { String(gate.output[$0...]) } ?? gate.output
        let json = try #require(try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any], "\(gate.output)")
        #expect((json["contracts"] as? [String: Any])?["export_current"] != nil)
        return (json["criteria"] as? [[String: Any]])?.first { $0["name"] as? String == "contracts" }
    }

    private static func contracts(in folder: String) throws -> [String: [String: Any]] {
        var contracts: [String: [String: Any]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".json") {
            let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
            contracts[String(name.dropLast(5))] = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        }
        return contracts
    }

    private static func expectNoPII(in folder: String) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            for customer in customers { #expect(!text.contains(customer), "\(name) holds \(customer)") }
        }
    }
}
