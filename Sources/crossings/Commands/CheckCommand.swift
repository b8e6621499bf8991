import ArgumentParser
import CrossingsCore
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the numbers in a draft against the dataset, each verdict with its sources.",
        discussion: """
        Reads plain text or Markdown. Each count of travellers becomes a claim (whose travel, \
        which way, when, what for), judged supported, contradicted, disputed or unverifiable. \
        Exit status: 0 nothing contradicted, 1 something contradicted, 2 an error (a file that cannot \
        be read, is not UTF-8 or is over 16 MB, or more than 10,000 claims in one run). See docs/check.md.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case human, line, json }

    @Argument(help: ArgumentHelp("Files to check; - reads standard input.", valueName: "FILE"), completion: .file())
    var files: [String] = []
    @Option(name: .long, help: ArgumentHelp("Check this sentence instead of files.", valueName: "SENTENCE"))
    var text: String?
    @Option(name: .customLong("stdin-filename"), help: ArgumentHelp("The name to report for standard input (editors pass the buffer's file name).", valueName: "NAME"))
    var stdinFilename: String?
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The article's date, for 'last year', 'this year', 'currently' (else the file's front matter 'date:', or a first line 'date YYYY-MM-DD').", valueName: "YYYY-MM-DD"))
    var asOf: String?
    enum FailOn: String, ExpressibleByArgument, CaseIterable { case contradicted, disputed, unverifiable }
    @Option(name: .customLong("fail-on"), help: ArgumentHelp("Exit 1 when a claim is at least this bad: contradicted (default), disputed (or contradicted), unverifiable (or worse).", valueName: "VERDICT"))
    var failOn: FailOn = .contradicted
    @Option(help: "human (default), line (PATH:LINE:COLUMN: SEVERITY: MESSAGE) or json.")
    var format: Format = .human
    @OptionGroup var data: DataOptions

    func validate() throws {
        if text == nil && files.isEmpty { throw ValidationError("give a FILE, - for standard input, or --text SENTENCE") }
        if text != nil && !files.isEmpty { throw ValidationError("--text checks one sentence; give either --text or files, not both") }
        if let asOf, CalendarDay(parsing: asOf) == nil { throw ValidationError("--as-of: '\(asOf)' is not a date (YYYY-MM-DD)") }
    }

    func run() throws {
        let dataset = try data.load()
        let checker = Checker(dataset)
        let day = asOf.flatMap(CalendarDay.init(parsing:))
        var inputs: [(String, String)] = []
        if let text { inputs.append(("<text>", text)) }
        for file in files {
            let name = file == "-" ? (stdinFilename ?? "<stdin>") : file
            do {
                inputs.append((name, try DraftInput.read(file, name: visible(name))))
            } catch let refused as DraftInput.Refused {
                printError("crossings: \(refused.message)"); throw ExitCode(2)
            }
        }
        var all: [(String, Finding)] = []
        var dates: [(String, DocumentDate)] = []
        var unchecked: [(String, Int)] = []
        for (path, body) in inputs {
            // The document's own date, where --as-of gives none; said in the output when used.
            let inspected: (date: DocumentDate?, problem: String?) = day == nil ? DocumentDate.inspect(body) : (nil, nil)
            let found = inspected.date
            if let found { dates.append((path, found)) }
            if let problem = inspected.problem { printError(visible("crossings: \(path): \(problem)")) }
            let result = checker.check(document: body, asOf: day ?? found?.day, limit: Checker.claimLimit - all.count)
            for f in result.findings { all.append((path, f)) }
            if result.unchecked > 0 { unchecked.append((path, result.unchecked)) }
        }
        if format == .human {
            for (path, d) in dates { StandardOutput.write(visible("\(path): dated \(d.day.description) by \(d.how) (for 'last year', 'this year', 'currently')")) }
        } else if format == .line {
            for (path, d) in dates { printError(visible("\(path): dated \(d.day.description) by \(d.how)")) }
        }
        switch format {
        case .human: StandardOutput.write(CheckOutput.human(all), terminator: "")
        case .line: StandardOutput.write(CheckOutput.line(all), terminator: "")
        case .json: StandardOutput.write(CheckOutput.json(all, dates: dates), terminator: "")
        }
        // Claims past the limit are said, with an error status: the draft was not wholly checked.
        for (path, n) in unchecked {
            printError(visible("crossings: \(path): \(formatCount(n)) more claim\(n == 1 ? "" : "s") not checked: one run checks at most \(formatCount(Checker.claimLimit)) claims (those above); split the draft"))
        }
        if !unchecked.isEmpty { throw ExitCode(2) }
        let failing: Set<Finding.Verdict> = switch failOn {
        case .contradicted: [.contradicted]
        case .disputed: [.contradicted, .disputed]
        case .unverifiable: [.contradicted, .disputed, .unverifiable]
        }
        if all.contains(where: { failing.contains($0.1.verdict) }) { throw ExitCode(1) }
    }
}
