/// Finds in SQL or PL/pgSQL text what reaches outside the database: dblink connections, `COPY … PROGRAM`,
/// `lo_export` and notifications. String literals are read once more as SQL, so statements run through
/// `EXECUTE '…'` are seen too (one level deep).
public enum OutboundAnalyzer {
    /// dblink functions whose arguments may hold a connection string.
    private static let dblinkFunctions: Set<String> = [
        "dblink", "dblink_exec", "dblink_connect", "dblink_connect_u", "dblink_send_query", "dblink_open",
    ]
    /// What a channel computed at run time is shown as.
    public static let computedChannel = "(computed channel)"

    /// Analyzes `text`.
    public static func analyze(_ text: String) -> OutboundAnalysis {
        analyze(text, nested: true)
    }

    private static func analyze(_ text: String, nested: Bool) -> OutboundAnalysis {
        let tokens = SQLTokenizer.tokens(text)
        var analysis = OutboundAnalysis()
        for index in tokens.indices {
            let token = tokens[index]
            if nested, let literal = token.literalValue { analysis.merge(analyze(literal, nested: false)) }
            guard token.kind == .word else { continue }
            let call = index + 1 < tokens.count && tokens[index + 1].isSymbol("(")
            switch token.text {
            case _ where dblinkFunctions.contains(token.text) && call:
                let hosts = arguments(tokens, open: index + 1).compactMap { $0.literalValue.flatMap(ConnectionTarget.hosts(in:)) }
                analysis.merge(connections(hosts.isEmpty ? [ConnectionTarget.computed] : hosts.flatMap { $0 }))
            case "lo_export" where call:
                analysis.merge(serverFile("lo_export"))
            case "pg_notify" where call:
                let channel = arguments(tokens, open: index + 1).first
                analysis.merge(notification(channel?.literalValue ?? computedChannel))
            case "notify" where index + 1 < tokens.count && tokens[index + 1].isIdentifier:
                analysis.merge(notification(tokens[index + 1].text))
            case "copy":
                if let program = copyProgram(tokens, from: index) { analysis.merge(program) }
            default: break
            }
        }
        return analysis
    }

    /// The tokens between the parenthesis at `open` and its match, at depth one (bounded by the text).
    private static func arguments(_ tokens: [SQLToken], open: Int) -> [SQLToken] {
        var depth = 0
        var inside: [SQLToken] = []
        for token in tokens[open...] {
            if token.isSymbol("(") { depth += 1 } else if token.isSymbol(")") { depth -= 1 }
            if depth == 0 { break }
            if depth == 1, !token.isSymbol("(") { inside.append(token) }
        }
        return inside
    }

    /// `COPY … TO PROGRAM '…'` or `FROM PROGRAM '…'` at the statement's own level, up to its `;`.
    private static func copyProgram(_ tokens: [SQLToken], from start: Int) -> OutboundAnalysis? {
        var depth = 0
        var index = start + 1
        while index + 2 < tokens.count, !tokens[index].isSymbol(";") {
            if tokens[index].isSymbol("(") { depth += 1 } else if tokens[index].isSymbol(")") { depth -= 1 }
            if depth == 0, tokens[index].isWord("to") || tokens[index].isWord("from"), tokens[index + 1].isWord("program") {
                var analysis = OutboundAnalysis()
                let executable = tokens[index + 2].literalValue.map(executableName) ?? "(computed command)"
                analysis.programs = ["copy \(tokens[index].text) program \(executable)"]
                return analysis
            }
            index += 1
        }
        return nil
    }

    /// A shell command's program, without its directory, arguments or leading `NAME=value` settings.
    static func executableName(_ command: String) -> String {
        let words = command.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        guard let program = words.first(where: { !$0.contains("=") }) else { return "(computed command)" }
        return String(program.split(separator: "/").last ?? program)
    }

    private static func connections(_ hosts: [String]) -> OutboundAnalysis {
        var analysis = OutboundAnalysis()
        analysis.connectsTo = hosts
        return analysis
    }

    private static func serverFile(_ call: String) -> OutboundAnalysis {
        var analysis = OutboundAnalysis()
        analysis.serverFiles = [call]
        return analysis
    }

    private static func notification(_ channel: String) -> OutboundAnalysis {
        var analysis = OutboundAnalysis()
        analysis.notifies = [channel]
        return analysis
    }
}
