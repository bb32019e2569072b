import ParityConfig
import Testing

@Suite struct DurationParsingTests {
    @Test(arguments: [
        ("90s", Duration.seconds(90)),
        ("5m", .seconds(300)),
        ("1h", .seconds(3_600)),
        ("1d", .seconds(86_400)),
        ("500ms", .milliseconds(500)),
        ("1h30m", .seconds(5_400)),
        ("1d2h3m4s5ms", .milliseconds(93_784_005)),
        ("0", .zero),
        ("0s", .zero),
    ])
    func parses(text: String, expected: Duration) {
        #expect(Duration(parityText: text) == expected)
    }

    @Test(arguments: ["", "5", "s", "1x", "-5s", "1.5h", "5 m", "30m1h", "1h1h", "5S", "99999999999999999999s"])
    func rejects(text: String) {
        #expect(Duration(parityText: text) == nil)
    }

    @Test(arguments: [
        (Duration.seconds(5_400), "1h30m"),
        (.milliseconds(500), "500ms"),
        (.zero, "0s"),
        (.seconds(86_400 + 1), "1d1s"),
    ])
    func formats(duration: Duration, expected: String) {
        #expect(duration.parityText == expected)
        #expect(Duration(parityText: expected) == duration)
    }
}
