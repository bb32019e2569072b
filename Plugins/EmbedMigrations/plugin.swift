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
                displayName: "Embedding \(files.count) store migrations",
                executable: try context.tool(named: "EmbedMigrationsTool").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            ),
        ]
    }
}
