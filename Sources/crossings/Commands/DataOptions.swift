import ArgumentParser
import BundledData
import CrossingsCore
import Foundation

/// `--data DIR`, shared by every command; given more than once, the packages are read as one
/// (`--data mine --data bundled`: the bundled figures and events beside another package).
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Read the data package in DIR instead of the bundled one. Repeat to read several packages as one; `bundled` names the bundled package (a folder named bundled is `./bundled`).",
        valueName: "DIR"), completion: .directory)
    var data: [String] = []

    /// What --data names: nil for the bundled package alone (no --data), else one entry per
    /// layer, nil standing for `bundled`.
    var layers: [String?]? { Self.layers(data) }

    /// The word that names the bundled package in --data.
    static let bundledKeyword = "bundled"

    static func layers(_ data: [String]) -> [String?]? {
        data.isEmpty ? nil : data.map { $0 == bundledKeyword ? nil : $0 }
    }

    /// A notice when `--data bundled` is given and a folder `./bundled` is there too: the word
    /// names the bundled package, so the user who meant the folder learns how to name it.
    static func bundledFolderNotice(_ data: [String]) -> String? {
        var isDirectory: ObjCBool = false
        guard data.contains(bundledKeyword),
              FileManager.default.fileExists(atPath: bundledKeyword, isDirectory: &isDirectory), isDirectory.boolValue
        else { return nil }
        return "crossings: note: --data bundled reads the bundled package, not the folder ./bundled here (that one is --data ./bundled)"
    }

    /// The bundled package, or the ones in --data. On errors, prints them and exits 2.
    func load() throws -> Dataset {
        if let notice = Self.bundledFolderNotice(data) { printError(notice) }
        do {
            return try loadOrThrow()
        } catch let failure as LoadFailure {
            throw Self.report(failure, data: data)
        }
    }

    /// Prints a package's errors (`FILE:LINE:COLUMN: error: …`) on standard error; the exit status to leave with.
    /// At most `shownErrors` of them: a package with 100,000 bad rows is not 100,000 lines in the way of
    /// the command's own output; the rest are counted, and `validate` lists every one.
    static func report(_ failure: LoadFailure, data: [String]) -> ExitCode {
        let shown = failure.diagnostics.prefix(shownErrors)
        printDiagnostics(shown)
        // The command that shows the same package's findings: a bare `crossings validate` checks the bundled one.
        let validate = validateCommand(data)
        let more = failure.diagnostics.count - shown.count
        if more > 0 {
            printError("crossings: … and \(formatCount(more)) more (\(formatCount(failure.diagnostics.count)) in all; `\(validate)` lists every one)")
        }
        // A package given twice: nothing was read, and `validate` would say the same again.
        if failure.diagnostics.count == 1, failure.diagnostics[0].message.hasSuffix(givenTwice) {
            printError("crossings: nothing was loaded")
            return ExitCode(2)
        }
        printError("crossings: the data package has errors; nothing was loaded (run `\(validate)` for details)")
        return ExitCode(2)
    }

    static let shownErrors = 20

    /// The `crossings validate` that checks the same packages as `--data` values `data`.
    static func validateCommand(_ data: [String]) -> String {
        switch data.count {
        case 0: return "crossings validate"
        case 1: return data[0] == bundledKeyword ? "crossings validate" : "crossings validate \(visible(shellQuoted(data[0])))"
        default: return "crossings validate" + data.map { " --data \(visible(shellQuoted($0)))" }.joined()
        }
    }

    func loadOrThrow() throws -> Dataset {
        try Self.loadOrThrow(layers: layers, progress: nil)
    }

    /// Loads each layer (nil: the bundled package; no layers: the bundled package alone) and reads
    /// them as one (`Dataset.layered`): ids that collide across layers are an error naming both rows.
    /// A layer's errors stop the load before the next is read. The same package given twice is one
    /// error, before anything is read (not one per row, each naming the same file twice).
    /// Beside another package, the bundled one is called `bundled` and its files `bundled:FILE`.
    static func loadOrThrow(layers: [String?]?, progress: (@Sendable (LoadProgress) -> Void)?) throws -> Dataset {
        guard let layers, layers.count > 1 else { return try loadOrThrow(directory: layers?.first ?? nil, progress: progress) }
        if let twice = samePackageTwice(layers) { throw LoadFailure([twice]) }
        var datasets: [Dataset] = []
        for (n, layer) in layers.enumerated() {
            let name = layer ?? bundledKeyword
            // Progress says which package of how many is being read.
            let report: (@Sendable (LoadProgress) -> Void)? = progress.map { progress in
                { @Sendable p in var p = p; p.phase = "\(visible(name)) (\(n + 1) of \(layers.count)): \(p.phase)"; progress(p) }
            }
            if layer == nil {
                datasets.append(try PackageLoader.load(files: BundledData.files, origin: bundledKeyword, filePrefix: bundledPrefix))
            } else {
                datasets.append(try loadOrThrow(directory: layer, progress: report))
            }
        }
        var dataset = try Dataset.layered(datasets)
        if dataset.vocabulary == nil, let text = BundledData.files["vocabulary.csv"] {
            dataset.vocabulary = try Vocabulary(csv: text, file: bundledPrefix + "vocabulary.csv")
        }
        return dataset
    }

    /// How the error for a package given twice ends.
    static let givenTwice = "; give each package once"

    /// How the bundled package's files are named beside another package: `bundled:observations.csv`.
    static let bundledPrefix = "\(bundledKeyword):"

    /// The error for a package given twice (`--data x --data ./x`, or `bundled` twice), at the
    /// second one's datapackage.json; nil when every layer is a different package. Folders are
    /// the same package when their real paths are (symlinks, `.` and `..` resolved).
    static func samePackageTwice(_ layers: [String?]) -> Diagnostic? {
        var seen: [String: String] = [:]  // real path (or the keyword) → the --data value that named it first
        for layer in layers {
            let name = layer ?? bundledKeyword
            let identity: String
            if let layer {
                guard let real = realpath(layer, nil) else { continue }  // missing: the load says so
                identity = String(cString: real)
                free(real)
            } else {
                identity = "\u{0}bundled"
            }
            if let first = seen[identity] {
                let file = layer == nil ? bundledPrefix + "datapackage.json" : (layer! as NSString).appendingPathComponent("datapackage.json")
                let what = layer == nil ? "the bundled package is given twice (--data bundled)"
                    : first == layer ? "this package is given twice (--data \(layer!))"
                    : "--data \(layer!) is the same package as --data \(first) (\(identity))"
                return Diagnostic(location: Location(file: file, line: 1, column: 1), severity: .error,
                                  message: "\(what)\(givenTwice)")
            }
            seen[identity] = name
        }
        return nil
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
