import Yams

extension ConfigurationIssue {
    /// An issue for a document Yams could not compose; never quotes the document itself.
    init(yamlError error: any Error, file: String) {
        let fix = "check indentation, colons and quotes at this position"
        switch error as? YamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { " (\($0.text))" } ?? ""
            self.init(file: file, line: mark.line, column: mark.column, path: "",
                      problem: "invalid YAML: \(problem)\(detail)", fix: fix)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            // Yams finds duplicates with String's ==, which equates a precomposed and a decomposed é.
            let normalization = duplicates.contains { !$0.unicodeScalars.allSatisfy(\.isASCII) }
                ? " (keys that differ only by Unicode normalization, such as a precomposed and a decomposed é, are one key to the YAML reader)"
                : ""
            self.init(file: file, line: context.mark.line, column: context.mark.column, path: "",
                      problem: "duplicate key \(keys) in one mapping", fix: "keep one of them\(normalization)")
        case .reader(let problem, _, _, _):
            self.init(file: file, line: nil, column: nil, path: "",
                      problem: "cannot read the text: \(problem)", fix: "save the file as UTF-8")
        default:
            self.init(file: file, line: nil, column: nil, path: "",
                      problem: "invalid YAML", fix: fix)
        }
    }
}
