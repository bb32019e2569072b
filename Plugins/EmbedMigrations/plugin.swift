import Foundation
import PackagePlugin

/// Embeds a store's schema into the target as a generated Swift file, so the binary carries the single source of truth
/// and no copy exists: `migrations/NNN_name.sql` at the package root for the SQLite store (`ParityStore`),
/// `migrations/postgres/NNN_name.sql` for the PostgreSQL store (`PostgresStore`).
@main
struct EmbedMigrations: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let folder = target.name == "PostgresStore" ? "migrations/postgres" : "migrations"
        let directory = context.package.directoryURL.appending(path: folder)
        let files = try FileManager.default
            .contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "sql" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedMigrations.swift")
        return [
            .buildCommand(
                displayName: "Embedding the store migrations of \(folder)",
                executable: try context.tool(named: "EmbedMigrationsTool").url,
                // The folder, not its files: the tool lists it when it runs, and the folder is an input, so a migration
                // added since the last build is embedded (SwiftPM does not ask the plugin again for a file outside
                // the target's sources).
                arguments: [output.path, directory.path],
                inputFiles: files + [directory],
                outputFiles: [output]
            ),
        ]
    }
}
