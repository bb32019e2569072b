import GRDB
import ParityModel

// The vocabulary's values are stored as their raw text (`legacy`, `missing_in_new`, `forced`, …).

extension SourceSide: DatabaseValueConvertible {}

extension FindingKind: DatabaseValueConvertible {}

extension Disposition: DatabaseValueConvertible {}

extension CycleStatus: DatabaseValueConvertible {}

extension HiddenStateLine.Kind: DatabaseValueConvertible {}
extension HiddenStateKind: DatabaseValueConvertible {}

extension InventoryChange.Change: DatabaseValueConvertible {}
