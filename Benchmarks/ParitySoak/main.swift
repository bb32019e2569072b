import Foundation
import ParityTestSupport

// parity-soak: the proof at scale behind `make soak`.
// Usage: parity-soak kills PARITY_BINARY [--kills N] [--scale N] [--clients N] [--rate TPS] [--bulk-rows N]
//                                        [--delay-ms MIN-MAX] [--minutes N] [--seed N]
//        parity-soak seeds FIXTURE_DIRECTORY SEED_DIRECTORY
// `kills`: pgbench on two throwaway clusters while `parity capture` is SIGKILLed --kills times, each after a random
// delay; then one capture until caught up and the store audited against both sources (see StoreAudit). Exits 1 on
// any difference. `seeds`: cuts the captured pgoutput fixtures into the pgoutput fuzz target's seed corpus.

let arguments = Array(CommandLine.arguments.dropFirst())
let usage = """
    usage: parity-soak kills PARITY_BINARY [--kills N] [--scale N] [--clients N] [--rate TPS] [--bulk-rows N] \
    [--delay-ms MIN-MAX] [--minutes N] [--seed N]
           parity-soak seeds FIXTURE_DIRECTORY SEED_DIRECTORY

    """

do {
    switch arguments.first {
    case "kills" where arguments.count >= 2:
        let options = try KillSoakOptions(parityBinary: arguments[1], flags: Array(arguments.dropFirst(2)))
        let passed = try KillSoak(options).run()
        exit(passed ? 0 : 1)
    case "seeds" where arguments.count == 3:
        let count = try SeedCorpus.write(fixtures: arguments[1], to: arguments[2])
        print("\(count) seeds written to \(arguments[2])")
    default:
        FileHandle.standardError.write(Data(usage.utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("parity-soak: \(error)\n".utf8))
    exit(1)
}
