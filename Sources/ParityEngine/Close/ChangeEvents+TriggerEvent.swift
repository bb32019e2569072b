import ParityModel
import ParityStore
import Reconciliation

extension ChangeEvents {
    /// The trigger events these changes fire.
    var triggerEvents: Set<TriggerEvent> {
        let events: [(ChangeEvents, TriggerEvent)] = [(.insert, .insert), (.update, .update), (.delete, .delete), (.truncate, .truncate)]
        return Set(events.filter { contains($0.0) }.map(\.1))
    }
}
