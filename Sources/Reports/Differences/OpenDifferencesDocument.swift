import ParityModel
import Reconciliation

/// `parity.open/1` (docs/json-schemas.md): the open differences listed, with totals and filters.
struct OpenDifferencesDocument: Encodable {
    struct Difference: Encodable {
        let row: OpenDifferencesReport.Row

        enum CodingKeys: String, CodingKey {
            case note, explanation, attributedTo = "attributed_to"
            case firstSeenCycle = "first_seen_cycle", firstSeenLabel = "first_seen_label", lastSeenCycle = "last_seen_cycle"
            case lastSeenLabel = "last_seen_label", ageSeconds = "age_seconds"
        }

        func encode(to encoder: any Encoder) throws {
            try ItemFields.encode(row.item, to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(row.note, forKey: .note)
            try container.encode(row.item.explanation, forKey: .explanation)
            try container.encode(row.item.attributedTo, forKey: .attributedTo)
            try container.encode(row.firstSeen, forKey: .firstSeenCycle)
            try container.encode(row.firstLabel, forKey: .firstSeenLabel)
            try container.encode(row.lastSeen, forKey: .lastSeenCycle)
            try container.encode(row.lastLabel, forKey: .lastSeenLabel)
            try container.encode(row.ageSeconds, forKey: .ageSeconds)
        }
    }

    let schema = "parity.open/1"
    let generatedAt: String
    let mapping: String?
    let kind: String?
    let includesExplained: Bool
    let totalOpen: Int
    let totalUnexplained: Int
    let differences: [Difference]

    enum CodingKeys: String, CodingKey {
        case schema, generatedAt = "generated_at", mapping, kind, includesExplained = "includes_explained", totalOpen = "total_open"
        case totalUnexplained = "total_unexplained", differences
    }

    init(_ report: OpenDifferencesReport) {
        generatedAt = StoreTime.iso(report.generatedAt)
        mapping = report.mapping
        kind = report.kind?.rawValue
        includesExplained = report.includesExplained
        totalOpen = report.totalOpen
        totalUnexplained = report.totalUnexplained
        differences = report.rows.map(Difference.init(row:))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schema, forKey: .schema)
        try container.encode(generatedAt, forKey: .generatedAt)
        try container.encode(mapping, forKey: .mapping)
        try container.encode(kind, forKey: .kind)
        try container.encode(includesExplained, forKey: .includesExplained)
        try container.encode(totalOpen, forKey: .totalOpen)
        try container.encode(totalUnexplained, forKey: .totalUnexplained)
        try container.encode(differences, forKey: .differences)
    }
}
