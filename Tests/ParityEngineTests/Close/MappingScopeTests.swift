@testable import ParityEngine
import ParityModel
import ParityStore
import Testing

@Suite("What a cycle compares of each mapping")
struct MappingScopeTests {
    func copied(_ mapping: String, _ side: SourceSide, at time: Int64) -> MappingSource {
        MappingSource(side: side, mapping: mapping, table: "public.\(mapping)", copiedAt: 100, snapshotTime: time, initializedAt: time)
    }

    func cycle(_ id: Int64, end: Int64) -> CycleRecord {
        CycleRecord(id: id, label: "c\(id)", start: end - 10, end: end, status: .closed, closedAt: end, keysCompared: 0, unexplainedRate: "")
    }

    @Test("the baseline compares every row of each initialized mapping; a mapping compared before only its changed keys")
    func baselineThenChanged() {
        let sources = [copied("orders", .legacy, at: 5), copied("orders", .new, at: 6)]
        #expect(MappingScope.of("orders", cycle: cycle(0, end: 6), sources: sources, baselines: [:]) == .everyRow)
        #expect(MappingScope.of("orders", cycle: cycle(3, end: 60), sources: sources, baselines: ["orders": 0]) == .changed)
    }

    @Test("a mapping copied on one side only, or on none, is not initialized")
    func uninitialized() {
        #expect(MappingScope.of("customers", cycle: cycle(2, end: 50), sources: [copied("customers", .legacy, at: 5)], baselines: [:])
            == .uninitialized)
        #expect(MappingScope.of("customers", cycle: cycle(2, end: 50), sources: [], baselines: [:]) == .uninitialized)
    }

    @Test("an added mapping is first compared, every row, by the first cycle ending at or after both copies")
    func addedLater() {
        let sources = [copied("customers", .legacy, at: 40), copied("customers", .new, at: 45)]
        #expect(MappingScope.of("customers", cycle: cycle(2, end: 44), sources: sources, baselines: [:]) == .copiedAfterEnd)
        #expect(MappingScope.of("customers", cycle: cycle(3, end: 45), sources: sources, baselines: [:]) == .everyRow)
        #expect(MappingScope.of("customers", cycle: cycle(4, end: 90), sources: sources, baselines: ["customers": 3]) == .changed)
    }
}
