import ArgumentParser
import ParityConfig
import ParityEngine
import ParityModel
import ParityStore
import Reports

/// `parity disposition`: decisions on finding categories, with who decided, when and why.
struct DispositionCommands: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disposition",
        abstract: "List, set, clear and audit the decision on each category of differences.",
        discussion: """
            A category is written as the reports name it: "orders.status value_mismatch", "orders missing_in_new". \
            Decisions are kept in the store as an append-only audit trail (who, when, the previous value). A \
            dispositions[] rule of the config wins where both decide. A decision past its --expires date counts as none.
            """,
        subcommands: [ListDecisions.self, SetDecision.self, ClearDecision.self, DecisionHistory.self])

    struct ListDecisions: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Every category with its open and total differences, its disposition, owner, note and expiry.")

        @OptionGroup var options: ConfigOptions

        @Option(help: "Output format: text or json.")
        var format: CheckFormat = .text

        func run() throws {
            try decide(options) { configuration, store in
                print(DispositionRenderer.render(try DispositionCommand.list(configuration, store: store), format: format.outputFormat),
                      terminator: "")
            }
        }
    }

    struct SetDecision: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Decide a category: match, intentional_change or legacy_bug.")

        @OptionGroup var options: ConfigOptions

        @Argument(help: "The category, as the reports name it: \"orders.status value_mismatch\".")
        var category: String

        @Option(help: "match (the new system must match: an open defect), intentional_change or legacy_bug.")
        var disposition: DispositionArgument

        @Option(help: "Who owns the decision.")
        var owner: String

        @Option(help: "Why.")
        var note: String

        @Option(help: "YYYY-MM-DD: from that business day on the decision counts as none.")
        var expires: String?

        @Option(help: "A ticket reference.")
        var ticket: String?

        @Option(help: "Who records the decision (default: the OS user).")
        var by: String?

        func run() throws {
            try decide(options) { configuration, store in
                let outcome = try DispositionCommand.set(
                    configuration, store: store, category: category, disposition: disposition.disposition, owner: owner, note: note,
                    expires: expires, ticket: ticket, by: by ?? GateHistory.whoAmI())
                print(DispositionRenderer.render(outcome), terminator: "")
            }
        }
    }

    struct ClearDecision: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "clear", abstract: "Withdraw a category's stored decision.")

        @OptionGroup var options: ConfigOptions

        @Argument(help: "The category, as the reports name it.")
        var category: String

        @Option(help: "Who withdraws the decision (default: the OS user).")
        var by: String?

        func run() throws {
            try decide(options) { configuration, store in
                let outcome = try DispositionCommand.clear(configuration, store: store, category: category, by: by ?? GateHistory.whoAmI())
                print(DispositionRenderer.render(outcome), terminator: "")
            }
        }
    }

    struct DecisionHistory: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "history", abstract: "The audit trail of decisions, oldest first: every one, or one category's.")

        @OptionGroup var options: ConfigOptions

        @Argument(help: "Only this category.")
        var category: String?

        @Option(help: "Output format: text or json.")
        var format: CheckFormat = .text

        func run() throws {
            try decide(options) { configuration, store in
                let entries = try DispositionCommand.history(configuration, store: store, category: category)
                print(DispositionRenderer.render(entries, format: format.outputFormat), terminator: "")
            }
        }
    }
}

/// A disposition named on the command line.
enum DispositionArgument: String, ExpressibleByArgument, CaseIterable {
    case match, intentionalChange = "intentional_change", legacyBug = "legacy_bug"

    var disposition: Disposition { Disposition(rawValue: rawValue)! }
}

/// Loads the config and the store and runs `body`; a failure reaches `Parity.main`, which prints it with its fix.
private func decide(_ options: ConfigOptions, _ body: (ParityConfiguration, any Store) throws -> Void) throws {
    let configuration = try options.load()
    try body(configuration, try openStore(configuration))
}
