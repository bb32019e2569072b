import ExactNumeric
import ParityTestSupport
import PostgresClient
import Testing

/// ExactDecimal's half_up against PostgreSQL's own `round(numeric, s)` (ties away from zero) on a real server.
@Suite("Rounding agrees with PostgreSQL")
struct NumericRoundingTests {
    /// A random decimal with 0–6 fraction digits and the scale to round it to: half of them end in 5 and are rounded
    /// one digit shorter (ties), the rest to a random scale from -2 to 5; a third are negative, a fifth have 20+ digits.
    static func value(_ random: inout SplitMix64) -> (value: String, scale: Int) {
        let scale = Int(random.next() % 7)
        let digits = random.next() % 5 == 0 ? 20 + Int(random.next() % 12) : 1 + Int(random.next() % 9)
        var text = String((0..<digits).map { _ in Character(String(random.next() % 10)) })
        let tie = scale > 0 && random.next() % 2 == 0
        if tie { text.removeLast(); text += "5" }
        while text.count <= scale { text = "0" + text }
        if scale > 0 { text.insert(".", at: text.index(text.endIndex, offsetBy: -scale)) }
        return ((random.next() % 3 == 0 ? "-" : "") + text, tie ? scale - 1 : Int(random.next() % 8) - 2)
    }

    @Test("10,000 random values, half of them ties, rounded at scales -2…5 match round(numeric, s)")
    func halfUpMatchesServer() throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        let connection = try cluster.connect()
        defer { connection.close() }
        var random = SplitMix64(seed: 0x5EED_2026)
        var checked = 0
        var ties = 0
        for _ in 0..<10 {
            let cases = (0..<1000).map { _ in Self.value(&random) }
            let values = cases.map(\.value).joined(separator: ",")
            let scales = cases.map { String($0.scale) }.joined(separator: ",")
            let result = try connection.query("""
                SELECT v::text AS v, s::text AS s, round(v, s)::text AS r
                FROM unnest(string_to_array(\(values), ',')::numeric[], string_to_array(\(scales), ',')::int[]) AS t(v, s)
                """)
            for row in result.rows {
                let value = try #require(row["v"].flatMap { ExactDecimal($0) })
                let scale = try #require(row["s"].flatMap { Int($0) })
                let expected = try #require(row["r"].flatMap { ExactDecimal($0) })
                #expect(value.rounded(scale: scale, mode: .halfUp) == expected, "round(\(value), \(scale))")
                if value.isTie(at: scale) { ties += 1 }
                checked += 1
            }
        }
        #expect(checked == 10_000)
        #expect(ties > 4000)
    }
}
