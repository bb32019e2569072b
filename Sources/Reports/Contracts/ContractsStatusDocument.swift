import ParityModel
import Reconciliation

/// The `contracts` object of `parity.gate/1` and `parity.eod/1`: contracts known and the last export.
struct ContractsStatusDocument: Encodable {
    let status: ContractsStatus

    init(_ status: ContractsStatus) {
        self.status = status
    }

    enum CodingKeys: String, CodingKey {
        case known, exported, vectors, exportedAt = "exported_at", decisionsFingerprint = "decisions_fingerprint", exportCurrent = "export_current"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status.known, forKey: .known)
        try container.encode(status.lastExport?.contracts ?? 0, forKey: .exported)
        try container.encode(status.lastExport?.vectors ?? 0, forKey: .vectors)
        try container.encode(status.lastExport.map { StoreTime.iso($0.exportedAt) }, forKey: .exportedAt)
        try container.encode(status.decisionsFingerprint, forKey: .decisionsFingerprint)
        try container.encode(status.exportCurrent, forKey: .exportCurrent)
    }
}
