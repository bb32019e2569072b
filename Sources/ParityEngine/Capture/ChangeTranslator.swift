import LogicalReplication
import ParityConfig
import ParityModel
import ParityStore
import SourceQueries

/// Turns decoded transactions into the store's model for one side: finds each table's mapping
/// and extracts the mapping's key columns (which may differ from the replica identity).
struct ChangeTranslator: Sendable {
    let side: SourceSide
    /// Source table → mapping name and that mapping's key columns on this side.
    private let mappings: [QualifiedName: (name: String, key: [String])]

    init(side: SourceSide, tables: [TableMapping]) {
        self.side = side
        var mappings: [QualifiedName: (name: String, key: [String])] = [:]
        for mapping in tables {
            let table = side == .legacy ? mapping.legacy : mapping.new
            mappings[table] = (mapping.name, side == .legacy ? mapping.key.legacy : mapping.key.new)
        }
        self.mappings = mappings
    }

    func translate(_ transaction: AssembledTransaction) throws(EngineError) -> CapturedTransaction {
        var changes: [CapturedChange] = []
        changes.reserveCapacity(transaction.changes.count)
        for change in transaction.changes {
            changes += try translate(change)
        }
        return CapturedTransaction(
            xid: transaction.xid, commitLSN: transaction.commitLSN.rawValue, endLSN: transaction.endLSN.rawValue,
            commitTime: transaction.commitTime.unixMicroseconds, changes: changes)
    }

    /// The changes of a streamed transaction to stage, each with the (sub)transaction that made it.
    func translate(_ streamed: StreamedChanges) throws(EngineError) -> [StagedChange] {
        var staged: [StagedChange] = []
        staged.reserveCapacity(streamed.changes.count)
        for change in streamed.changes {
            for captured in try translate(change.change) {
                staged.append(StagedChange(subxid: change.subtransactionXID, change: captured))
            }
        }
        return staged
    }

    /// The store's form of one change: one per row, one per table of a truncate.
    private func translate(_ change: RowChange) throws(EngineError) -> [CapturedChange] {
        switch change {
        case .insert(let insert):
            let mapping = self.mapping(of: insert.relation)
            return [CapturedChange(
                table: insert.relation.qualifiedName, mapping: mapping?.name, operation: .insert,
                key: try key(mapping, from: [insert.values], relation: insert.relation),
                image: try image(insert.values, relation: insert.relation))]
        case .update(let update):
            let mapping = self.mapping(of: update.relation)
            let newKey = try key(mapping, from: [update.values], relation: update.relation)
            // The old image (O) or old key (K), when sent, names the row before the update.
            let oldKey = update.oldValues != nil || update.key != update.newKey
                ? try key(mapping, from: [update.oldValues ?? [:], update.key, update.values], relation: update.relation) : newKey
            return [CapturedChange(
                table: update.relation.qualifiedName, mapping: mapping?.name, operation: .update,
                key: newKey, oldKey: oldKey == newKey ? nil : oldKey,
                image: try image(update.values, relation: update.relation))]
        case .delete(let delete):
            let mapping = self.mapping(of: delete.relation)
            return [CapturedChange(
                table: delete.relation.qualifiedName, mapping: mapping?.name, operation: .delete,
                key: try key(mapping, from: [delete.oldValues ?? [:], delete.key], relation: delete.relation))]
        case .truncate(let truncate):
            return truncate.relations.map { relation in
                CapturedChange(table: relation.qualifiedName, mapping: self.mapping(of: relation)?.name, operation: .truncate)
            }
        }
    }

    private func mapping(of relation: RelationDescription) -> (name: String, key: [String])? {
        mappings[QualifiedName(schema: relation.namespace, name: relation.name)]
    }

    /// The mapping's key values, each from the first image that has the column; empty for an
    /// unmapped table. A key column no image carries (a DELETE under a replica identity that does
    /// not cover the mapping's key) is an error: guessing would misattribute the change.
    private func key(_ mapping: (name: String, key: [String])?, from images: [RowValues], relation: RelationDescription) throws(EngineError) -> [String?] {
        guard let mapping else { return [] }
        var key: [String?] = []
        for column in mapping.key {
            guard let value = images.lazy.compactMap({ $0[column] }).first(where: { $0 != .unchanged }) else {
                throw EngineError(
                    .replicationUnusable, source: side.rawValue,
                    message: "a change to \(relation.qualifiedName) does not carry key column \(column) of mapping \(mapping.name)",
                    fix: "key the mapping by the table's replica identity, or ALTER TABLE \(relation.qualifiedName) REPLICA IDENTITY FULL")
            }
            key.append(try text(value, column: column, relation: relation))
        }
        return key
    }

    /// The image in the store's form, its values written straight from the bytes the source sent.
    private func image(_ values: RowValues, relation: RelationDescription) throws(EngineError) -> CapturedImage {
        var writer = RowJSONWriter.array(capacity: 16 * values.count)
        var columns: [String] = []
        var unchanged: [String] = []
        for (column, value) in values.sorted(by: { $0.key < $1.key }) {
            switch value {
            case .unchanged:
                unchanged.append(column)
            case .null:
                columns.append(column)
                writer.null()
            case .text(let bytes):
                columns.append(column)
                writer.string(bytes.bytes)
            case .binary:
                _ = try text(value, column: column, relation: relation)
            }
        }
        guard let known = writer.finish() else {
            // Name the column that is not UTF-8.
            for (column, value) in values { _ = try text(value, column: column, relation: relation) }
            throw EngineError(.replicationUnusable, source: side.rawValue, message: "a value of \(relation.qualifiedName) is not valid UTF-8",
                              fix: "check the source database's encoding (Parity expects UTF8)")
        }
        return CapturedImage(columns: columns, values: known, unchanged: unchanged)
    }

    private func text(_ value: ColumnValue, column: String, relation: RelationDescription) throws(EngineError) -> String? {
        switch value {
        case .null, .unchanged: return nil
        case .text(let bytes):
            guard let text = bytes.string else {
                throw EngineError(.replicationUnusable, source: side.rawValue, message: "column \(column) of \(relation.qualifiedName) is not valid UTF-8",
                                  fix: "check the source database's encoding (Parity expects UTF8)")
            }
            return text
        case .binary:
            throw EngineError(.replicationUnusable, source: side.rawValue, message: "column \(column) of \(relation.qualifiedName) arrived in binary format",
                              fix: "report this: Parity streams text format only")
        }
    }
}
