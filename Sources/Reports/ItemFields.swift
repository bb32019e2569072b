import ParityModel
import Reconciliation

/// The fields every JSON document writes for a finding or a difference (`table`, `key`, `column`, `kind`, `legacy`,
/// `new`, `disposition`; absent values as null), into the encoder's object beside the document's own fields.
enum ItemFields: String, CodingKey {
    case table, key, column, kind, legacy, new, disposition

    static func encode(_ item: Finding, to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Self.self)
        try container.encode(item.mapping, forKey: .table)
        try container.encode(item.key, forKey: .key)
        try container.encode(item.column, forKey: .column)
        try container.encode(item.kind, forKey: .kind)
        try container.encode(item.legacy, forKey: .legacy)
        try container.encode(item.new, forKey: .new)
        try container.encode(item.disposition, forKey: .disposition)
    }
}
