extension CensusConfiguration {
    init(reading reader: NodeReader?) {
        self.init()
        guard let map = reader?.mapping(allowedKeys: ["interval"], fix: "write census: { interval: 30s }") else { return }
        if let interval = map["interval"]?.duration(minimum: .seconds(1)) { self.interval = interval }
    }
}
