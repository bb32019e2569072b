import ArgumentParser
import ParityConfig
import ParityEngine
import Reports
import SourceQueries

/// `parity inventory`: the hidden state of one source, read from its catalog.
struct Inventory: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the hidden state in a source's catalog (read-only).",
        discussion: """
            Lists triggers (with the functions they reach and the tables those write), rules, event \
            triggers, policies, generated columns, defaults calling functions, sequences, unlogged tables, \
            materialized views, foreign tables, tables without a usable replica identity and pg_cron jobs. \
            Items not in hidden_state.documented are listed first as undocumented.

            Exit codes: 0 listed, 2 configuration error, 3 the source is unreachable.
            """
    )

    @OptionGroup var options: ConfigOptions

    @Option(help: "The source to inventory: legacy or new.")
    var source: SourceArgument = .legacy

    @Option(name: .customLong("schema"), help: "Limit the inventory to this schema (repeatable; default: every user schema).")
    var schemas: [String] = []

    @Option(help: "Output format: text or json.")
    var format: CheckFormat = .text

    func run() throws {
        let configuration = try options.load()
        let outcome = try InventoryCommand.run(configuration, side: source.side, schemas: schemas.isEmpty ? nil : schemas)
        print(InventoryRenderer.render(outcome.inventory, blindSpots: outcome.blindSpots, format: format.outputFormat), terminator: "")
    }
}
