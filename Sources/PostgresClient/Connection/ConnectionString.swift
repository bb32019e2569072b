import Foundation
import CLibPQ

/// The keywords of a libpq connection string, parsed by libpq itself.
enum ConnectionString {
    /// Parses a DSN or URI into keyword/value pairs (only the keywords it sets).
    static func parse(_ dsn: String) throws(PostgresError) -> [String: String] {
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(dsn, &errorMessage) else {
            let reason = errorMessage.map { String(cString: $0) } ?? "out of memory"
            if let errorMessage { PQfreemem(errorMessage) }
            throw PostgresError(
                code: .invalidConnectionString,
                message: "the connection string is not valid: \(withoutQuotedFragments(reason))"
            )
        }
        defer { PQconninfoFree(options) }
        var result: [String: String] = [:]
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val {
                result[String(cString: keyword)] = String(cString: value)
            }
            option += 1
        }
        return result
    }

    /// libpq quotes parts of the string it could not parse; those parts may hold a password, so they are hidden. A name
    /// where only a name can stand is kept: the option libpq does not know (`invalid connection option "hots"`), and the
    /// user, role or database the server names.
    static func withoutQuotedFragments(_ message: String) -> String {
        var result = ""
        var fragment = ""
        var inQuotes = false
        for character in message.oneLine {
            if character == "\"" {
                if inQuotes { result += keepsName(fragment, after: result) ? "\"\(fragment)\"" : "\"…\"" }
                fragment = ""
                inQuotes.toggle()
            } else if inQuotes {
                fragment.append(character)
            } else {
                result.append(character)
            }
        }
        if inQuotes { result += "\"…" }
        return result
    }

    /// The phrases after which a quoted fragment is a name.
    private static let namePhrases = ["invalid connection option ", "for user ", "role ", "database "]

    private static func keepsName(_ fragment: String, after text: String) -> Bool {
        namePhrases.contains { text.hasSuffix($0) } && fragment.count <= 63
            && fragment.range(of: "^[A-Za-z_][A-Za-z0-9_$-]*$", options: .regularExpression) != nil
    }
}

extension String {
    /// The text as one line: line breaks and the indentation after them folded into single spaces.
    var oneLine: String {
        let lines = split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: " \t") }
        return lines.filter { !$0.isEmpty }.joined(separator: " ")
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> Substring {
        var slice = self
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return slice
    }
}
