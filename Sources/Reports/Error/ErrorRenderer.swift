import ParityConfig

/// `parity.error/1`: a command's failure as JSON, printed on standard output when `--format json` was asked, so a
/// script reading standard output gets a document either way (the one line on standard error stays).
public enum ErrorRenderer {
    /// The document for a failure: `message` and `fix` as the error line says them, the source concerned, the
    /// exit code, the `reason` (the failure's code, `source_unreachable`), and each configuration issue with its position.
    public static func json(
        message: String, fix: String?, source: String?, exitCode: Int32, reason: String, issues: [ConfigurationIssue] = []
    ) -> String {
        JSONRendering.render(ErrorDocument(error: .init(
            code: code(exitCode), reason: reason, message: message, fix: fix, source: source, exitCode: Int(exitCode),
            issues: issues.map(ErrorDocument.Issue.init))))
    }

    /// The kind of failure the exit code stands for (DESIGN.md's exit codes).
    private static func code(_ exitCode: Int32) -> String {
        switch exitCode {
        case 1: "failed"
        case 2: "configuration"
        default: "unavailable"
        }
    }
}

/// The shape of `parity.error/1`.
private struct ErrorDocument: Encodable {
    var schema = "parity.error/1"
    var error: Failure

    struct Failure: Encodable {
        var code: String
        var reason: String
        var message: String
        var fix: String?
        var source: String?
        var exitCode: Int
        var issues: [Issue]

        enum CodingKeys: String, CodingKey {
            case code, reason, message, fix, source, issues
            case exitCode = "exit_code"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(reason, forKey: .reason)
            try container.encode(message, forKey: .message)
            try container.encode(fix, forKey: .fix)
            try container.encode(source, forKey: .source)
            try container.encode(exitCode, forKey: .exitCode)
            try container.encode(issues, forKey: .issues)
        }
    }

    struct Issue: Encodable {
        var file: String
        var line: Int?
        var column: Int?
        var path: String
        var problem: String
        var fix: String

        init(_ issue: ConfigurationIssue) {
            (file, line, column, path, problem, fix) = (issue.file, issue.line, issue.column, issue.path, issue.problem, issue.fix)
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
            try container.encode(path, forKey: .path)
            try container.encode(problem, forKey: .problem)
            try container.encode(fix, forKey: .fix)
        }

        enum CodingKeys: String, CodingKey { case file, line, column, path, problem, fix }
    }
}
