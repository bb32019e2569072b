import Hummingbird

/// `/healthz` (the process answers), `/readyz` (both sources streaming, store writable; 503 says what is not)
/// and `/metrics` (Prometheus text).
enum HealthRoutes {
    static func add(to router: Router<BasicRequestContext>, state: ServiceState) {
        router.get("/healthz") { _, _ in
            TextResponse.json(JSONText.encode(["status": "ok"]))
        }
        router.get("/readyz") { _, _ in
            let readiness = state.readiness()
            return TextResponse.json(JSONText.encode(readiness), status: readiness.ready ? .ok : .serviceUnavailable)
        }
        router.get("/metrics") { _, _ in
            let text = await Blocking.run { state.metrics.render(states: state.captures.states, store: state.store, configuration: state.configuration) }
            return TextResponse.prometheus(text)
        }
    }
}
