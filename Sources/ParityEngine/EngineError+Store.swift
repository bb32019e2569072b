import ParityStore
import SourceQueries

extension EngineError {
    /// A store failure while `doing` something: what to do when another process kept the store locked past the busy
    /// timeout (the store is fine, run again) or the store is damaged (both `.storeUnavailable`), otherwise `.store`
    /// with `fix`.
    static func store(_ error: any Error, doing: String, fix: String) -> EngineError {
        if let failure = error as? StoreError, failure.code == .busy {
            return EngineError(
                .storeUnavailable, source: nil,
                message: "\(doing) failed: another Parity process kept the store locked for more than \(Int(failure.waited ?? 0)) s",
                fix: "run it again; if it keeps happening, see which parity command holds \(failure.path) (fuser \(failure.path))")
        }
        if let failure = error as? StoreError, failure.code == .corrupt {
            // What was found: the underlying error, else the message of a store that gives its fix apart (PostgreSQL's).
            let found = failure.underlying.map { "\($0)" } ?? (failure.fix == nil ? nil : failure.message)
            let detail = found.map { " (\($0))" } ?? ""
            return EngineError(.storeUnavailable, source: nil, message: "\(doing) failed: \(failure.path) is damaged or not a Parity store\(detail)",
                               fix: failure.fix ?? StoreError.corruptFix)
        }
        return EngineError(.store, source: nil, message: "\(doing) failed: \(error)", fix: fix)
    }

    /// Runs `body`, passing an `EngineError` through and turning any other failure into `store(_:doing:fix:)`.
    public static func storing<T>(doing: String, fix: String, _ body: () throws -> T) throws(EngineError) -> T {
        do {
            return try body()
        } catch let error as EngineError {
            throw error
        } catch {
            throw store(error, doing: doing, fix: fix)
        }
    }
}
