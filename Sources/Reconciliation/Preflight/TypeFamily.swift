import ParityConfig

/// Groups PostgreSQL types by how their values can be compared.
public enum TypeFamily: String, Sendable, Hashable {
    case integer, decimal, float, money, text, boolean, date, timestamp, timestamptz, time, json, uuid, bytea, other

    /// The family of a base type, by name, falling back to its category (enums are text).
    public init(typeName: String, category: Character) {
        switch typeName {
        case "int2", "int4", "int8": self = .integer
        case "numeric": self = .decimal
        case "float4", "float8": self = .float
        case "money": self = .money
        case "text", "varchar", "bpchar", "name", "char", "citext": self = .text
        case "bool": self = .boolean
        case "date": self = .date
        case "timestamp": self = .timestamp
        case "timestamptz": self = .timestamptz
        case "time", "timetz": self = .time
        case "json", "jsonb": self = .json
        case "uuid": self = .uuid
        case "bytea": self = .bytea
        default: self = category == "E" ? .text : .other
        }
    }

    /// The families a column declared as `type` in a mapping can hold on one side.
    static func accepted(by type: ColumnType) -> Set<TypeFamily>? {
        switch type {
        case .text: nil  // any family; the pair check decides
        case .integer: [.integer, .decimal]
        case .decimal: [.integer, .decimal, .money, .float]
        case .boolean: [.boolean]
        case .date: [.date, .timestamp, .timestamptz]
        case .timestamp, .timestamptz: [.timestamp, .timestamptz, .date]
        case .json: [.json, .text]
        case .uuid: [.uuid, .text]
        case .bytea: [.bytea]
        }
    }

    /// The mapping type that compares two families by value, when `text` would not.
    static func suggestedType(_ legacy: TypeFamily, _ new: TypeFamily) -> ColumnType? {
        let pair: Set<TypeFamily> = [legacy, new]
        if pair.isSubset(of: [.integer, .decimal, .money, .float]) { return .decimal }
        if pair.isSubset(of: [.timestamp, .timestamptz, .date]) { return .timestamptz }
        if pair.isSubset(of: [.json, .text]) { return .json }
        return nil
    }
}
