import ArgumentParser
import CrossingsCore
import CrossingsUI
import Foundation

struct FiguresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "List counts of crossings, each with its sources, and derived values with their formulas.",
        discussion: """
        Every value a source reports gets its own row, so disagreements show as two rows. \
        Values the program works out (a year from its quarters, a total from its modes of \
        transport, a missing quarter by difference, and the part of a breakdown the \
        sources do not break out) are marked derived and never \
        mixed with reported ones. Values keep the source's hedge and unit \
        (~6.62 million, >13,220); csv and json also give the integer value and qualifier.
        """
    )

    @Option(help: ArgumentHelp("Only this flow: KP-RU (North Koreans entering Russia), RU-KP (Russians to North Korea), XX-RU, RU-XX.", valueName: "FLOW"),
            completion: .custom(Completions.flows))
    var flow: [String] = []
    @OptionGroup var period: PeriodRangeOptions<PeriodHelp>
    @Option(help: ArgumentHelp("List every quarter, half or year in the range, derived where no source reports it.", valueName: "quarter|half|year"))
    var by: Granularity?
    @Option(help: ArgumentHelp("Only this measure (repeatable); one category of it after a slash: purpose/study, transport/rail.", valueName: "total|purpose|transport|estimate|annual-average"))
    var measure: [MeasureOption] = []
    @Flag(help: "With --format csv: each flow's total period by period, the value the explorer shows with its marks and citation (the rows its `e` exports from Counts); with --measure purpose/study, that category's series (what `e` exports from a Series).")
    var shown = false
    @OptionGroup var output: FormatOptions
    @OptionGroup var width: WidthOptions
    @OptionGroup var data: DataOptions

    enum PeriodHelp: PeriodRangeHelp {
        static let from = "First period: 2023, 2023-H1 or 2023-Q3."
        static let to = "Last period (inclusive)."
    }

    enum Granularity: String, ExpressibleByArgument, CaseIterable { case quarter, half, year }

    /// `total`, `purpose`, or one category of a measure: `purpose/study`.
    struct MeasureOption: ExpressibleByArgument {
        var measure: Measure
        /// nil: every category of the measure.
        var category: String?
        init?(argument: String) {
            let parts = argument.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            guard let m = Measure(rawValue: String(parts[0])) else { return nil }
            measure = m
            if parts.count == 2 {
                guard m.hasCategories, !parts[1].isEmpty else { return nil }
                category = String(parts[1])
            }
        }
        static var allValueStrings: [String] { Measure.allCases.map(\.rawValue) }
        static var defaultCompletionKind: CompletionKind { .list(Completions.measures) }

        /// Whether a figure of this key is one this option asks for.
        func admits(_ key: FigureKey) -> Bool { key.measure == measure && (category.map { $0 == key.category } ?? true) }

        var description: String { measure.rawValue + (category.map { "/" + $0 } ?? "") }
    }

    func validate() throws {
        for f in flow {
            do { _ = try Flow(parsing: f) } catch { throw ValidationError("--flow: \(error)") }
        }
        let (a, b) = try period.parsed()
        if let a, let b, a.firstQuarter > b.lastQuarter {
            throw ValidationError("--from \(a) is after --to \(b)")
        }
        if shown && output.format != .csv { throw ValidationError("--shown is for --format csv") }
        for m in measure where shown && m.measure != .total && !(m.measure.isBreakdown && m.category != nil) {
            throw ValidationError("--shown lists totals, or one category of a breakdown as the explorer's Series does: --measure total, purpose/CATEGORY or transport/CATEGORY, not \(m.description)")
        }
    }

    /// A category that is not the package's: an error naming the ones it has (exit 2).
    func checkCategories(_ dataset: Dataset) throws {
        for m in measure {
            guard let c = m.category else { continue }
            let known = dataset.categories(of: m.measure) + (m.measure.isBreakdown ? [notStatedCategory] : [])
            if !known.contains(c) {
                printError("crossings: --measure \(visible(m.description)): no category '\(visible(c))' of \(m.measure.rawValue) (categories: \(known.map(visible).joined(separator: ", ")))")
                throw ExitCode(2)
            }
        }
    }

    /// `--shown`: the explorer's Counts export of each flow (`Export.counts`), and with `--measure
    /// purpose/study` its Series export of that category (each period of the flow's span with the
    /// value the breakdown shows, or a gap row: as `SeriesView` lists them), one header.
    func printShown(_ dataset: Dataset, flows: [Flow], from: Period?, to: Period?) {
        let library = Library(dataset)
        var facets = Facets()
        facets.fromYear = from?.firstQuarter.year
        facets.toYear = to?.lastQuarter.year
        let granularity = by.map { Period.Granularity(rawValue: $0.rawValue)! } ?? .quarter
        func inRange(_ p: Period) -> Bool {
            (from.map { p.firstQuarter >= $0.firstQuarter } ?? true) && (to.map { p.lastQuarter <= $0.lastQuarter } ?? true)
        }
        var table = ExportTable(name: "", header: Export.figureColumns, rows: [])
        for flow in flows {
            for m in measure.isEmpty ? [MeasureOption(argument: "total")!] : measure {
                guard let category = m.category else {
                    let rows = library.counts(flow: flow, granularity: granularity, facets: facets).filter { inRange($0.period) }
                    table.rows += Export.counts(rows, flow: flow, compare: nil, granularity: granularity, dataset).rows
                    continue
                }
                let rows = library.index.periods(flow: flow, granularity: granularity).filter { facets.admits($0) && inRange($0) }.map { p in
                    CountRow(period: p, figure: library.figure(FigureKey(flow: flow, period: p, measure: m.measure, category: category), facets: facets))
                }
                table.rows += Export.counts(rows, flow: flow, compare: nil, granularity: granularity, dataset,
                                            measure: m.measure, category: category).rows
            }
        }
        StandardOutput.write(table.csv(forTerminal: true), terminator: "")
    }

    func run() throws {
        let dataset = try data.load()
        let flows = try flow.map { try Flow(parsing: $0) }
        for f in flows where !dataset.flows.contains(f) {
            printError("crossings: no figures for flow \(f) in \(dataset.origin) (flows: \(dataset.flows.map(\.description).joined(separator: ", ")))")
        }
        try checkCategories(dataset)
        let range = try period.parsed()
        if shown { return printShown(dataset, flows: flows.isEmpty ? dataset.flows.sorted() : flows, from: range.from, to: range.to) }
        let query = FigureQuery(
            flows: flows.isEmpty ? nil : flows,
            from: range.from,
            to: range.to,
            granularity: by.map { Period.Granularity(rawValue: $0.rawValue)! },
            measures: measure.isEmpty ? nil : Set(measure.map(\.measure))
        )
        // `--measure purpose/study`: of the measure's rows, those of the category.
        let admits: (FigureRow) -> Bool = { r in measure.isEmpty || measure.contains { $0.admits(r.key) } }
        let resolver = Resolver(dataset)
        let format = output.format
        switch format {
        case .csv, .json:
            // One flow at a time, dropping what was worked out for it: a large package has hundreds.
            StandardOutput.write(format == .csv ? CSVWriter.line(FigureOutput.csvHeader) : "", terminator: "")
            var items: [[String: Any]] = []
            for flow in (query.flows ?? dataset.flows).sorted() where !StandardOutput.closed {
                var one = query
                one.flows = [flow]
                let rows = resolver.figures(one).filter(admits)
                if format == .csv {
                    StandardOutput.write(FigureOutput.csv(rows, resolver: resolver, header: false), terminator: "")
                } else {
                    items += FigureOutput.jsonItems(rows, resolver: resolver)
                }
                resolver.forget(flow: flow)
            }
            if format == .json { StandardOutput.write(jsonText(["figures": items]), terminator: "") }
        case .table:
            StandardOutput.write(FigureOutput.table(resolver.figures(query).filter(admits), resolver: resolver, dataset: dataset, width: width.width), terminator: "")
        }
    }
}

