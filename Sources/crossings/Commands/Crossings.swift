import ArgumentParser
import CrossingsCore
import CrossingsTerminal
import Foundation

/// The root command: `crossings` alone opens the explorer on a terminal, or prints the overview
/// when piped; each question about the data is a subcommand in its own file.
struct Crossings: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crossings",
        abstract: "Explore and fact-check border crossings between North Korea and Russia.",
        discussion: """
        Every number comes with its source. With no subcommand, crossings prints an \
        overview of the data package; the subcommands answer questions about it.
        Exit status: 0 success, 1 findings (validate), 2 usage or data errors.
        """,
        version: "0.1.0",
        subcommands: [FiguresCommand.self, EventsCommand.self, SourcesCommand.self, CheckCommand.self, LSPCommand.self, ValidateCommand.self, ImportCommand.self]
    )

    @OptionGroup var data: DataOptions

    func run() throws {
        // The explorer draws only on a terminal; piped or redirected, print the overview.
        guard isatty(1) != 0 else {
            let dataset = try data.load()
            StandardOutput.write(Overview.text(dataset))
            StandardOutput.write("The full-screen explorer needs a terminal: run `crossings` with no arguments in one.")
            return
        }
        // On a terminal the explorer loads in the background, with a progress screen when it takes a while.
        // (A notice is printed before the explorer takes the screen, and is there again when it leaves.)
        if let notice = DataOptions.bundledFolderNotice(data.data) { printError(notice) }
        let layers = data.layers
        let status: Int32
        do {
            // The origin the progress screen names: every package, as the loaded title does.
            // (beside another package, the bundled one is `bundled`; alone, `data`).
            let origin = layers.map { l in l.map { $0 ?? (l.count > 1 ? DataOptions.bundledKeyword : "data") }.joined(separator: " + ") } ?? "data"
            status = try Explorer.run(origin: origin) { progress in
                try DataOptions.loadOrThrow(layers: layers, progress: progress)
            }
        } catch let failure as LoadFailure {
            throw DataOptions.report(failure, data: data.data)
        }
        if status != 0 { throw ExitCode(status) }
    }
}
