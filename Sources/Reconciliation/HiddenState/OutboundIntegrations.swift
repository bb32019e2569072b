import ParityModel

/// The outbound integrations among a database's functions, as inventory items: each function that reaches
/// outside (dblink, `COPY … PROGRAM`, `lo_export`, notifications) or is written in an untrusted language,
/// and each notification channel with the functions that signal it and the triggers that run them.
public enum OutboundIntegrations {
    /// Items for `functions` (overloads merged); `untrustedLanguages` are the procedural languages without
    /// the trusted flag (`plpython3u`, `plperlu`); `triggers` name who fires a signalling function.
    public static func items(functions: [FunctionSource], untrustedLanguages: Set<String>, triggers: [TriggerFacts]) -> [InventoryItem] {
        var items: [InventoryItem] = []
        var senders: [String: [String]] = [:]
        for (name, overloads) in Dictionary(grouping: functions, by: \.qualifiedName).sorted(by: { $0.key < $1.key }) {
            var analysis = OutboundAnalysis()
            overloads.filter(\.isAnalyzable).forEach { analysis.merge(OutboundAnalyzer.analyze($0.body)) }
            let untrusted = overloads.map(\.language).filter(untrustedLanguages.contains)
            guard !analysis.isEmpty || !untrusted.isEmpty else { continue }
            for channel in analysis.notifies { senders[channel, default: []].append(name) }
            let languages = Array(Set(overloads.map(\.language))).sorted()
            items.append(InventoryItem(
                kind: .function, name: name,
                details: [.list("language", languages.map { untrusted.contains($0) ? "\($0) (untrusted)" : $0 })] + analysis.details,
                bodyHash: StableHash.fnv1a64(overloads.map { SQLTokenizer.normalized($0.body) }.joined(separator: "\n"))))
        }
        for (channel, functions) in senders.sorted(by: { $0.key < $1.key }) {
            let firing = triggers.filter { trigger in trigger.reach.chain.contains { functions.contains($0) } }
            items.append(InventoryItem(
                kind: .notifyChannel, name: channel,
                details: [.list("sent_by", functions.map { $0 + "()" }), .list("triggers", firing.map { "\($0.table).\($0.name)" })]))
        }
        return items
    }
}
