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
        // The subcommand is optional (ArgumentParser's own usage line would say it is required).
        usage: """
        crossings [--data <DIR> ...]
        crossings <subcommand> [<options>]
        """,
        // No blank line in a discussion: the man page's generator writes it as an empty input
        // line, which mdoc warns about. ASCII only: the generator drops other characters.
        discussion: """
        Every number comes with its source. With no subcommand, on a terminal, crossings opens \
        the full-screen explorer: counts by quarter, half or year, breakdowns, a timeline of \
        events, the sources and a ranking of countries (press ? for its keys; see \
        docs/explorer.md). Piped or redirected, it prints an overview of the data package \
        instead. The subcommands answer questions about the data and print the answer.
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
