/// One problem found in a configuration file, with its position, key path and how to fix it.
public struct ConfigurationIssue: Sendable, Hashable, CustomStringConvertible {
    /// The configuration file as named by the caller.
    public var file: String
    /// 1-based line of the offending node, when known.
    public var line: Int?
    /// 1-based column of the offending node, when known.
    public var column: Int?
    /// Key path of the offending value, such as `tables[0].columns[2].tolerance`; empty for the whole file.
    public var path: String
    /// What is wrong. Never contains the value of a secret key (`dsn`, `url`, `token`, `password*`).
    public var problem: String
    /// What to write instead.
    public var fix: String

    /// Creates an issue.
    public init(file: String, line: Int?, column: Int?, path: String, problem: String, fix: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.problem = problem
        self.fix = fix
    }

    /// One line: `parity.yaml:12:7: tables[0].columns[2].tolerance: "abc" is not a decimal; write …`.
    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        let subject = path.isEmpty ? "" : "\(path): "
        return "\(location): \(subject)\(problem); \(fix)"
    }
}

/// The configuration could not be used; `issues` lists every problem found, in file order.
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Every problem found in the file.
    public var issues: [ConfigurationIssue]

    /// Creates an error from the issues found.
    public init(issues: [ConfigurationIssue]) {
        self.issues = issues
    }

    /// All issues, one per line.
    public var description: String {
        issues.map(\.description).joined(separator: "\n")
    }
}
