import Yams

/// Collects the issues found while walking one configuration document.
final class ReadContext {
    let file: String
    let environment: [String: String]
    private(set) var issues: [ConfigurationIssue] = []

    init(file: String, environment: [String: String]) {
        self.file = file
        self.environment = environment
    }

    func report(_ problem: String, fix: String, path: ConfigKeyPath, mark: Mark?) {
        issues.append(ConfigurationIssue(
            file: file, line: mark?.line, column: mark?.column,
            path: path.description, problem: problem, fix: fix
        ))
    }

    /// The issues ordered by position in the file (file-level issues first).
    var issuesInFileOrder: [ConfigurationIssue] {
        issues.enumerated().sorted { lhs, rhs in
            let left = (lhs.element.line ?? 0, lhs.element.column ?? 0, lhs.offset)
            let right = (rhs.element.line ?? 0, rhs.element.column ?? 0, rhs.offset)
            return left < right
        }.map(\.element)
    }
}
