extension StoreConfiguration {
    init(reading reader: NodeReader?) {
        self.init()
        guard let map = reader?.mapping(allowedKeys: ["path"], fix: "write store: { path: .parity/parity.sqlite }") else {
            return
        }
        if let path = map["path"]?.name(fix: "write a file path such as .parity/parity.sqlite") {
            self.path = path
        }
    }
}
