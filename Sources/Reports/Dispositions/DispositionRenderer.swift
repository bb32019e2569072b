import ParityModel
import Reconciliation

/// Renders `parity disposition list` (`parity.dispositions/1`), `history` (`parity.disposition-history/1`) and what
/// `set`/`clear` recorded, as text or JSON.
public enum DispositionRenderer {
    /// The listing in `format` (text or JSON).
    public static func render(_ listing: DispositionListing, format: OutputFormat) -> String {
        guard format != .json else { return JSONRendering.render(ListingDocument(listing: listing)) }
        let rows = listing.lines.map { line in
            [line.verdict.category.description, "\(line.open)", "\(line.total)", line.verdict.disposition?.rawValue ?? "none",
             line.verdict.source?.rawValue ?? "-", line.verdict.owner ?? "-", line.verdict.decision?.expires ?? "-",
             Escaping.shortened(DecisionText.standing(line.verdict))]
        }
        let header = ["category", "open", "total", "disposition", "source", "owner", "expires", "decision"]
        let count = listing.lines.count == 1 ? "1 category" : "\(listing.lines.count) categories"
        return Escaping.lines(["\(count), decisions as of \(listing.day)", ""]
            + TextColumns.lines([header] + rows, rightAligned: [1, 2]))
    }

    /// The audit trail in `format` (text or JSON).
    public static func render(_ entries: [DecisionHistoryEntry], format: OutputFormat) -> String {
        guard format != .json else { return JSONRendering.render(HistoryDocument(entries: entries)) }
        return Escaping.lines(entries.isEmpty ? ["no decision recorded"] : entries.map(line))
    }

    /// What `set` or `clear` recorded and the category's standing now, as text.
    public static func render(_ outcome: DecisionOutcome) -> String {
        var lines = [line(outcome.entry), "now: \(outcome.verdict.category)  \(DecisionText.standing(outcome.verdict))"]
        if outcome.verdict.source == .config {
            lines.append("note: the config's dispositions[] rule decides this category and wins over stored decisions")
        }
        return Escaping.lines(lines)
    }

    /// `#3 2026-11-20T10:00:00Z ana@host set orders.status value_mismatch legacy_bug by ops …; was #2 match by dev`.
    private static func line(_ entry: DecisionHistoryEntry) -> String {
        let what = entry.decision.map { decision in
            "\(decision.disposition.rawValue) by \(decision.owner)" + (decision.expires.map { ", expires \($0)" } ?? "")
                + (decision.ticket.map { ", ticket \($0)" } ?? "") + ": \"\(decision.note)\""
        } ?? ""
        let was = entry.previousID.map { id in
            "; was #\(id) " + (entry.previous.map { "\($0.disposition.rawValue) by \($0.owner)" } ?? "cleared")
        } ?? "; first decision"
        return "#\(entry.id) \(StoreTime.iso(entry.decidedAt)) \(entry.decidedBy) \(entry.action) \(entry.category)"
            + (what.isEmpty ? "" : " \(what)") + was
    }

    private struct ListingDocument: Encodable {
        let listing: DispositionListing

        struct Line: Encodable {
            let line: DispositionListing.Line

            enum CodingKeys: String, CodingKey { case open, total }

            func encode(to encoder: any Encoder) throws {
                try VerdictDocument(verdict: line.verdict).encode(to: encoder)
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(line.open, forKey: .open)
                try container.encode(line.total, forKey: .total)
            }
        }

        enum CodingKeys: String, CodingKey { case schema, day, categories }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("parity.dispositions/1", forKey: .schema)
            try container.encode(listing.day, forKey: .day)
            try container.encode(listing.lines.map(Line.init), forKey: .categories)
        }
    }

    private struct HistoryDocument: Encodable {
        let entries: [DecisionHistoryEntry]

        struct Entry: Encodable {
            let entry: DecisionHistoryEntry

            enum CodingKeys: String, CodingKey {
                case id, category, action, disposition, owner, note, expires, ticket, previous
                case decidedBy = "decided_by", decidedAt = "decided_at", afterCycle = "after_cycle", previousDisposition = "previous_disposition"
            }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(entry.id, forKey: .id)
                try container.encode(entry.category.description, forKey: .category)
                try container.encode(entry.action, forKey: .action)
                try container.encode(entry.decision?.disposition.rawValue, forKey: .disposition)
                try container.encode(entry.decision?.owner, forKey: .owner)
                try container.encode(entry.decision?.note, forKey: .note)
                try container.encode(entry.decision?.expires, forKey: .expires)
                try container.encode(entry.decision?.ticket, forKey: .ticket)
                try container.encode(entry.decidedBy, forKey: .decidedBy)
                try container.encode(StoreTime.iso(entry.decidedAt), forKey: .decidedAt)
                try container.encode(entry.decision?.afterCycle, forKey: .afterCycle)
                try container.encode(entry.previousID, forKey: .previous)
                try container.encode(entry.previous?.disposition.rawValue, forKey: .previousDisposition)
            }
        }

        enum CodingKeys: String, CodingKey { case schema, decisions }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("parity.disposition-history/1", forKey: .schema)
            try container.encode(entries.map(Entry.init), forKey: .decisions)
        }
    }
}
