import Foundation

/// The knobs of the kill soak, from `--name value` flags (the Makefile's SOAK_* variables).
struct KillSoakOptions {
    let parityBinary: String
    var kills = 100
    var scale = 1
    var clients = 4
    /// Transactions per second on each database.
    var rate = 200
    var bulkRows = 3_000
    /// The delay before each kill, in milliseconds.
    var delay = 200...3_000
    /// The kill loop's bound in time; pgbench runs at most this long plus two minutes.
    var minutes = 45
    var seed = UInt64(Date().timeIntervalSince1970 * 1_000)
    /// The store capture writes into.
    var store = SoakStore.sqlite

    init(parityBinary: String, flags: [String]) throws {
        self.parityBinary = parityBinary
        guard flags.count.isMultiple(of: 2) else { throw SoakError("flags come in pairs: --name value") }
        for index in stride(from: 0, to: flags.count, by: 2) {
            let (name, value) = (flags[index], flags[index + 1])
            let number = { () throws -> Int in
                guard let number = Int(value), number > 0 else { throw SoakError("\(name) takes a positive number, not \(value)") }
                return number
            }
            switch name {
            case "--kills": kills = try number()
            case "--scale": scale = try number()
            case "--clients": clients = try number()
            case "--rate": rate = try number()
            case "--bulk-rows": bulkRows = try number()
            case "--minutes": minutes = try number()
            case "--seed": seed = try UInt64(number())
            case "--store":
                guard let kind = SoakStore(rawValue: value) else { throw SoakError("--store takes sqlite or postgres, not \(value)") }
                store = kind
            case "--delay-ms":
                let bounds = value.split(separator: "-").compactMap { Int($0) }
                guard bounds.count == 2, bounds[0] > 0, bounds[0] <= bounds[1] else { throw SoakError("--delay-ms takes MIN-MAX, not \(value)") }
                delay = bounds[0]...bounds[1]
            default: throw SoakError("unknown flag \(name)")
            }
        }
    }
}
