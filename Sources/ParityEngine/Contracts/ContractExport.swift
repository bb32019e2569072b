import Foundation
import ParityConfig
import ParityModel
import ParityStore
import Reconciliation
import SourceQueries

/// `parity contracts export`: the behavioural contracts the captured evidence supports, each with test vectors sampled
/// from the state as of the last closed cycle; every export is recorded so the end-of-day report and the gate can say
/// how many contracts were exported and under which decisions.
public enum ContractExport {
    /// What an export writes.
    public struct Export: Sendable {
        /// One contract per file, in export order.
        public var contracts: [Contract]
        /// The last closed cycle the evidence is as of.
        public var asOfCycle: Int64
        /// The decisions fingerprint in force.
        public var decisionsFingerprint: String

        /// Vectors over every contract.
        public var vectors: Int { contracts.reduce(0) { $0 + $1.vectors.count } }
    }

    /// The contracts, with at most `sample` vectors each.
    public static func build(_ configuration: ParityConfiguration, store: any Store, sample: Int) throws(EngineError) -> Export {
        do {
            let cycles = try store.cycles()
            guard let last = cycles.last else {
                throw EngineError(.notReady, source: nil, message: "no cycle is closed yet: there is no evidence to export", fix: "run parity close")
            }
            let subjects = try ContractSubjectsLoader.load(configuration, store: store, cycles: cycles)
            let scan = ContractRowScan(sample: sample, history: try RoundingHistory(store: store, cycles: cycles))
            let fromRows = try scan.contracts(subjects, store: store)
            let common: [String: ContractFact] = [
                "as_of_cycle": .count(Int(last.id)), "as_of_label": .text(last.label), "cycles_closed": .count(cycles.count),
            ]
            let contracts = try subjects.compactMap { subject in
                var contract = try Self.contract(subject, fromRows: fromRows, store: store, sample: sample)
                contract?.evidence.merge(common) { own, _ in own }
                return contract
            }
            return Export(contracts: contracts, asOfCycle: last.id, decisionsFingerprint: try decisions(configuration, store: store).fingerprint)
        } catch let error as EngineError {
            throw error
        } catch {
            throw EngineError.store(error, doing: "reading the evidence for contracts", fix: "check the store (store.path or store.url) can be read")
        }
    }

    /// The files an export wrote, and those it removed.
    public struct WrittenFiles: Sendable, Equatable {
        /// One per contract, in export order.
        public var written: [String]
        /// The files of contracts no longer known that the previous export into the same directory and format wrote.
        public var removed: [String]
    }

    /// Writes one file per contract into `directory` (created when missing) named by `fileName` from the contract's id,
    /// with the text `render` gives, then records the export. A contract the previous export into the same directory and
    /// format wrote, and this one does not (its trigger dropped, its mapping removed), has its file removed, so a test
    /// suite reading the directory never checks a contract the evidence no longer supports; other files are left alone.
    @discardableResult
    public static func write(
        _ export: Export, to directory: String, format: String, store: any Store, now: Date = Date(),
        exportedBy: String = GateHistory.whoAmI(), fileName: (String) -> String, render: (Contract) -> String
    ) throws(EngineError) -> WrittenFiles {
        let folder = URL(fileURLWithPath: directory).standardizedFileURL
        let previous: ContractExportRecord?
        do {
            previous = try store.lastContractExport()
        } catch {
            throw EngineError.store(error, doing: "reading the last contracts export", fix: "check the store (store.path or store.url) can be read")
        }
        var files = WrittenFiles(written: [], removed: [])
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for contract in export.contracts {
                let path = folder.appendingPathComponent(fileName(contract.id)).path
                try render(contract).write(toFile: path, atomically: true, encoding: .utf8)
                files.written.append(path)
            }
            if let previous, previous.directory == folder.path, previous.format == format {
                let kept = Set(export.contracts.map(\.id))
                for id in previous.contractIDs where !kept.contains(id) {
                    let path = folder.appendingPathComponent(fileName(id)).path
                    guard FileManager.default.fileExists(atPath: path) else { continue }
                    try FileManager.default.removeItem(atPath: path)
                    files.removed.append(path)
                }
            }
        } catch {
            throw EngineError(
                .fileSystem, source: nil, message: "cannot write the contracts to \(directory): \(error.localizedDescription)",
                fix: "give --out a directory you can write to")
        }
        do {
            try store.recordContractExport(ContractExportRecord(
                exportedAt: StoreTime.micros(now), exportedBy: exportedBy, asOfCycle: export.asOfCycle,
                directory: folder.path, format: format, contractIDs: export.contracts.map(\.id),
                vectors: export.vectors, decisionsFingerprint: export.decisionsFingerprint))
        } catch {
            throw EngineError.store(error, doing: "recording the contracts export", fix: "check the store (store.path or store.url) can be written")
        }
        return files
    }

    /// Contracts known now and the last export, for the end-of-day report and the gate.
    public static func status(_ configuration: ParityConfiguration, store: any Store) throws -> ContractsStatus {
        let known = try ContractSubjectsLoader.load(configuration, store: store, cycles: try store.cycles()).count
        let last = try store.lastContractExport().map { record in
            ContractsStatus.Export(
                exportedAt: StoreTime.date(record.exportedAt), contracts: record.contractIDs.count, vectors: record.vectors,
                decisionsFingerprint: record.decisionsFingerprint)
        }
        return ContractsStatus(known: known, lastExport: last, decisionsFingerprint: try decisions(configuration, store: store).fingerprint)
    }

    /// The decisions in force: the config's and each category's current decision recorded in the store.
    static func decisions(_ configuration: ParityConfiguration, store: any Store) throws -> Decisions {
        Decisions(configuration: configuration, stored: try DecisionBook.load(configuration, store: store).decisions)
    }

    /// The contract of `subject`: the row scan's for rounding, totals, value maps and BEFORE triggers on mapped tables;
    /// built here from the co-write evidence, the decisions, or (a trigger on an unmapped table) the inventory alone.
    private static func contract(
        _ subject: ContractSubject, fromRows: [String: Contract], store: any Store, sample: Int
    ) throws -> Contract? {
        switch subject {
        case .maintainedTable(let table):
            let patterns = try store.coWritePatterns(side: .legacy, table: table.triggerTable, with: table.table, limit: sample)
            return MaintainedTableContract.contract(
                id: subject.id, table: table,
                patterns: patterns.map {
                    .init(base: $0.base, maintained: $0.other, transactions: $0.transactions, firstCommit: StoreTime.iso(micros: $0.firstCommit))
                },
                sample: sample)
        case .decisions(let decisions):
            return DecisionsContract.contract(id: subject.id, decisions: decisions)
        case .beforeTrigger(let trigger, nil):
            return BeforeTriggerContract(trigger: trigger, mapping: nil, sample: sample).contract(id: subject.id)
        case .rounding, .totals, .valueMap, .beforeTrigger:
            return fromRows[subject.id]
        }
    }
}
