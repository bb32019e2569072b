extension StoreConfiguration {
    init(reading reader: NodeReader?) {
        self.init()
        let fix = "write store: { path: .parity/parity.sqlite } or store: { url: \"${PARITY_STORE_URL}\" }"
        guard let map = reader?.mapping(allowedKeys: ["path", "url", "password_file"], fix: fix) else {
            return
        }
        if let path = map["path"]?.name(fix: "write a file path such as .parity/parity.sqlite") {
            self.path = path
        }
        if let url = map["url"] {
            if map.contains("path") {
                url.report("cannot be combined with store.path", fix: "keep path for the embedded SQLite store or url for PostgreSQL, not both")
            }
            self.url = url.name(fix: "write a PostgreSQL URL such as postgres://parity@db.internal:5432/parity, or \"${PARITY_STORE_URL}\"")
        }
        if let passwordFile = map["password_file"] {
            if !map.contains("url") { passwordFile.report("needs store.url", fix: "set store.url, or remove password_file (SQLite has no password)") }
            self.passwordFile = passwordFile.name(fix: "write the path of a file holding the password")
        }
    }
}
