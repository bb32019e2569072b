/// One recorded `parity contracts export` (times in µs since 1970).
public struct ContractExportRecord: Sendable, Equatable {
    /// Assigned by the store; ignored when recording.
    public var id: Int64
    /// When it ran (local clock).
    public var exportedAt: Int64
    /// Who ran it (`user@host`).
    public var exportedBy: String
    /// The last closed cycle the evidence is as of, if any.
    public var asOfCycle: Int64?
    /// Where the files were written.
    public var directory: String
    /// `json` or `csv`.
    public var format: String
    /// The contract ids written, one file each.
    public var contractIDs: [String]
    /// Vectors over every file.
    public var vectors: Int
    /// The decisions fingerprint in force.
    public var decisionsFingerprint: String

    /// Creates a record.
    public init(
        id: Int64 = 0, exportedAt: Int64, exportedBy: String, asOfCycle: Int64?, directory: String, format: String, contractIDs: [String],
        vectors: Int, decisionsFingerprint: String
    ) {
        self.id = id
        self.exportedAt = exportedAt
        self.exportedBy = exportedBy
        self.asOfCycle = asOfCycle
        self.directory = directory
        self.format = format
        self.contractIDs = contractIDs
        self.vectors = vectors
        self.decisionsFingerprint = decisionsFingerprint
    }
}
