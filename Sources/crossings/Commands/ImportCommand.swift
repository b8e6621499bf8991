import ArgumentParser
import CrossingsCore
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn published compilations into crossings data packages.",
        subcommands: [RussiaInOutCommand.self]
    )
}

struct RussiaInOutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "russia-in-out",
        // ASCII only: the man page's generator drops other characters ("2010–2020" became "20102020").
        // No blank line in the discussion: the generator writes it as an empty input line (an mdoc warning).
        abstract: "Import Ksimi/Russia_in_out (FSB border-service counts for every country, 2010 to 2020).",
        discussion: """
        Reads Russia_in_master.csv (entries into Russia, flows XX-RU) and Russia_out_master.csv \
        (trips of Russians abroad, flows RU-XX), and writes a data package in DIR with the same \
        layout as the bundled data/. Every row is accounted for: the report gives, per file, the \
        rows read, imported and rejected, then the rejected rows by reason: how many, and \
        FILE:LINE[:COLUMN] and the reason for the first few (--verbose: for each rejected row). \
        A row with a byte that is not UTF-8 is rejected alone; the others are imported. \
        Then browse it with `crossings --data DIR`.
        DIR must be missing or empty; with --force, a data package in DIR is replaced as a whole. \
        The package is written into a temporary folder beside DIR, loaded, and only then renamed \
        into place, so a failure leaves DIR as it was.
        Exit status: 0 every row imported (or left out by design: Russia's own rows); 1 the \
        package was written but other rows were rejected; 2 nothing written (an unreadable \
        file, a wrong header, a non-empty DIR without --force, a write that failed).
        """
    )

    @Argument(help: ArgumentHelp("Russia_in_master.csv and/or Russia_out_master.csv.", valueName: "FILE"), completion: .file(extensions: ["csv"]))
    var files: [String]
    @Option(help: ArgumentHelp("The folder to write the package to: created if missing, refused if not empty (unless --force).", valueName: "DIR"), completion: .directory)
    var into: String
    @Flag(help: "Replace the data package already in DIR (as a whole; it is kept if anything fails).")
    var force = false
    @Flag(name: .shortAndLong, help: "List every rejected row, not only the first few for each reason.")
    var verbose = false

    /// Rows shown for each reason without --verbose.
    static let shownPerReason = 3

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one FILE") }
    }

    func run() throws {
        // Refuse a non-empty DIR before reading anything.
        do { _ = try PackageInstaller.check(into, force: force) } catch {
            printError("crossings: \(visible(error.message))")
            throw ExitCode(2)
        }
        // --force replaces the folder as a whole: an input inside it would be removed with it.
        let target = URL(fileURLWithPath: into).standardizedFileURL.resolvingSymlinksInPath().path
        for file in files {
            let input = URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath().path
            if input.hasPrefix(target + "/") {
                printError("crossings: \(visible(file)) is inside --into \(visible(into)), which the import replaces as a whole; move it out first")
                throw ExitCode(2)
            }
        }
        var importer = RussiaInOutImporter()
        for file in files {
            do {
                try importer.read(try PackageInstaller.readInput(file), file: file)
            } catch let failure as PackageInstaller.Failure {
                printError("crossings: \(visible(failure.message))")
                throw ExitCode(2)
            } catch let failure as LoadFailure {
                printDiagnostics(failure.diagnostics)
                throw ExitCode(2)
            }
        }
        // Written beside DIR, read back, and only then moved into place: a package that would
        // not load is never left looking finished, and the old one is never lost.
        let data: Dataset, warnings: [String]
        do {
            (data, warnings) = try PackageInstaller.install(importer.packageFiles(), into: into, force: force) {
                try PackageLoader.load(directory: $0)
            }
        } catch let failure as PackageInstaller.Failure {
            printError("crossings: \(visible(failure.message))")
            if !failure.diagnostics.isEmpty {
                printDiagnostics(failure.diagnostics.prefix(DataOptions.shownErrors))
            }
            throw ExitCode(2)
        }
        var t = TextTable(["File", "Read", "Imported", "Rejected"], rightAligned: [1, 2, 3])
        for r in importer.reports {
            t.add([r.file, formatCount(r.read), formatCount(r.imported), formatCount(r.rejected)])
        }
        // Fitted to the terminal like every other table (a pipe gets it in full): the file names are
        // the long cell (a path as given), wrapped or set under their counts.
        StandardOutput.write(t.render(width: WidthOptions.terminalWidth()), terminator: "")
        if verbose {
            for r in importer.rejections { StandardOutput.write(visible(r.description)) }
        } else {
            StandardOutput.write(Self.summary(importer.rejections), terminator: "")
        }
        for w in warnings { printError("crossings: warning: \(visible(w))") }
        let rejected = importer.rejections.count
        let damaged = importer.rejections.filter { !$0.byDesign }.count
        let byDesign = rejected - damaged
        printError("wrote \(visible(into)): \(counted(data.observations.count, "figure")) for \(counted(data.flows.count, "flow")); browse it with `crossings --data \(into)`")
        if rejected > 0 {
            var parts: [String] = []
            if damaged > 0 { parts.append("\(formatCount(damaged)) rejected (listed above)") }
            if byDesign > 0 { parts.append("\(formatCount(byDesign)) of Russia's own, left out by design") }
            printError("\(formatCount(rejected)) \(rejected == 1 ? "row" : "rows") not imported: \(parts.joined(separator: "; "))")
        }
        if damaged > 0 { throw ExitCode(1) }
    }

    /// The rejected rows by reason, in the order each reason first comes: how many, and the first
    /// few in full (FILE:LINE: rejected: reason). 410 of Russia's own rows are one line and three
    /// examples, not 410 lines; --verbose lists them all.
    static func summary(_ rejections: [RussiaInOutImporter.Rejection]) -> String {
        guard !rejections.isEmpty else { return "" }
        var kinds: [String] = []
        var byKind: [String: [RussiaInOutImporter.Rejection]] = [:]
        for r in rejections {
            if byKind[r.kind] == nil { kinds.append(r.kind) }
            byKind[r.kind, default: []].append(r)
        }
        var out = "\nRejected rows by reason (--verbose lists every one):\n"
        for kind in kinds {
            let rows = byKind[kind]!
            out += "  \(counted(rows.count, "row")): \(visible(kind))\n"
            for r in rows.prefix(shownPerReason) { out += "    \(visible(r.description))\n" }
            if rows.count > shownPerReason { out += "    … and \(counted(rows.count - shownPerReason, "more row", plural: "more rows"))\n" }
        }
        return out
    }
}
