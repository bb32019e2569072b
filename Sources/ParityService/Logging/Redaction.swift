import ParityModel
import Reconciliation

/// Removes passwords from text bound for logs and HTTP responses (DSNs, URIs, libpq messages).
public enum Redaction {
    /// `password=secret` becomes `password=***` (quotes and all), `postgres://user:secret@host` becomes
    /// `postgres://user:***@host`; then every credential ``SecretMask`` knows (tokens, `curl -u`, `Authorization`, …).
    public static func redact(_ text: String) -> String {
        SecretMask.masked(text
            .replacing(/(?i)(password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s]+)/) { "\($0.output.1)***" }
            .replacing(/(:\/\/[^\/\s:@]+:)[^@\s\/]+@/) { "\($0.output.1)***@" })
    }
}
