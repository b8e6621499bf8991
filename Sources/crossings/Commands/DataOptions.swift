import ArgumentParser
import BundledData
import CrossingsCore
import Foundation

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
        printDiagnostics(shown)
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
