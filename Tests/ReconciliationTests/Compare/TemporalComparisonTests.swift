import ParityConfig
import Testing
@testable import Reconciliation

@Suite struct TemporalComparisonTests {
    private func comparator(
        _ type: ColumnType, legacyZone: String? = nil, newZone: String? = nil, tolerance: Duration? = nil
    ) -> ValueComparator {
        ValueComparator(column: ColumnMapping(
            legacy: "at", new: "at", type: type, tolerance: tolerance.map(ColumnTolerance.duration),
            legacyTimezone: legacyZone, newTimezone: newZone
        ))
    }

    @Test func timestamptzOffsetsAreInstants() {
        let compare = comparator(.timestamptz).compare
        #expect(compare("2026-11-20 17:00:00+00", "2026-11-20 22:30:00+05:30") == .match)
        #expect(compare("2026-11-20 17:00:00.5+00", "2026-11-20 22:30:00.500000+05:30") == .match)
        #expect(compare("2026-11-20 17:00:00.000001+00", "2026-11-20 17:00:00+00") == .mismatch)
        #expect(compare("2026-11-20T17:00:00Z", "2026-11-20 09:00:00-08") == .match)
    }

    @Test func localTimestampsConvertAcrossSpringForward() {
        let compare = comparator(.timestamp, legacyZone: "America/Vancouver").compare
        #expect(compare("2026-03-07 12:00:00", "2026-03-07 20:00:00+00") == .match)
        #expect(compare("2026-03-08 01:59:59", "2026-03-08 09:59:59+00") == .match)
        #expect(compare("2026-03-08 03:00:00", "2026-03-08 10:00:00+00") == .match)
        #expect(compare("2026-03-09 12:00:00", "2026-03-09 19:00:00+00") == .match)
        #expect(compare("2026-03-09 12:00:00", "2026-03-09 20:00:00+00") == .mismatch)
    }

    @Test func ambiguousAndNonexistentLocalTimesResolveAsPostgreSQLDoes() {
        let compare = comparator(.timestamp, legacyZone: "America/Vancouver").compare
        #expect(compare("2026-03-08 02:30:00", "2026-03-08 10:30:00+00") == .match)
        #expect(compare("2026-11-01 01:30:00", "2026-11-01 09:30:00+00") == .match)
        #expect(compare("2026-11-01 00:30:00", "2026-11-01 07:30:00+00") == .match)
    }

    @Test func bothSidesLocalInDifferentZones() {
        let compare = comparator(.timestamp, legacyZone: "America/Vancouver", newZone: "Europe/Paris").compare
        #expect(compare("2026-11-20 09:00:00", "2026-11-20 18:00:00") == .match)
        #expect(comparator(.timestamp).compare(legacy: "2026-11-20 09:00:00", new: "2026-11-20 09:00:00") == .match)
    }

    @Test func durationTolerance() {
        let compare = comparator(.timestamptz, tolerance: .seconds(2)).compare
        #expect(compare("2026-11-20 17:00:00+00", "2026-11-20 17:00:02+00") == .withinTolerance)
        #expect(compare("2026-11-20 17:00:02+00", "2026-11-20 17:00:00+00") == .withinTolerance)
        #expect(compare("2026-11-20 17:00:00+00", "2026-11-20 17:00:02.000001+00") == .mismatch)
        let fine = comparator(.timestamptz, tolerance: .milliseconds(1)).compare
        #expect(fine("2026-11-20 17:00:00+00", "2026-11-20 17:00:00.001+00") == .withinTolerance)
    }

    @Test func dates() {
        let compare = comparator(.date).compare
        #expect(compare("2026-11-20", "2026-11-20") == .match)
        #expect(compare("2026-11-20", "2026-11-21") == .mismatch)
        #expect(comparator(.date, tolerance: .seconds(86_400)).compare(legacy: "2026-11-20", new: "2026-11-21") == .withinTolerance)
        #expect(compare("0044-03-15 BC", "0044-03-15") == .mismatch)
        #expect(compare("infinity", "infinity") == .match)
        #expect(compare("-infinity", "infinity") == .mismatch)
    }

    @Test func unparseableTextComparesExactly() {
        let compare = comparator(.timestamptz).compare
        #expect(compare("garbage", "garbage") == .match)
        #expect(compare("2026-02-30 00:00:00+00", "2026-03-02 00:00:00+00") == .mismatch)
    }
}
