/// Removes passwords from text bound for logs and HTTP responses (DSNs, URIs, libpq messages).
public enum Redaction {
    /// `password=secret` becomes `password=***`, and `postgres://user:secret@host` becomes `postgres://user:***@host`.
    public static func redact(_ text: String) -> String {
        text
            .replacing(/(?i)(password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s]+)/) { "\($0.output.1)***" }
            .replacing(/(:\/\/[^\/\s:@]+:)[^@\s\/]+@/) { "\($0.output.1)***@" }
    }
}
