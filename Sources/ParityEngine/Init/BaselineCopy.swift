import ParityConfig
import ParityModel
import ParityStore
import PostgresClient
import SourceQueries

/// Copies mapped tables of one side, inside a snapshot a slot exported, into the store's row state at the
/// snapshot's position, in batches (one store transaction each), the store writing one batch while the next is read.
enum BaselineCopy {
    static let batchSize = 10_000

    /// Copies `mappings`' tables on `side`; returns the snapshot's time (µs since 1970, server clock) and the rows copied per mapping.
    /// A `cancellation` that is cancelled stops the copy before its next batch is written.
    static func copy(
        _ mappings: [TableMapping], side: SourceSide, source: SourceConfiguration, snapshot: ExportedSnapshot, store: any CaptureStore,
        progress: @escaping WorkProgress.Sink, cancellation: InitCancellation? = nil
    ) throws -> (time: Int64, rows: [String: Int]) {
        let connection = try snapshot.reader(source)
        defer { connection.close() }
        let time = try connection.query("SELECT (extract(epoch FROM now()) * 1000000)::int8 AS micros").singleRow().decode(Int64.self, "micros")
        let catalog = SourceCatalog(connection: connection)
        let position = snapshot.position.rawValue
        var copied: [String: Int] = [:]
        // A store whose closes are shared places each mapping's keys by their canonical form before the first row is copied.
        for mapping in mappings {
            _ = try (store as? any PartitionedCycleStore)?.placeKeys(mapping: mapping.name, normalizers: mapping.key.normalize)
        }
        for mapping in mappings {
            let table = try TableCopy(side: side, mapping: mapping, catalog: catalog)
            let writer = BaselineWriter(
                store: store, side: side, mapping: mapping.name, columns: table.columns, position: position, cancellation: cancellation)
            var encoder = SourceRowEncoder(columns: table.columns.count, keyPositions: table.keyPositions)
            var batch: [(key: String, values: String)] = []
            batch.reserveCapacity(batchSize)
            var count = 0
            do {
                try table.copyLines(on: connection, progress: progress, every: batchSize) { line in
                    encoder.encode(line) { encoded in
                        let (key, values) = SourceRowEncoder.texts(encoded)
                        batch.append((key, values))
                    }
                    count += 1
                    if batch.count == batchSize {
                        try writer.write(batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                try writer.write(batch)
                try writer.finish()
            } catch {
                try? writer.finish()
                throw error
            }
            copied[mapping.name] = count
        }
        return (time, copied)
    }
}
