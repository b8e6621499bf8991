import ArgumentParser
import BundledData
import CrossingsCore
import CrossingsTerminal
import Foundation

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
            print(Overview.text(dataset))
            print("The full-screen explorer needs a terminal: run `crossings` with no arguments in one.")
            return
        }
        // On a terminal the explorer loads in the background, with a progress screen when it takes a while.
        let directory = data.data
        let status: Int32
        do {
            status = try Explorer.run(origin: directory ?? "data") { progress in
                try DataOptions.loadOrThrow(directory: directory, progress: progress)
            }
        } catch let failure as LoadFailure {
            throw DataOptions.report(failure, directory: directory)
        }
        if status != 0 { throw ExitCode(status) }
    }
}

/// `--data DIR`, shared by every command.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Read the data package in DIR instead of the bundled one.", valueName: "DIR"))
    var data: String?

    /// The bundled package, or the one in --data. On errors, prints them and exits 2.
    func load() throws -> Dataset {
        do {
            return try loadOrThrow()
        } catch let failure as LoadFailure {
            throw Self.report(failure, directory: data)
        }
    }

    /// Prints a package's errors (`FILE:LINE:COLUMN: error: …`) on standard error; the exit status to leave with.
    /// At most `shownErrors` of them: a package with 100,000 bad rows is not 100,000 lines in the way of
    /// the command's own output; the rest are counted, and `validate` lists every one.
    static func report(_ failure: LoadFailure, directory: String?) -> ExitCode {
        let shown = failure.diagnostics.prefix(shownErrors)
        printError(shown.map { visible($0.description) }.joined(separator: "\n"))
        // The command that shows the same package's findings: a bare `crossings validate` checks the bundled one.
        let validate = directory.map { "crossings validate \(visible(shellQuoted($0)))" } ?? "crossings validate"
        let more = failure.diagnostics.count - shown.count
        if more > 0 {
            printError("crossings: … and \(formatCount(more)) more (\(formatCount(failure.diagnostics.count)) in all; `\(validate)` lists every one)")
        }
        printError("crossings: the data package has errors; nothing was loaded (run `\(validate)` for details)")
        return ExitCode(2)
    }

    static let shownErrors = 20

    func loadOrThrow() throws -> Dataset {
        try Self.loadOrThrow(directory: data, progress: nil)
    }

    /// Loads the package in `directory` (the bundled one when nil). Progress goes to `progress`
    /// when given, else to standard error on a terminal after 200 ms.
    static func loadOrThrow(directory data: String?, progress: (@Sendable (LoadProgress) -> Void)?) throws -> Dataset {
        var dataset = try loadPackage(directory: data, progress: progress)
        // A package without vocabulary.csv (one from `crossings import`) is read with the bundled words.
        if dataset.vocabulary == nil, let text = BundledData.files["vocabulary.csv"] {
            dataset.vocabulary = try Vocabulary(csv: text, file: "data/vocabulary.csv")
        }
        return dataset
    }

    private static func loadPackage(directory data: String?, progress: (@Sendable (LoadProgress) -> Void)?) throws -> Dataset {
        if let data {
            var isDir: ObjCBool = false
            let exists = !data.isEmpty && FileManager.default.fileExists(atPath: data, isDirectory: &isDir)
            guard exists, isDir.boolValue else {
                let what = data.isEmpty ? "an empty name is no folder" : exists ? "not a folder" : "no such folder"
                throw LoadFailure([Diagnostic(location: Location(file: data.isEmpty ? "''" : data, line: 1, column: 1), severity: .error,
                                              message: "\(what): a data package is a folder that holds datapackage.json")])
            }
            if let progress { return try PackageLoader.load(directory: data, progress: progress) }
            let meter = ProgressMeter(label: "loading \(visible(data))")
            defer { meter.finish() }
            let report: (@Sendable (LoadProgress) -> Void)? = meter.isActive ? meter.callback : nil
            return try PackageLoader.load(directory: data, progress: report)
        }
        return try PackageLoader.load(files: BundledData.files, origin: "data")
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

/// Parses a period option, naming the flag in the error.
func parsePeriod(_ text: String?, flag: String) throws -> Period? {
    guard let text else { return nil }
    do { return try Period(parsing: text) } catch {
        throw ValidationError("\(flag): \(error)")
    }
}

enum Overview {
    static func text(_ d: Dataset) -> String {
        var lines: [String] = []
        lines.append("crossings — border crossings between North Korea and Russia, every number with its source")
        lines.append("")
        lines.append("Data package: \(visible(d.origin)) — \(d.observations.count) figures, \(d.events.count) events, \(d.sources.count) sources")
        var t = TextTable(["Flow", "Who", "Periods", "Figures"], rightAligned: [3])
        let counts = d.observations.countsByFlow()
        for flow in d.flows {
            let periods = d.keys(of: flow).map(\.period)
            let span = "\(periods.map(\.firstQuarter).min().map { "\($0.year)" } ?? "")–\(periods.map(\.lastQuarter).max().map { "\($0.year)" } ?? "")"
            t.add([flow.description, d.describe(flow), span, formatCount(counts[flow] ?? 0)])
        }
        lines.append("")
        lines.append(t.render())
        lines.append("""
        Try:
          crossings figures --flow KP-RU --from 2023 --to 2025
          crossings figures --flow KP-RU --by year --measure total
          crossings events --tag military
          crossings sources mediazona-2025-05-08
          crossings validate
          crossings --help
        """)
        return lines.joined(separator: "\n")
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

/// Progress of a slow load on standard error: shown only when standard error is a
/// terminal and the load has taken more than 200 ms, then erased when it ends.
final class ProgressMeter: @unchecked Sendable {
    let label: String
    let start = DispatchTime.now().uptimeNanoseconds
    let isActive = isatty(2) != 0
    private let lock = NSLock()
    private var shown = false

    init(label: String) { self.label = label }

    var callback: @Sendable (LoadProgress) -> Void {
        { [self] p in self.report(p) }
    }

    func report(_ p: LoadProgress) {
        guard DispatchTime.now().uptimeNanoseconds - start > 200_000_000 else { return }
        let percent = p.totalBytes > 0 ? String(format: "%3.0f%%", p.fraction * 100) : ""
        lock.lock(); defer { lock.unlock() }
        shown = true
        FileHandle.standardError.write(Data("\r\(label): \(percent) \(formatCount(p.rows)) rows, \(p.phase)\u{1B}[K".utf8))
    }

    func finish() {
        lock.lock(); defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// A path as a shell would need it typed: as it is when it holds only safe characters, else in single quotes.
func shellQuoted(_ s: String) -> String {
    let safe = s.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "/._-+,=:@%".unicodeScalars.contains($0)) }
    return safe && !s.isEmpty ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
