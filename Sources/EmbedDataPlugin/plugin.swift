import Foundation
import PackagePlugin

/// Compiles the package's `data/` folder into the `BundledData` module, so the
/// bundled dataset is part of the binary and is found from any working directory.
@main
struct EmbedDataPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let dataDir = context.package.directoryURL.appending(path: "data")
        let names = try FileManager.default.contentsOfDirectory(atPath: dataDir.path)
            .filter { $0.hasSuffix(".csv") || $0.hasSuffix(".json") }
            .sorted()
        let inputs = names.map { dataDir.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedData.swift")
        return [
            .buildCommand(
                displayName: "Embedding data/ (\(names.count) files) into BundledData",
                executable: try context.tool(named: "embed-data").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
