/// A position in the configuration tree, rendered as `tables[0].columns[2].tolerance`.
struct ConfigKeyPath: CustomStringConvertible {
    enum Component {
        case key(String)
        case index(Int)
    }

    static let root = ConfigKeyPath(components: [])

    private(set) var components: [Component]

    func appending(_ key: String) -> ConfigKeyPath {
        ConfigKeyPath(components: components + [.key(key)])
    }

    func appending(index: Int) -> ConfigKeyPath {
        ConfigKeyPath(components: components + [.index(index)])
    }

    /// The innermost key name, skipping list indexes.
    var lastKey: String? {
        for component in components.reversed() {
            if case .key(let key) = component { return key }
        }
        return nil
    }

    /// Whether values at this path are secrets that must never appear in messages.
    var isSecret: Bool {
        guard let key = lastKey else { return false }
        return key == "dsn" || key == "url" || key == "token" || key.hasPrefix("password")
    }

    var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }
}
