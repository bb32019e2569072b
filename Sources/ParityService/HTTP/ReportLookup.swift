import ParityEngine
import ParityStore
import Reconciliation
import SourceQueries

/// Finds the reports the API and the HTML pages serve, turning "no such cycle or month" into 404 and bad input into 400.
enum ReportLookup {
    /// What to do when the store cannot be read.
    private static let readableStore = "check the store (store.path or store.url) can be read"

    /// The end-of-day report of closed cycle `id`.
    static func endOfDay(_ state: ServiceState, id text: String) async throws -> EndOfDayReport {
        guard let id = Int64(text), id >= 0 else { throw APIError.badRequest("a cycle id is a whole number, e.g. /api/v1/cycles/3") }
        let (configuration, store) = (state.configuration, state.store)
        return try await Blocking.run { () throws(APIError) in
            do {
                let closed = try EngineError.storing(doing: "reading cycle \(id)", fix: Self.readableStore) { try store.cycle(id: id) }
                guard closed != nil else { throw APIError.notFound("cycle \(id) is not closed") }
                return try EndOfDayLoader.load(configuration, store: store, selecting: .id(id))
            } catch let error as APIError {
                throw error
            } catch {
                throw APIError(error)
            }
        }
    }

    /// The open differences of the ledger (`parity report open`); a bad mapping or kind is 400.
    static func openDifferences(_ state: ServiceState, mapping: String?, kind: String?, includeExplained: Bool) async throws -> OpenDifferencesReport {
        let (configuration, store) = (state.configuration, state.store)
        return try await Blocking.run { () throws(APIError) in
            do throws(EngineError) {
                return try OpenDifferencesLoader.load(
                    configuration, store: store, mapping: mapping, kind: kind.map(OpenDifferencesLoader.kind(named:)),
                    includeExplained: includeExplained)
            } catch {
                throw APIError(error)
            }
        }
    }

    /// The monthly close report of `month` (`YYYY-MM`), which must have a closed cycle or reconciled rows dated in it.
    static func monthly(_ state: ServiceState, month: String) async throws -> MonthlyReport {
        guard month.wholeMatch(of: /[0-9]{4}-(0[1-9]|1[0-2])/) != nil else {
            throw APIError.badRequest("a month is YYYY-MM, e.g. /api/v1/months/2026-11")
        }
        let (configuration, store) = (state.configuration, state.store)
        return try await Blocking.run { () throws(APIError) in
            do {
                let (cycles, reconciled) = try EngineError.storing(doing: "reading the cycles of \(month)", fix: Self.readableStore) {
                    (try store.cycles(), try store.flowCycles(from: month + "-01", through: month + "-31"))
                }
                guard cycles.contains(where: { $0.id > 0 && $0.label.hasPrefix(month) }) || !reconciled.isEmpty else {
                    throw APIError.notFound("no cycle of \(month) is closed")
                }
                return try MonthlyLoader.load(configuration, store: store, month: month)
            } catch let error as APIError {
                throw error
            } catch {
                throw APIError(error)
            }
        }
    }
}
