import ParityModel
import ParityStore
import Reconciliation

/// `parity.cycles/1`: the closed cycles, oldest first, as `/api/v1/cycles` lists them.
struct CycleList: Encodable {
    struct Cycle: Encodable {
        var id: Int64
        var label: String
        var start: String
        var end: String
        var status: CycleStatus
        var closedAt: String
        var keysCompared: Int
        var unexplainedRate: String
    }

    var schema = "parity.cycles/1"
    var cycles: [Cycle]

    init(_ records: [CycleRecord]) {
        cycles = records.map {
            Cycle(id: $0.id, label: $0.label, start: StoreTime.iso(micros: $0.start), end: StoreTime.iso(micros: $0.end), status: $0.status,
                  closedAt: StoreTime.iso(micros: $0.closedAt), keysCompared: $0.keysCompared, unexplainedRate: $0.unexplainedRate)
        }
    }
}
