import ParityModel

extension EndOfDayReport {
    /// Who still uses legacy: the distinct clients the census saw during the cycle, new ones first.
    public struct LegacyClients: Sendable, Equatable {
        /// A client and whether it is new since the previous cycle.
        public struct Line: Sendable, Equatable {
            /// The client over the cycle.
            public var client: CensusClient
            /// True when the previous cycle's census did not see it.
            public var isNew: Bool
        }

        /// Samples taken during the cycle.
        public var samples: Int
        /// What the census could not see, if anything.
        public var note: String?
        /// The clients: new since the previous cycle first, then by identity.
        public var lines: [Line]

        /// The section for `census`, compared with the `previous` cycle's (nil when there is none: every client is new).
        public init(census: CycleCensus, previous: CycleCensus?) {
            let known = Set(previous?.clients.map(\.identity) ?? [])
            samples = census.samples
            note = census.visibilityNote
            lines = census.clients.map { Line(client: $0, isNew: !known.contains($0.identity)) }
                .sorted { ($0.isNew ? 0 : 1, $0.client.identity) < ($1.isNew ? 0 : 1, $1.client.identity) }
        }
    }
}
