import ParityModel

/// What a function body or a job's command reaches outside the database. Never holds a password,
/// a program's arguments or a statement text: only hosts, executables and channel names.
public struct OutboundAnalysis: Sendable, Hashable {
    /// Hosts reached through dblink (`local socket`, or `(computed connection)` when not a literal).
    public var connectsTo: [String] = []
    /// `COPY … TO PROGRAM` / `FROM PROGRAM`, each as `copy to program <executable>`.
    public var programs: [String] = []
    /// Server-side file writes (`lo_export`).
    public var serverFiles: [String] = []
    /// Channels signalled with `NOTIFY` or `pg_notify` (`(computed channel)` when not a literal).
    public var notifies: [String] = []

    /// Creates an empty analysis.
    public init() {}

    /// Whether the body reaches nothing outside.
    public var isEmpty: Bool { connectsTo.isEmpty && programs.isEmpty && serverFiles.isEmpty && notifies.isEmpty }

    /// The non-empty findings as inventory details: `connects_to`, `programs`, `server_files`, `notifies`.
    public var details: [InventoryDetail] {
        [("connects_to", connectsTo), ("programs", programs), ("server_files", serverFiles), ("notifies", notifies)]
            .filter { !$0.1.isEmpty }.map { InventoryDetail.list($0.0, $0.1) }
    }

    /// Adds `other`'s findings, without repeats.
    public mutating func merge(_ other: OutboundAnalysis) {
        for (path, items) in [(\Self.connectsTo, other.connectsTo), (\.programs, other.programs), (\.serverFiles, other.serverFiles),
                              (\.notifies, other.notifies)] as [(WritableKeyPath<Self, [String]>, [String])] {
            for item in items where !self[keyPath: path].contains(item) { self[keyPath: path].append(item) }
        }
    }
}
