import Foundation
import ArgumentParser
import CrossingsCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a data package: types, citations, references, and where sources or sums disagree.",
        discussion: """
        Prints FILE:LINE:COLUMN: error|warning: MESSAGE for each finding. \
        Exit status 0 when the package is valid (warnings allowed), 1 when it has errors. \
        The package is the bundled one, or DIR (`crossings validate DIR` and \
        `crossings validate --data DIR` are the same). With --data given more than once, the packages \
        are checked as read together: each one, then ids that collide across them.
        """
    )

    @OptionGroup var data: DataOptions

    @Argument(help: ArgumentHelp("The data package to check (the same as --data DIR).", valueName: "DIR"), completion: .directory)
    var directory: String?

    mutating func validate() throws {
        if directory != nil && !data.data.isEmpty {
            throw ValidationError("give the package once: either DIR or --data DIR")
        }
    }

    func run() throws {
        let dataset: Dataset
        if let notice = DataOptions.bundledFolderNotice(data.data) { printError(notice) }
        do {
            dataset = try DataOptions.loadOrThrow(layers: DataOptions.layers(directory.map { [$0] } ?? data.data), progress: nil)
        } catch let failure as LoadFailure {
            for d in failure.diagnostics { StandardOutput.write(visible(d.description)) }
            let errors = failure.diagnostics.filter { $0.severity == .error }.count
            fflush(nil)  // the findings first, then the summary, even when both go to one file
            printError("\(errors) error\(errors == 1 ? "" : "s"): the package is not valid")
            throw ExitCode(1)
        }
        let findings = Validator.findings(dataset)
        for f in findings { StandardOutput.write(visible(f.description)) }
        let warnings = findings.filter { $0.severity == .warning }.count
        fflush(nil)  // the findings first, then the summary, even when both go to one file
        printError("\(visible(dataset.origin)): valid — \(counted(dataset.observations.count, "figure")), \(counted(dataset.events.count, "event")), \(counted(dataset.sources.count, "source")); 0 errors, \(counted(warnings, "warning"))")
    }
}
