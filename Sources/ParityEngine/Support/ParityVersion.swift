/// Parity's version: `parity --version`, and `parity_build_info` on `/metrics`.
public enum ParityVersion {
    public static let current = "0.1.0"
}
