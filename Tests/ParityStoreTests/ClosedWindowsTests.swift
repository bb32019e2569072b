import ParityModel
@testable import ParityStore
import Testing

@Suite("Closed cycles' windows: where a retired record belongs")
struct ClosedWindowsTests {
    static func cycle(_ id: Int64, from start: Int64, to end: Int64) -> CycleRecord {
        CycleRecord(id: id, label: "day \(id)", start: start, end: end, status: .closed, closedAt: end, keysCompared: 0, unexplainedRate: "0")
    }

    @Test("the baseline's window inside the first cycle's: a time belongs to the innermost window holding it")
    func nested() {
        let windows = ClosedWindows([Self.cycle(2, from: 200, to: 300), Self.cycle(0, from: 150, to: 170), Self.cycle(1, from: 100, to: 200)])
        let times: [Int64] = [99, 100, 149, 150, 169, 170, 199, 200, 299, 300]
        #expect(times.map { windows.cycle(containing: $0) } == [nil, 1, 1, 0, 0, 1, 1, 2, 2, nil])
        // Before 200 the windows change last at 170 (the baseline's end); before 300, at 200.
        #expect(windows.sameWindows(before: 200) == 170)
        #expect(windows.sameWindows(before: 300) == 200)
        #expect(ClosedWindows([]).sameWindows(before: 300) == Int64.min)
        #expect(ClosedWindows([]).cycle(containing: 5) == nil)
    }

    @Test("a gap between windows belongs to none, however many windows came before")
    func gaps() {
        let windows = ClosedWindows((1...50).map { Self.cycle($0, from: $0 * 100, to: $0 * 100 + 50) })
        #expect(windows.cycle(containing: 2_549) == 25)
        #expect(windows.cycle(containing: 2_550) == nil)
        #expect(windows.cycle(containing: 5_100) == nil)
    }
}
