import Crypto
import ParityConfig

extension ParityConfiguration {
    /// `sha256:` and the SHA-256 of the config file's text in lower-case hex, as `sha256sum parity.yaml` prints it: the
    /// rules a cycle or a gate evaluation ran under, reproducible by anyone holding the file.
    public var digest: String {
        "sha256:" + SHA256Hex.of(text)
    }
}

/// SHA-256 digests as text.
enum SHA256Hex {
    /// The SHA-256 of `text`'s UTF-8 bytes in lower-case hex.
    static func of(_ text: String) -> String {
        SHA256.hash(data: Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
