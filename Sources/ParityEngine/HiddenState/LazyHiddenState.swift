import Foundation
import ParityConfig
import ParityStore
import Reconciliation

/// Takes the legacy inventory once per `parity close`, when the first cycle is about to close (so a close
/// with nothing due does not touch the database). An unreachable legacy database leaves the cycles
/// without a snapshot, not unclosed.
struct LazyHiddenState {
    let configuration: ParityConfiguration
    let now: Date
    private var taken: HiddenStateRun?

    init(configuration: ParityConfiguration, now: Date) {
        self.configuration = configuration
        self.now = now
    }

    /// The hidden-state run for the cycles of this close.
    mutating func run() -> HiddenStateRun {
        if let taken { return taken }
        let inventory = try? InventoryCommand.run(configuration, side: .legacy).inventory
        let run = HiddenStateRun(configuration: configuration, inventory: inventory, takenAt: StoreTime.micros(now))
        taken = run
        return run
    }
}
