import ParityConfig
import Testing
@testable import Reconciliation

@Suite struct NumericComparisonTests {
    private func compare(_ legacy: String?, _ new: String?, type: ColumnType = .decimal, tolerance: String? = nil) -> ComparisonOutcome {
        ValueComparator(column: ColumnMapping(legacy: "total", new: "total", type: type, tolerance: tolerance.map(ColumnTolerance.amount)))
            .compare(legacy: legacy, new: new)
    }

    @Test func equalByValueRegardlessOfScale() {
        #expect(compare("1.50", "1.5") == .match)
        #expect(compare("10.5000", "10.50") == .match)
        #expect(compare("-0.00", "0") == .match)
        #expect(compare("1e3", "1000.00") == .match)
    }

    @Test func exactNotBinaryFloatingPoint() {
        #expect(compare("0.1", "0.10000000000000000001") == .mismatch)
        #expect(compare("12345678901234567890.01", "12345678901234567890.02") == .mismatch)
    }

    @Test func absoluteToleranceIsInclusive() {
        #expect(compare("10.00", "10.01", tolerance: "0.01") == .withinTolerance)
        #expect(compare("10.01", "10.00", tolerance: "0.01") == .withinTolerance)
        #expect(compare("10.00", "10.011", tolerance: "0.01") == .mismatch)
        #expect(compare("10.00", "10.01", tolerance: "0.00") == .mismatch)
        #expect(compare("10.00", "10.00", tolerance: "0.01") == .match)
    }

    @Test func relativeToleranceIsAShareOfTheLegacyValue() {
        let relative = ValueComparator(column: ColumnMapping(legacy: "fee", new: "fee", type: .decimal, tolerance: .percent("0.5")))
        #expect(relative.compare(legacy: "200.00", new: "201.00") == .withinTolerance)
        #expect(relative.compare(legacy: "200.00", new: "199.00") == .withinTolerance)
        #expect(relative.compare(legacy: "200.00", new: "201.01") == .mismatch)
        #expect(relative.compare(legacy: "-200.00", new: "-201.00") == .withinTolerance)
        #expect(relative.compare(legacy: "0", new: "0.0001") == .mismatch)
        #expect(relative.compare(legacy: "200.00", new: "200.0") == .match)
        #expect(relative.compare(legacy: "200", new: "abc") == .mismatch)
    }

    @Test func relativeToleranceIsExactAtTheBoundary() {
        let tenth = ValueComparator(column: ColumnMapping(legacy: "fee", new: "fee", type: .integer, tolerance: .percent("0.1")))
        #expect(tenth.compare(legacy: "1000000000000000000000", new: "1001000000000000000000") == .withinTolerance)
        #expect(tenth.compare(legacy: "1000000000000000000000", new: "1001000000000000000001") == .mismatch)
    }

    @Test func integersCompareExactly() {
        #expect(compare("42", "42", type: .integer) == .match)
        #expect(compare("9223372036854775807", "9223372036854775806", type: .integer) == .mismatch)
        #expect(compare("41", "42", type: .integer, tolerance: "1") == .withinTolerance)
    }

    @Test func unparseableTextComparesExactly() {
        #expect(compare("abc", "abc") == .match)
        #expect(compare("1.5", "1,5") == .mismatch)
        #expect(compare("abc", "1") == .mismatch)
    }

    @Test func equalTextMatchesOnlyWhenBothSidesReadItAlike() {
        // A value map or a zone on one side only makes the same text mean different things.
        let mapped = ValueComparator(column: ColumnMapping(legacy: "status", new: "status", map: ["A": "active"]))
        #expect(mapped.compare(legacy: "A", new: "A") == .mismatch)
        let zoned = ValueComparator(column: ColumnMapping(legacy: "at", new: "at", type: .timestamp, legacyTimezone: "Europe/Paris"))
        #expect(zoned.compare(legacy: "2026-11-20 10:00:00", new: "2026-11-20 10:00:00") == .mismatch)
    }

    @Test func specialValues() {
        #expect(compare("NaN", "NaN") == .match)
        #expect(compare("Infinity", "Infinity") == .match)
        #expect(compare("Infinity", "1", tolerance: "1000") == .mismatch)
    }

    @Test func nulls() {
        #expect(compare(nil, nil) == .match)
        #expect(compare(nil, "0") == .mismatch)
        #expect(compare("0", nil) == .mismatch)
    }
}
