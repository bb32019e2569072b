import Hummingbird
import Logging
import ParityConfig
import ParityEngine
import ParityModel
import ParityStore
import ServiceLifecycle
import SourceQueries

/// Builds the `parity run` service: both captures, the cycle scheduler and the HTTP server, run together by the
/// application's service group. `parity run` and the tests both call it.
///
/// Throws `.configuration` when `http.listen` is not a loopback address and no `http.token` is configured, and
/// `.notReady` when a source is not initialized in the store.
public func buildApplication(
    configuration: ParityConfiguration, store: any Store, logger: Logger
) throws(EngineError) -> some ApplicationProtocol {
    let token = try HTTPAccess.token(configuration)
    let session: CaptureSession
    do {
        session = try CaptureSession(configuration: configuration, store: store, logger: logger)
    } catch let error as EngineError {
        throw error
    } catch {
        throw EngineError(.store, source: nil, message: "cannot read the sources from the store: \(error)",
                          fix: "check the store (store.path or store.url) can be read")
    }
    try session.checkSlots(configuration: configuration)
    if !session.uninitialized.isEmpty {
        logger.warning("table mappings not initialized: not captured, not compared", metadata: [
            "mappings": "\(session.uninitialized.joined(separator: ", "))",
            "fix": "stop parity run, then parity init --add \(session.uninitialized.joined(separator: " ")) --config \(configuration.file)",
        ])
    }
    let state = ServiceState(
        configuration: configuration, store: store, captures: CaptureStates(session),
        metrics: ServiceMetrics(mappings: configuration.tables.map(\.name)))
    return HTTPAccess.application(
        state: state, token: token, logger: logger,
        services: [
            CaptureService(session: session, logger: logger), CycleScheduler(state: state, logger: logger),
            VerifyScheduler(state: state, shared: nil, logger: logger),
        ])
}

/// Builds a `parity worker` (issue 26): a capture standby per source, a close worker and the verification schedule over
/// the shared `store`, and, unless `http` is false, the same HTTP server as `parity run`'s on `http.listen` (reports,
/// gate and API read the shared store; `/readyz` counts a source another worker captures by the last message its
/// capture stored).
public func buildWorker(
    configuration: ParityConfiguration, store: any SharedStore, http: Bool, logger: Logger
) throws(EngineError) -> [any Service] {
    let token = http ? try HTTPAccess.token(configuration) : nil
    let captures = CaptureStates()
    let state = ServiceState(
        configuration: configuration, store: store, captures: captures, metrics: ServiceMetrics(mappings: configuration.tables.map(\.name)))
    let services: [any Service] = SourceSide.allCases.map { side in
        CaptureStandby(configuration: configuration, store: store, side: side, captures: captures, logger: logger)
    } + [
        CloseWorker(configuration: configuration, store: store, state: http ? state : nil, logger: logger),
        VerifyScheduler(state: state, shared: store, logger: logger),
    ]
    guard http else { return services }
    return [HTTPAccess.application(state: state, token: token, logger: logger, services: services)]
}

/// The HTTP server both long-running commands serve: its access rule and its routes.
enum HTTPAccess {
    /// The bearer token, if configured; refuses a non-loopback `http.listen` without one.
    static func token(_ configuration: ParityConfiguration) throws(EngineError) -> String? {
        let listen = configuration.http.listen
        let token = configuration.http.token.flatMap { $0.isEmpty ? nil : $0 }
        guard listen.isLoopback || token != nil else {
            throw EngineError(.configuration, source: nil, message: "http.listen \(listen) is not a loopback address and no http.token is configured",
                              fix: "set http.token (e.g. \"${PARITY_HTTP_TOKEN}\") or listen on 127.0.0.1")
        }
        return token
    }

    /// The server on `http.listen` with every route, running `services` beside it.
    static func application(
        state: ServiceState, token: String?, logger: Logger, services: [any Service]
    ) -> some ApplicationProtocol {
        let listen = state.configuration.http.listen
        if listen.port == 0 {
            logger.warning("http.listen has port 0: the system picks a free port, which monitors and load balancers cannot know; set one",
                           metadata: ["listen": "\(listen.host):0"])
        }
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: ErrorMiddleware(logger: logger))
        if let token { router.add(middleware: BearerTokenMiddleware(token: token)) }
        IndexRoute.add(to: router)
        HealthRoutes.add(to: router, state: state)
        APIRoutes.add(to: router, state: state)
        ReportRoutes.add(to: router, state: state)
        return Application(
            responder: ReadOnlyResponder(inner: router.buildResponder()),
            configuration: .init(address: .hostname(listen.host, port: listen.port), serverName: "parity"),
            services: services,
            logger: logger)
    }
}
