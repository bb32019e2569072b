import ParityModel

extension GateInput {
    /// The last complete month's aggregate results.
    public struct Month: Sendable, Equatable {
        /// The month, `YYYY-MM`.
        public var month: String
        /// Each configured aggregate.
        public var aggregates: [Aggregate]

        /// Creates a month.
        public init(month: String, aggregates: [Aggregate]) {
            self.month = month
            self.aggregates = aggregates
        }
    }

    /// One aggregate's groups out of tolerance.
    public struct Aggregate: Sendable, Equatable {
        /// The aggregate's name.
        public var name: String
        /// How many groups differ by more than the tolerance.
        public var groupsOutOfTolerance: Int
        /// The first of them, in one line (`region=EU: legacy 10.00 new 10.50`).
        public var firstExample: String?

        /// Creates a result.
        public init(name: String, groupsOutOfTolerance: Int, firstExample: String? = nil) {
            self.name = name
            self.groupsOutOfTolerance = groupsOutOfTolerance
            self.firstExample = firstExample
        }
    }

    /// The hidden-state audit's findings, one short line each; a nil list was not available.
    public struct HiddenState: Sendable, Equatable {
        /// Legacy objects not documented in the config.
        public var undocumented: [String]?
        /// Trigger-maintained legacy tables with no mapping.
        public var unmappedTriggerMaintained: [String]?
        /// Legacy tables written that are neither mapped nor ignored.
        public var unmappedWrites: [String]?
        /// Blind spots (no replica identity, unlogged tables, …) no mapping or documentation covers.
        public var uncoveredBlindSpots: [String]?
        /// Inventory changes since the last review.
        public var inventoryChanges: [String]?

        /// Creates the lists.
        public init(
            undocumented: [String]? = nil, unmappedTriggerMaintained: [String]? = nil, unmappedWrites: [String]? = nil,
            uncoveredBlindSpots: [String]? = nil, inventoryChanges: [String]? = nil
        ) {
            self.undocumented = undocumented
            self.unmappedTriggerMaintained = unmappedTriggerMaintained
            self.unmappedWrites = unmappedWrites
            self.uncoveredBlindSpots = uncoveredBlindSpots
            self.inventoryChanges = inventoryChanges
        }
    }

    /// The legacy writes of one cycle.
    public struct CycleWrites: Sendable, Equatable {
        /// The cycle's id.
        public var cycleID: Int64
        /// Per legacy table written.
        public var tables: [TableWrites]

        /// Creates a cycle's writes.
        public init(cycleID: Int64, tables: [TableWrites]) {
            self.cycleID = cycleID
            self.tables = tables
        }
    }

    /// Rows written to one legacy table in a cycle.
    public struct TableWrites: Sendable, Equatable {
        /// The legacy table (`public.orders`).
        public var table: String
        /// Rows inserted, updated or deleted.
        public var rows: Int
        /// The trigger or scheduled job known to write it, if any.
        public var writer: String?

        /// Creates a table's writes.
        public init(table: String, rows: Int, writer: String? = nil) {
            self.table = table
            self.rows = rows
            self.writer = writer
        }
    }

    /// One source's capture health; `health` nil when the source could not be reached.
    public struct SourceCapture: Sendable, Equatable {
        /// A reachable source's slot and lag.
        public struct Health: Sendable, Equatable {
            /// Whether the replication slot exists.
            public var slotPresent: Bool
            /// Whether the slot's WAL was lost or the slot invalidated.
            public var slotLost: Bool
            /// Seconds between the source's current position and the durable one; nil when unknown.
            public var lagSeconds: Int?

            /// Creates a health record.
            /// Whether the slot was confirmed past everything the store holds (dropped and created again behind Parity's back).
            public var slotRecreated: Bool

            public init(slotPresent: Bool, slotLost: Bool = false, slotRecreated: Bool = false, lagSeconds: Int?) {
                self.slotPresent = slotPresent
                self.slotLost = slotLost
                self.slotRecreated = slotRecreated
                self.lagSeconds = lagSeconds
            }
        }

        /// `legacy` or `new`.
        public var source: SourceSide
        /// Nil when unreachable.
        public var health: Health?

        /// Creates a source's record.
        public init(source: SourceSide, health: Health?) {
            self.source = source
            self.health = health
        }
    }
}
