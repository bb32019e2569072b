/// The service's HTTP endpoint (`http:`).
public struct HTTPConfiguration: Sendable, Hashable {
    /// Address to listen on.
    public var listen: ListenAddress
    /// Bearer token required by the API; a secret, never shown in messages.
    public var token: String?

    /// Creates an HTTP configuration.
    public init(listen: ListenAddress = ListenAddress(host: "127.0.0.1", port: 9187), token: String? = nil) {
        self.listen = listen
        self.token = token
    }
}

/// A `host:port` pair; IPv6 hosts are written in brackets (`[::1]:9187`).
public struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    /// Host name or IP address, without brackets.
    public var host: String
    /// TCP port.
    public var port: Int

    /// Creates an address.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `host:port` or `[ipv6]:port`.
    public init?(parsing text: String) {
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"),
                  text[text.index(after: close)...].hasPrefix(":") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(close, offsetBy: 2)...]
        } else {
            guard let colon = text.lastIndex(of: ":") else { return nil }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
            guard !host.contains(":") else { return nil }
        }
        guard !host.isEmpty, !host.contains(where: \.isWhitespace),
              !portText.isEmpty, portText.allSatisfy({ $0.isASCII && $0.isNumber }),
              let port = Int(portText), (0...65_535).contains(port) else { return nil }
        self.init(host: String(host), port: port)
    }

    /// Whether the host only accepts connections from this machine.
    public var isLoopback: Bool {
        if host == "localhost" || host == "::1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    /// `host:port`, with brackets around IPv6 hosts.
    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
