/// Reads libpq connection strings found in code (dblink calls, pg_cron commands) for the one thing
/// reports may show, the hosts (`SecretMask` blanks out the passwords of any text that is shown).
public enum ConnectionTarget {
    /// What an unresolved connection is shown as: a named dblink connection or one built at run time.
    public static let computed = "(computed connection)"
    /// What a connection string without `host`/`hostaddr` reaches.
    public static let localSocket = "local socket"

    private static let keywords: Set<String> = [
        "host", "hostaddr", "port", "dbname", "user", "password", "passfile", "service", "options", "application_name",
        "connect_timeout", "sslmode", "sslcert", "sslkey", "sslrootcert", "sslpassword", "target_session_attrs",
        "client_encoding", "channel_binding", "fallback_application_name", "keepalives", "gssencmode", "requiressl",
    ]

    /// The hosts `text` connects to, when it is a whole connection string (`host=… dbname=…` or
    /// `postgresql://…`); nil when it is anything else (a connection name, an SQL statement).
    public static func hosts(in text: String) -> [String]? {
        let trimmed = text.trimmingSpaces
        let lowered = trimmed.lowercased()
        if lowered.hasPrefix("postgresql://") || lowered.hasPrefix("postgres://") { return uriHosts(trimmed) }
        guard let pairs = keywordPairs(trimmed), !pairs.isEmpty else { return nil }
        let named = pairs.filter { $0.key == "host" || $0.key == "hostaddr" }.flatMap { $0.value.split(separator: ",").map(String.init) }
        let hosts = named.filter { !$0.isEmpty && !$0.hasPrefix("/") }
        return hosts.isEmpty ? [localSocket] : unique(hosts)
    }

    /// `key=value` pairs (values bare or single-quoted with backslash escapes); nil unless the whole text is such pairs.
    private static func keywordPairs(_ text: String) -> [(key: String, value: String)]? {
        var characters = Substring(text)
        var pairs: [(key: String, value: String)] = []
        while !characters.isEmpty {
            characters = characters.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
            guard !characters.isEmpty else { break }
            let key = characters.prefix { $0.isLetter || $0 == "_" }.lowercased()
            guard keywords.contains(key) else { return nil }
            characters = characters.dropFirst(key.count).drop { $0 == " " }
            guard characters.first == "=" else { return nil }
            characters = characters.dropFirst().drop { $0 == " " }
            var value = ""
            if characters.first == "'" {
                characters = characters.dropFirst()
                while let character = characters.first, character != "'" {
                    characters = characters.dropFirst()
                    if character == "\\", let escaped = characters.first {
                        value.append(escaped)
                        characters = characters.dropFirst()
                    } else {
                        value.append(character)
                    }
                }
                characters = characters.dropFirst()
            } else {
                value = String(characters.prefix { !$0.isWhitespace })
                characters = characters.dropFirst(value.count)
            }
            pairs.append((key, value))
        }
        return pairs
    }

    /// The hosts of `postgresql://[user[:password]@]host[:port][,host[:port]…][/db][?host=…]`.
    private static func uriHosts(_ uri: String) -> [String] {
        guard let scheme = uri.range(of: "://") else { return [localSocket] }
        let rest = uri[scheme.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        let hostList = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? ""
        var hosts = hostList.split(separator: ",").map { part -> String in
            if part.hasPrefix("["), let close = part.firstIndex(of: "]") { return String(part[part.index(after: part.startIndex)..<close]) }
            return String(part.prefix { $0 != ":" })
        }
        if let query = rest.split(separator: "?", maxSplits: 1).dropFirst().first {
            for parameter in query.split(separator: "&") where parameter.hasPrefix("host=") || parameter.hasPrefix("hostaddr=") {
                hosts += parameter.split(separator: "=", maxSplits: 1).dropFirst().first.map { [String($0)] } ?? []
            }
        }
        hosts = hosts.filter { !$0.isEmpty && !$0.hasPrefix("%2F") && !$0.hasPrefix("/") }
        return hosts.isEmpty ? [localSocket] : unique(hosts)
    }

    private static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
