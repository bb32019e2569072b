extension CycleConfiguration {
    static let keys = ["period", "cutoff", "timezone", "settle", "grace"]

    init(reading reader: NodeReader?) {
        self.init()
        let fix = "write cycle: { period: 1d, cutoff: \"00:00\", timezone: UTC }"
        guard let map = reader?.mapping(allowedKeys: Self.keys, fix: fix) else { return }
        if let period = map["period"]?.duration(minimum: .seconds(1)) { self.period = period }
        if let cutoffReader = map["cutoff"], let text = cutoffReader.text() {
            if let cutoff = TimeOfDay(parsing: text) {
                self.cutoff = cutoff
            } else {
                cutoffReader.report("\(cutoffReader.shown(text)) is not a time of day",
                                    fix: "write \"HH:MM\" on a 24-hour clock, such as \"00:00\" or \"18:30\"")
            }
        }
        if let timezone = map["timezone"]?.timeZone() { self.timezone = timezone }
        if let settle = map["settle"]?.duration() { self.settle = settle }
        if let graceReader = map["grace"], let grace = graceReader.duration() {
            if grace < period {
                self.grace = grace
            } else {
                graceReader.report("\(grace.parityText) is not shorter than the cycle period \(period.parityText)",
                                   fix: "write a grace well below the period, such as \"2m\"")
            }
        }
    }
}
