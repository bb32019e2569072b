/// Masks credentials in catalog text (function bodies' dynamic SQL, pg_cron commands, policy and default expressions)
/// before Parity shows or stores it: the secret becomes `***`, the name or user before it and the quoting stay, so the
/// text still says what it does. Every `InventoryDetail` text passes through `masked(_:)`.
///
/// Masked, in any letter case, quoted (`'…'`, `''…''` inside a string literal, `"…"`) or bare:
/// - `key=value` and `key := value` where the key ends in `password`, `passwd`, `pwd`, `secret`, `token`, `api_key`
///   (or `apikey`, `api-key`) or `secret_access_key` (`--password=…`, `PGPASSWORD=…`, `aws_secret_access_key=…`,
///   `client_secret=…`, `access_token=…`), and `"key": "value"` with such a key;
/// - SQL's `PASSWORD 'value'` (`ALTER ROLE … PASSWORD '…'`, user mapping `OPTIONS (password '…')`);
/// - curl's `-u user:password` and `--user user:password` (`-u admin:***`);
/// - a URL's `scheme://user:password@` (`postgres://admin:***@host`);
/// - `Authorization: Bearer …`, `Basic …` and `Token …`;
/// - `-pSECRET` only in a `mysql`/`mariadb` command line, where `-p` joined to its value is always the password.
///
/// Left readable: a key that merely contains such a word (`password_file=`, `passfile=`, `max_tokens=`), a column
/// named `password` that is not followed by `=` or a quoted literal (`SELECT password FROM users`), `-u` without
/// `user:password`, `-p 5432` (a port), and `-p…` outside a mysql command. Masking masked text changes nothing.
public enum SecretMask {
    /// What a secret is replaced by.
    private static let mask = "***"

    /// `text` with every credential the patterns above find replaced by `***`.
    public static func masked(_ text: String) -> String {
        guard mayHoldSecret(text) else { return text }
        let keyValue = #/
            (?i)
            ( (?: "[\w-]*(?:password|passwd|pwd|secret|token|api[_-]?key|secret[_-]?(?:access[_-]?)?key)" \s* :
                | [\w-]*(?:password|passwd|pwd|secret|token|api[_-]?key|secret[_-]?(?:access[_-]?)?key) \s* :?= ) \s* )
            ( ''(?:[^']|'''')*'' | '(?:[^'\\]|\\.)*' | "(?:[^"\\]|\\.)*" | [^\s'"&;]+ )
            /#
        let sqlPassword = #/(?i)\b((?:password|passwd)\s+)(''(?:[^']|'''')*''|'(?:[^'\\]|\\.)*')/#
        let curlUser = #/(?i)((?:^|\s)(?:-u|--user)(?:\s+|=)?['"]?[^\s:'"]+:)[^\s'"]+/#
        let url = #/(?i)(\b[a-z][a-z0-9+.-]*://[^:/?#@\s'"]*:)[^@/\s'"]+@/#
        let authorization = #/(?i)(authorization\s*:\s*(?:bearer|basic|token)\s+)[^\s'"]+/#
        let mysql = #/((?i:\b(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlshow|mysqlcheck|mariadb|mariadb-dump)\b)[^;|&\n]*?\s-p)[^\s'";|&]+/#
        return text
            .replacing(keyValue) { "\($0.output.1)\(maskedValue($0.output.2))" }
            .replacing(sqlPassword) { "\($0.output.1)\(maskedValue($0.output.2))" }
            .replacing(curlUser) { "\($0.output.1)\(mask)" }
            .replacing(url) { "\($0.output.1)\(mask)@" }
            .replacing(authorization) { "\($0.output.1)\(mask)" }
            .replacing(mysql) { "\($0.output.1)\(mask)" }
    }

    /// `***` in the quotes `value` had (`''…''`, `'…'`, `"…"` or none; an empty `''` is a pair of single quotes).
    private static func maskedValue(_ value: Substring) -> String {
        for quote in ["''", "'", "\""] where value.count >= 2 * quote.count && value.hasPrefix(quote) { return quote + mask + quote }
        return mask
    }

    /// Whether `text` holds a word any pattern starts from; most catalog texts do not, and skip the patterns.
    private static func mayHoldSecret(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return ["pass", "pwd", "secret", "token", "key", "://", "-u", "authorization", "mysql", "mariadb"].contains { lowered.contains($0) }
    }
}
