import Foundation
import Hummingbird
import ParityEngine
import Reconciliation
import Reports
import SourceQueries

/// `/api/v1/...`: capture status, closed cycles, end-of-day and monthly reports as JSON, the open differences
/// (`?mapping=`, `?kind=`, `?all=true`), the legacy inventory, and the gate evaluated now (not recorded in the gate history; `parity gate` records).
enum APIRoutes {
    static func add(to router: Router<BasicRequestContext>, state: ServiceState) {
        let api = router.group("/api/v1")
        api.get("/status") { _, _ in
            let (configuration, store) = (state.configuration, state.store)
            let sources = try await Blocking.run { try CaptureStatus.gather(configuration, store: store) }
            let now = Date()
            let health = CaptureHealth.judge(sources, maxLag: configuration.gate.maxLag, now: now)
            return TextResponse.json(StatusRenderer.render(sources, health: health, format: .json, now: now))
        }
        api.get("/cycles") { _, _ in
            let store = state.store
            let cycles = try await Blocking.run { try store.cycles() }
            return TextResponse.json(JSONText.encode(CycleList(cycles)))
        }
        api.get("/cycles/:id") { _, context in
            let report = try await ReportLookup.endOfDay(state, id: try context.parameters.require("id"))
            return TextResponse.json(EndOfDayRenderer.render(report, format: .json))
        }
        api.get("/months/:month") { _, context in
            let report = try await ReportLookup.monthly(state, month: try context.parameters.require("month"))
            return TextResponse.json(MonthlyRenderer.render(report, format: .json))
        }
        api.get("/differences") { request, _ in
            let report = try await ReportLookup.openDifferences(
                state, mapping: request.uri.queryParameters.get("mapping"), kind: request.uri.queryParameters.get("kind"),
                includeExplained: request.uri.queryParameters.get("all") == "true")
            return TextResponse.json(OpenDifferencesRenderer.render(report, format: .json))
        }
        api.get("/inventory") { _, _ in
            let outcome: InventoryCommand.Outcome
            do {
                outcome = try await state.inventory()
            } catch {
                throw APIError(error)
            }
            return TextResponse.json(InventoryRenderer.render(outcome.inventory, blindSpots: outcome.blindSpots, format: .json))
        }
        api.get("/gate") { _, _ in
            do {
                return TextResponse.json(GateRenderer.render(try await state.evaluateGate(), format: .json))
            } catch {
                throw APIError(error)
            }
        }
    }
}
