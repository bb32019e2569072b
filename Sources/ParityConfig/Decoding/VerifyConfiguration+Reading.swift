extension VerifyConfiguration {
    init(reading reader: NodeReader?) {
        self.init()
        guard let map = reader?.mapping(allowedKeys: ["schedule", "max_age"], fix: "write verify: { schedule: weekly, max_age: 8d }") else {
            return
        }
        if let schedule = map["schedule"]?.choice(VerifySchedule.self) { self.schedule = schedule }
        if let maxAge = map["max_age"]?.duration(minimum: .seconds(60)) { self.maxAge = maxAge }
    }
}
