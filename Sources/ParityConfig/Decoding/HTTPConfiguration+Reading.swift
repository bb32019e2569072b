extension HTTPConfiguration {
    init(reading reader: NodeReader?) {
        self.init()
        let fix = "write http: { listen: \"127.0.0.1:9187\" }"
        guard let map = reader?.mapping(allowedKeys: ["listen", "token"], fix: fix) else { return }
        var tokenUnreadable = false
        if let tokenReader = map["token"] {
            let token = tokenReader.text()
            tokenUnreadable = token == nil
            self.token = token?.isEmpty == false ? token : nil
        }
        guard let listenReader = map["listen"], let text = listenReader.text() else { return }
        guard let address = ListenAddress(parsing: text) else {
            listenReader.report("\(listenReader.shown(text)) is not host:port",
                                fix: "write \"127.0.0.1:9187\", or \"[::1]:9187\" for IPv6")
            return
        }
        listen = address
        if !address.isLoopback, token == nil, !tokenUnreadable {
            listenReader.report("\(listenReader.shown(text)) accepts remote connections but no token is set",
                                fix: "bind to 127.0.0.1 or set http.token")
        }
    }
}
