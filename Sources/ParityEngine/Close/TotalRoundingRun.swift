import ExactNumeric
import ParityConfig
import ParityModel
import ParityStore
import Reconciliation

/// Per header mapping with `line_items` and per side: for each header changed in the cycle (or whose lines
/// changed), whether its stored total is the sum of its rounded lines (per line) or the rounded sum of their
/// unrounded amounts (per total).
struct TotalRoundingRun {
    let configuration: ParityConfiguration
    /// The mode each side's line amounts behave as, when the cycle's rows tell (used to round a total once).
    let modes: [RoundingObservations.Subject: RoundingMode]

    func run(_ reader: CycleStateReader) throws -> [SubjectRoundingEvidence] {
        var stored: [SubjectRoundingEvidence] = []
        for header in configuration.tables {
            guard let items = header.lineItems, let lines = configuration.table(named: items.mapping),
                  let amount = lines.column(legacy: items.amount), let total = header.column(legacy: items.total) else { continue }
            for side in SourceSide.allCases {
                let evidence = try observe(side, header: header, items: items, lines: lines, amount: amount, total: total, reader)
                stored.append(SubjectRoundingEvidence(
                    mapping: header.name, column: TotalRoundingSubject.column(items), side: side, evidence: .total(evidence)))
            }
        }
        return stored
    }

    private func observe(
        _ side: SourceSide, header: TableMapping, items: LineItems, lines: TableMapping, amount: ColumnMapping, total: ColumnMapping,
        _ reader: CycleStateReader
    ) throws -> TotalRoundingEvidence {
        let comparer = RowComparer(mapping: lines)
        var touched = Set(try reader.changedKeys(side: side, mapping: header.name).keys)
        var byHeader: [ExactText: [(unrounded: ExactDecimal, stored: ExactDecimal)]] = [:]
        let changedLines = try reader.changedKeys(side: side, mapping: lines.name)
        try reader.forEachImage(side: side, mapping: lines.name) { lineKey, image in
            let view = side == .legacy ? image : LegacyNamedImage.view(of: image, mapping: lines)
            let headerKey = ExactText(RowJSON.key(items.key.map { view[$0] ?? nil }))
            if changedLines[ExactText(lineKey)] != nil { touched.insert(headerKey) }
            guard let stored = (image[side == .legacy ? amount.legacy : amount.new] ?? nil).flatMap({ ExactDecimal($0) }),
                  let unrounded = comparer.unrounded(amount, side: side, image: image) else { return }
            byHeader[headerKey, default: []].append((unrounded, stored))
        }
        let mode = modes[RoundingObservations.Subject(mapping: lines.name, column: amount.legacy, side: side)] ?? .halfUp
        var evidence = TotalRoundingEvidence()
        for headerKey in touched.sorted() {
            guard let image = try reader.image(side: side, mapping: header.name, rowKey: headerKey.rawValue),
                  let storedTotal = (image[side == .legacy ? total.legacy : total.new] ?? nil).flatMap({ ExactDecimal($0) }),
                  let items = byHeader[headerKey], !items.isEmpty else { continue }
            let scale = amount.scale ?? storedTotal.scale
            evidence.observe(TotalRoundingDetector.detect(lines: items, storedTotal: storedTotal, scale: scale, mode: mode))
        }
        return evidence
    }
}
