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
        be read, is not UTF-8 or is over 16 MB). See docs/check.md.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case human, line, json }

    @Argument(help: ArgumentHelp("Files to check; - reads standard input.", valueName: "FILE"))
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
        for (path, body) in inputs {
            // The document's own date, where --as-of gives none; said in the output when used.
            let inspected: (date: DocumentDate?, problem: String?) = day == nil ? DocumentDate.inspect(body) : (nil, nil)
            let found = inspected.date
            if let found { dates.append((path, found)) }
            if let problem = inspected.problem { printError(visible("crossings: \(path): \(problem)")) }
            for f in checker.check(document: body, asOf: day ?? found?.day) { all.append((path, f)) }
        }
        if format == .human {
            for (path, d) in dates { print(visible("\(path): dated \(d.day.description) by \(d.how) (for 'last year', 'this year', 'currently')")) }
        } else if format == .line {
            for (path, d) in dates { printError(visible("\(path): dated \(d.day.description) by \(d.how)")) }
        }
        switch format {
        case .human: print(CheckOutput.human(all), terminator: "")
        case .line: print(CheckOutput.line(all), terminator: "")
        case .json: print(CheckOutput.json(all, dates: dates), terminator: "")
        }
        let failing: Set<Finding.Verdict> = switch failOn {
        case .contradicted: [.contradicted]
        case .disputed: [.contradicted, .disputed]
        case .unverifiable: [.contradicted, .disputed, .unverifiable]
        }
        if all.contains(where: { failing.contains($0.1.verdict) }) { throw ExitCode(1) }
    }
}

enum CheckOutput {
    static func label(_ c: Claim) -> String {
        if let e = c.event { return "event \(e.eventID)" }
        if let r = c.ratio { return "\(r.of?.description ?? "?") / \(r.base?.description ?? "?")" }
        guard let flow = c.flow else { return "?" }
        return "\(flow) \(c.period?.description ?? "?") \(c.category.isEmpty ? c.measure.rawValue : "\(c.measure.rawValue)/\(c.category)")"
    }

    static func line(_ findings: [(String, Finding)]) -> String {
        findings.map { path, f in
            visible("\(path):\(f.claim.line):\(f.claim.column): \(f.verdict.severity.rawValue): \(f.verdict.rawValue): \"\(f.claim.printed)\" (\(label(f.claim))): \(f.message)")
        }.joined(separator: "\n") + (findings.isEmpty ? "" : "\n")
    }

    static func human(_ findings: [(String, Finding)]) -> String {
        guard !findings.isEmpty else { return "No counts of travellers found.\n" }
        var out = ""
        for (path, f) in findings {
            let verdict = f.verdict.rawValue.uppercased()
            out += visible("\(path):\(f.claim.line):\(f.claim.column)  \(verdict)  \"\(f.claim.printed)\" — \(label(f.claim))") + "\n"
            var sentence = f.claim.sentence
            if sentence.count > 160 { sentence = String(sentence.prefix(157)) + "..." }
            out += "    > " + visible(sentence) + "\n"
            out += "    " + visible(f.message) + "\n\n"
        }
        var counts: [String] = []
        for v in Finding.Verdict.allCases {
            let n = findings.filter { $0.1.verdict == v }.count
            if n > 0 { counts.append("\(n) \(v.rawValue)") }
        }
        out += "\(findings.count) claim\(findings.count == 1 ? "" : "s"): " + counts.joined(separator: ", ") + "\n"
        return out
    }

    static func json(_ findings: [(String, Finding)], dates: [(String, DocumentDate)] = []) -> String {
        jsonText(["document_dates": dates.map { ["path": $0.0, "date": $0.1.day.description, "from": $0.1.how] },
                  "findings": findings.map { path, f -> [String: Any] in
            let c = f.claim
            return [
                "path": path, "line": c.line, "column": c.column, "end_column": c.endColumn,
                "claim": c.sentence, "printed": c.printed, "number": c.value.value,
                "high": c.value.high as Any? ?? NSNull(), "qualifier": c.value.qualifier.rawValue, "display": c.value.display,
                "verdict": f.verdict.rawValue, "severity": f.verdict.severity.rawValue, "message": f.message,
                "flow": c.flow?.description as Any? ?? NSNull(), "period": c.period?.description as Any? ?? NSNull(),
                "measure": c.measure.rawValue, "category": c.category.isEmpty ? NSNull() : c.category as Any,
                "expected": f.expected as Any? ?? NSNull(), "sources": f.sourceIDs,
                "kind": c.kind.rawValue, "ratio": ratioJSON(c, f), "event": eventJSON(c, f),
                "reading_note": c.readingNote as Any? ?? NSNull(), "period_problem": c.periodProblem as Any? ?? NSNull(),
            ]
        }])
    }

    /// A ratio claim's factor, hedge, the two figures and the ratio(s) worked out; null for other claims.
    static func ratioJSON(_ c: Claim, _ f: Finding) -> Any {
        guard let r = c.ratio else { return NSNull() }
        let interval = r.interval
        return [
            "claimed": r.valueText, "form": r.form.rawValue, "direction": r.form == .percentChange ? (r.falling ? "down" : "up") : NSNull() as Any,
            "qualifier": r.qualifier.rawValue, "wording": r.wording,
            "lower": interval.lower as Any? ?? NSNull(), "upper": interval.upper as Any? ?? NSNull(),
            "of": r.of?.description as Any? ?? NSNull(), "base": r.base?.description as Any? ?? NSNull(),
            "problem": r.problem as Any? ?? NSNull(),
            // The verdict's message holds each worked-out ratio with its formula and sources.
            "formula": r.of == nil || r.base == nil ? NSNull() : "\(r.of!) / \(r.base!)" as Any,
            "computed": f.ratios.map { ["figure": $0.figure, "base": $0.base, "ratio": $0.computed, "formula": $0.formula,
                                        "holds": $0.holds, "sources": $0.sourceIDs] as [String: Any] },
        ] as [String: Any]
    }

    /// An event-date claim's event, claimed date and each source's date; null for other claims.
    static func eventJSON(_ c: Claim, _ f: Finding) -> Any {
        guard let e = c.event else { return NSNull() }
        return [
            "id": e.eventID, "summary": e.summary, "claimed_date": e.date, "precision": e.precision.rawValue, "printed": e.printed,
            "dates": f.eventDates.map { ["date": $0.date, "precision": $0.precision.rawValue, "label": $0.label,
                                         "source": $0.sourceID, "locator": $0.locator, "agrees": $0.overlaps(e.asEventDate)] as [String: Any] },
        ] as [String: Any]
    }
}
