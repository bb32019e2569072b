import Foundation
import ParityModel
import ParityStore

/// Which part each mapping's row keys go to: the part of the key's canonical form, the row key with the normalizers the
/// store recorded for the mapping (`key_placement`, migration 007) applied to each value. A mapping without normalizers
/// (or placed before the store recorded them) is placed by its row key, which is then its canonical key.
struct KeyPlacement {
    let partition: KeyPartition
    /// By mapping, the key normalizers of the mappings that have some.
    let normalizers: [String: [KeyNormalizer]]

    /// The part of `rowKey`, a row key (`RowJSON.key`) of `mapping` on either side.
    func part(of rowKey: String, mapping: String) -> Int {
        guard let normalizers = normalizers[mapping] else { return partition.part(of: rowKey) }
        return partition.part(of: Self.canonical(rowKey, normalizers: normalizers))
    }

    /// The canonical key text of `rowKey` under `normalizers`; a text that is not a key is placed as it is.
    static func canonical(_ rowKey: String, normalizers: [KeyNormalizer]) -> String {
        guard let values = RowJSON.decodeKey(rowKey) else { return rowKey }
        return RowJSON.key(values.map { KeyNormalizer.normalize($0, with: normalizers) })
    }

    /// The placement the store at `location` records, as `transaction` sees it.
    static func read(_ partition: KeyPartition, location: String, in transaction: StoreTransaction) throws -> KeyPlacement {
        var normalizers: [String: [KeyNormalizer]] = [:]
        for row in try transaction.rows("SELECT mapping, normalizers FROM key_placement") {
            let mapping = try row.text("mapping")
            do {
                normalizers[mapping] = try JSONDecoder().decode([KeyNormalizer].self, from: Data(try row.text("normalizers").utf8))
            } catch {
                throw StoreErrors.corrupt(
                    "key_placement holds normalizers of mapping \(mapping) that do not decode (\(error))", location: location, underlying: error)
            }
        }
        return KeyPlacement(partition: partition, normalizers: normalizers.filter { !$0.value.isEmpty })
    }

    /// `normalizers` as `key_placement` holds them.
    static func text(_ normalizers: [KeyNormalizer]) throws -> String {
        String(decoding: try JSONEncoder().encode(normalizers), as: UTF8.self)
    }
}

extension PostgresStore {
    /// The part of `rowKey`, a row key of `mapping`, as placed by the placement `transaction` sees (read once per
    /// transaction).
    func part(of rowKey: String, mapping: String, in transaction: StoreTransaction) throws -> Int {
        try placement(in: transaction).part(of: rowKey, mapping: mapping)
    }

    /// The key placement `transaction` sees, read at its first use.
    func placement(in transaction: StoreTransaction) throws -> KeyPlacement {
        if let placement = transaction.keyPlacement { return placement }
        let placement = try KeyPlacement.read(partitions, location: location, in: transaction)
        transaction.keyPlacement = placement
        return placement
    }
}
