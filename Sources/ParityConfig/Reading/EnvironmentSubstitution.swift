import Foundation

/// Expands `${NAME}` and `${NAME:-default}` in scalar values; `$${` stands for a literal `${`.
enum EnvironmentSubstitution {
    enum Failure: Error, Equatable {
        /// The variable is not set and has no default.
        case unset(String)
        /// A `${` without a valid `NAME}` after it.
        case malformed
    }

    static func expand(_ text: String, environment: [String: String]) -> Result<String, Failure> {
        guard text.contains("$") else { return .success(text) }
        let characters = Array(text)
        var output = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            guard character == "$" else {
                output.append(character)
                index += 1
                continue
            }
            if index + 2 < characters.count, characters[index + 1] == "$", characters[index + 2] == "{" {
                output += "${"
                index += 3
                continue
            }
            guard index + 1 < characters.count, characters[index + 1] == "{" else {
                output.append(character)
                index += 1
                continue
            }
            guard let close = characters[(index + 2)...].firstIndex(of: "}") else { return .failure(.malformed) }
            let body = String(characters[(index + 2)..<close])
            let name: String
            let fallback: String?
            if let separator = body.range(of: ":-") {
                name = String(body[..<separator.lowerBound])
                fallback = String(body[separator.upperBound...])
            } else {
                name = body
                fallback = nil
            }
            guard isVariableName(name) else { return .failure(.malformed) }
            if let value = environment[name], !(value.isEmpty && fallback != nil) {
                output += value
            } else if let fallback {
                output += fallback
            } else {
                return .failure(.unset(name))
            }
            index = close + 1
        }
        return .success(output)
    }

    private static func isVariableName(_ name: String) -> Bool {
        guard let first = name.first, first == "_" || (first.isASCII && first.isLetter) else { return false }
        return name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
    }
}
