/// The value of one series (`name{labels}`) in Prometheus text, nil when absent.
func metric(_ series: String, in text: String) -> Double? {
    text.split(separator: "\n").lazy.compactMap { line -> Double? in
        guard line.hasPrefix(series + " ") else { return nil }
        return Double(line.dropFirst(series.count + 1))
    }.first
}