enum FigureOutput {
    static let csvHeader = ["flow", "period", "measure", "category", "value", "high", "qualifier", "status", "sources",
                            "display", "agrees", "covers_quarters", "change_percent", "change_note", "disputes", "notes"]

    /// The change on a year earlier shown beside a row (only beside the value it was computed from),
    /// or why there is none.
    static func change(_ r: FigureRow, _ resolver: Resolver) -> Resolver.ChangeAnswer {
        guard r.status == .derived || r.value.isPrecise else { return .unknown }
        let answer = resolver.changeAnswer(r.key)
        if let c = answer.change, c.current.value != r.value.value { return .unknown }
        if answer.reason != nil, resolver.best(r.key)?.value != r.value.value { return .unknown }
        return answer
    }

    /// Why an erratum row is wrong, with the evidence.
    static func erratum(_ r: FigureRow, _ resolver: Resolver) -> Erratum? {
        r.status == .erratum ? r.observations.lazy.compactMap { resolver.data.erratum(forObservation: $0.id) }.first : nil
    }

    /// Quarters of data a row covers, when less than its period.
    static func coverage(_ r: FigureRow, _ resolver: Resolver) -> Int? {
        switch r.status {
        case .erratum: return nil
        case .partial: return r.observations.compactMap { resolver.data.coverage(ofObservation: $0.id)?.quarters }.min()
        case .reported, .derived: return resolver.partialCoverage(r.key)
        }
    }

