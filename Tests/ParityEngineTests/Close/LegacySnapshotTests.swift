import Foundation
import Logging
import ParityConfig
@testable import ParityEngine
import ParityLogging
import Synchronization
import Testing

/// Keeps every event logged, for the tests to read.
final class RecordingLogHandler: LogHandler, Sendable {
    struct Event: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: [String: String]
    }

    private let recorded = Mutex<[Event]>([])
    var events: [Event] { recorded.withLock { $0 } }

    var logLevel: Logger.Level {
        get { .trace }
        set {}
    }

    var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }

    func log(event: LogEvent) {
        let metadata = (event.metadata ?? [:]).mapValues(\.description)
        recorded.withLock { $0.append(Event(level: event.level, message: event.message.description, metadata: metadata)) }
    }
}

@Suite("What a close does without")
struct LegacySnapshotTests {
    @Test("an unreachable legacy database: the inventory and each summary table not read are logged, without the password")
    func unreachableLegacyLogged() throws {
        let configuration = try ParityConfiguration.parse(yaml: """
            sources:
              legacy: { dsn: "host=127.0.0.1 port=1 dbname=legacy user=parity password=hunter2 connect_timeout=2" }
              new: { dsn: "host=127.0.0.1 port=1 dbname=modern user=parity" }
            tables:
              - { name: invoices, legacy: public.invoices, new: public.invoices, key: { legacy: [id], new: [id] },
                  columns: [{ legacy: total, new: total, type: decimal, scale: 2 }, { legacy: currency, new: currency }] }
            aggregates:
              - name: totals
                table: invoices
                measure: { sum: total }
                group_by: [currency]
                scope: balance
                legacy_summary: { table: public.sums, group_by: [currency], value: total }
            """, file: "parity.yaml", environment: [:])
        let handler = RecordingLogHandler()
        var snapshot = LegacySnapshot(configuration: configuration, now: Date(), logger: Logger(label: "parity") { _ in handler })
        #expect(snapshot.summaries().isEmpty)
        _ = snapshot.hiddenState()
        let events = handler.events
        #expect(events.count == 2, "\(events.map(\.message))")
        #expect(events.allSatisfy { $0.level == .warning && $0.metadata[LogKey.source.rawValue] == "legacy" })
        #expect(events.contains { $0.message.contains("inventory was not taken") && $0.metadata[LogKey.error.rawValue] != nil })
        #expect(events.contains { $0.message.contains("summary tables were not read") })
        #expect(!events.contains { "\($0)".contains("hunter2") })
    }
}
