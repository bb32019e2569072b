import Foundation

/// The store's URL as messages show it: never with its password.
enum StoreURL {
    /// `url` without a password: the userinfo's password (or a `password` parameter) of a URI, or the `password=` of a
    /// connection string, quoted or not.
    static func redacted(_ url: String) -> String {
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            guard var components = URLComponents(string: url) else { return "a PostgreSQL store (its URL does not parse)" }
            components.password = nil
            components.queryItems = components.queryItems?.filter { $0.name != "password" }
            if components.queryItems?.isEmpty == true { components.queryItems = nil }
            return components.string ?? "a PostgreSQL store"
        }
        return url.replacingOccurrences(of: #"\s*password\s*=\s*('([^'\\]|\\.)*'|\S*)"#, with: "", options: [.regularExpression, .caseInsensitive])
            .trimmingCharacters(in: .whitespaces)
    }
}