    static func csv(_ rows: [FigureRow], resolver: Resolver, header: Bool = true) -> String {
        var out = header ? CSVWriter.line(csvHeader) : ""
        for r in rows {
            let c = change(r, resolver)
            let covers = coverage(r, resolver)
            out += CSVWriter.line([
                r.key.flow.description, r.key.period.description, r.key.measure.rawValue, r.key.category,
                String(r.value.value), r.value.high.map(String.init) ?? "", r.value.qualifier.rawValue,
                r.status.rawValue, r.sourceIDs.joined(separator: ";"), r.value.display,
                r.keyAgrees ? "true" : "false", covers.map(String.init) ?? "",
                c.change.flatMap { $0.percent.map { String(format: "%.1f", $0) } } ?? "",
                c.reason.map { "no change: " + $0 } ?? c.change.flatMap { $0.partialCoverage.map { "both cover \($0) quarters" } } ?? "",
                (erratum(r, resolver).map { ["erratum: \($0.reason) (\($0.sourceID) \($0.locator))"] } ?? r.disputes).joined(separator: "; "),
                r.notes.joined(separator: "; "),
            ])
        }
        return out
    }

    /// One observation behind a value, with its own chain (which differs from its source's
    /// when someone else produced the number: `Dataset.chain(of:)`).
    static func citation(_ o: Observation, _ dataset: Dataset) -> [String: Any] {
        ["observation": o.id, "source": o.sourceID, "locator": o.locator, "printed": o.printed,
         "producer": o.producer, "chain": dataset.chain(of: o), "credited_agency": dataset.credit(of: o),
         "note": o.note, "row": o.location.description]
    }

    static func json(_ rows: [FigureRow], resolver: Resolver) -> String {
        jsonText(["figures": jsonItems(rows, resolver: resolver)])
    }

    static func jsonItems(_ rows: [FigureRow], resolver: Resolver) -> [[String: Any]] {
        rows.map { r in
            var item: [String: Any] = [
                "flow": r.key.flow.description, "period": r.key.period.description, "measure": r.key.measure.rawValue,
                "category": r.key.category, "value": r.value.value, "high": r.value.high as Any? ?? NSNull(),
                "qualifier": r.value.qualifier.rawValue, "display": r.value.display, "status": r.status.rawValue,
                "sources": r.sourceIDs, "agrees": r.keyAgrees, "citations": r.observations.map { citation($0, resolver.data) },
            ]
            if let d = r.derivation {
                item["formula"] = d.formula
                item["worked"] = d.worked
                item["derived_from"] = d.sourceIDs
                item["citations"] = d.observations.map { citation($0, resolver.data) }
            }
            item["disputes"] = r.disputes
            item["notes"] = r.notes
            if let e = erratum(r, resolver) {
                item["erratum"] = ["reason": e.reason, "evidence": e.sourceID, "locator": e.locator]
            }
            if let covers = coverage(r, resolver) {
                item["coverage"] = ["quarters": covers, "of": r.key.period.quarterCount]
            }
            switch change(r, resolver) {
            case .change(let c):
                var entry: [String: Any] = [
                    "period": c.previousKey.period.description, "previous": c.previous.value, "difference": c.difference,
                    "percent": c.percent.map { ($0 * 10).rounded() / 10 } as Any? ?? NSNull(),
                    "previous_status": c.previous.isDerived ? "derived" : "reported",
                ]
                if let q = c.partialCoverage { entry["both_cover_quarters"] = q }
                item["change_on_year_earlier"] = entry
            case .none(let reason):
                item["change_on_year_earlier"] = NSNull()
                item["no_change_because"] = reason
            case .unknown:
                break
            }
            return item
        }

    }

