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
        abstract: "Import Ksimi/Russia_in_out (FSB border-service counts for every country, 2010–2020).",
        discussion: """
        Reads Russia_in_master.csv (entries into Russia, flows XX-RU) and Russia_out_master.csv \
        (trips of Russians abroad, flows RU-XX), and writes a data package in DIR with the same \
        layout as the bundled data/. Every row is accounted for: the report gives, per file, the \
        rows read, imported and rejected, and the reason for each rejected row. \
        Then browse it with `crossings --data DIR`.
        """
    )

    @Argument(help: ArgumentHelp("Russia_in_master.csv and/or Russia_out_master.csv.", valueName: "FILE"))
    var files: [String]
    @Option(help: ArgumentHelp("The folder to write the package to (created if missing).", valueName: "DIR"))
    var into: String

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one FILE") }
    }

    func run() throws {
        var importer = RussiaInOutImporter()
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                printError("crossings: \(visible(file)): cannot read the file")
                throw ExitCode(2)
            }
            do {
                try importer.read([UInt8](data), file: file)
            } catch let failure as LoadFailure {
                printError(failure.diagnostics.map { visible($0.description) }.joined(separator: "\n"))
                throw ExitCode(2)
            }
        }
        try importer.write(to: into)
        var t = TextTable(["File", "Read", "Imported", "Rejected"], rightAligned: [1, 2, 3])
        for r in importer.reports {
            t.add([r.file, formatCount(r.read), formatCount(r.imported), formatCount(r.rejected)])
        }
        print(t.render(), terminator: "")
        for r in importer.rejections { print(visible(r.description)) }
        // Read back what was written, so a package that would not load is never left looking finished.
        do {
            let data = try PackageLoader.load(directory: into)
            printError("wrote \(visible(into)): \(formatCount(data.observations.count)) figures for \(formatCount(data.flows.count)) flows; browse it with `crossings --data \(into)`")
        } catch let failure as LoadFailure {
            printError(failure.diagnostics.prefix(20).map { visible($0.description) }.joined(separator: "\n"))
            throw ExitCode(2)
        }
    }
}
