import Reconciliation

/// Renders a contract as a file of `parity contracts export`: `parity.contract/1` JSON or CSV.
public enum ContractRenderer {
    /// The formats a contract can be written in.
    public enum Format: String, Sendable, CaseIterable {
        case json, csv
    }

    /// The file name of the contract `id` in `format`: `<id>.json` or `<id>.csv`.
    public static func fileName(id: String, format: Format) -> String {
        id + "." + format.rawValue
    }

    /// The file's text.
    public static func render(_ contract: Contract, format: Format) -> String {
        switch format {
        case .json: JSONRendering.render(ContractDocument(contract))
        case .csv: ContractCSV.render(contract)
        }
    }
}