    /// `width`: the terminal's, to fit the table to (nil: in full). Only the measure and the
    /// citations wrap (the citations under their row where their column would be narrow; a record
    /// per row on a narrower terminal); a value, its marks and its change are never cut.
    static func table(_ rows: [FigureRow], resolver: Resolver, dataset: Dataset, width: Int? = nil) -> String {
        guard !rows.isEmpty else { return "No figures match.\n" }
        var t = TextTable(["Flow", "Period", "Measure", "Value", "", "Y/Y", "Sources (or formula, for derived values)"], rightAligned: [3, 5])
        t.flexible = [2: .wrap, 6: .wrap]
        // Where they would be unreadably narrow, the citations go under their row; narrower still,
        // a record per row (TextTable.render(width:)).
        t.below = [6]
        t.labels = ["Flow", "Period", "Measure", "Value", "", "Y/Y", "Sources"]
        var notes: [String] = []
        var allMarks: [String] = []
        func note(_ text: String) -> Int {
            if let i = notes.firstIndex(of: text) { return i + 1 }
            notes.append(text)
            return notes.count
        }
        for r in rows {
            var marks = r.status == .derived ? "*" : r.status == .erratum ? "x" : ""
            if r.status == .erratum, let why = r.observations.first.flatMap({ dataset.erratum(forObservation: $0.id) }) {
                marks += "[\(note("\(r.key.flow) \(r.key.period) \(r.key.measureLabel): \(r.value.display) is an erratum: \(why.reason)"))]"
            }
            if !r.keyAgrees {
                marks += "!"
                if !r.disputes.isEmpty { marks += "[\(note("\(r.key.flow) \(r.key.period) \(r.key.measureLabel) is marked: " + r.disputes.joined(separator: "; ")))]" }
            }
            for n in r.notes { marks += "[\(note("\(r.key.flow) \(r.key.period) \(r.key.measureLabel): " + n))]" }
            if let covers = coverage(r, resolver) {
                marks += "[\(note("\(r.key.flow) \(r.key.period) \(r.key.measureLabel): \(r.value.display) covers only \(covers) of \(r.key.period.quarterCount) quarters"))]"
            }
            var change = ""
            switch self.change(r, resolver) {
            case .change(let c):
                change = c.display + (c.isDerived ? "*" : "")
                if let q = c.partialCoverage {
                    change += "[\(note("\(r.key.flow) \(r.key.period) \(r.key.measureLabel): the change compares \(c.previousKey.period) and \(r.key.period), each covering \(q) of \(r.key.period.quarterCount) quarters"))]"
                }
            case .none(let reason): change = "n/a[\(note("\(r.key.flow) \(r.key.period) \(r.key.measureLabel): no change on a year earlier: \(reason)"))]"
            case .unknown: break
            }
            let cites: String
            if let d = r.derivation {
                cites = "= \(d.formula)" + (d.terms.count <= 5 ? " (\(d.worked))" : "")
            } else {
                cites = r.observations.map { "\($0.sourceID) \($0.locator)" }.joined(separator: "; ")
            }
            // The marks column, and a derived change's `*`, for the legend (notes' numbers dropped).
            allMarks.append(marks.replacing(/\[[0-9]+\]/, with: "") + (change.hasPrefix("n/a") ? "" : change.filter { $0 == "*" }))
            t.add([r.key.flow.description, r.key.period.description, r.key.measureLabel, r.value.display, marks, change, cites])
        }
        // The legend explains only the marks the rows above carry.
        let hedges = Set(rows.map(\.value.hedgeMark))
        let marks = allMarks.joined()
        let entries: [[(mark: String, text: String, present: Bool)]] = [
            [("~", "about, or rounded", hedges.contains("~")), (">", "more than", hedges.contains(">")),
             (">=", "at least", hedges.contains(">=")), ("<", "fewer than", hedges.contains("<")),
             ("<=", "at most", hedges.contains("<=")),
             ("*", "derived: worked out by crossings, printed by no source", marks.contains("*"))],
            [("!", "the values for this figure cannot all be true (see the notes)", marks.contains("!")),
             ("x", "erratum: printed, but recorded as wrong", marks.contains("x"))],
        ]
        var legend = "\n"
        for line in entries.map({ $0.filter(\.present).map { "\($0.mark) \($0.text)" }.joined(separator: "   ") }).filter({ !$0.isEmpty }) + [
            "Y/Y: change on the same period a year earlier, only between values of equal coverage",
            "Sources: `crossings sources ID`; every citation: --format json.",
        ] { legend += wrappedProse(line, width: width) + "\n" }
        if !notes.isEmpty {
            legend += "\nNotes:\n" + notes.enumerated().map { n in
                let label = "[\(n.offset + 1)] "
                return wrappedProse(label + visible(n.element), width: width, indent: label.count) + "\n"
            }.joined()
        }
        return t.render(width: width) + legend
    }
}

