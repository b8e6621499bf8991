import ArgumentParser
import CrossingsCore
import CrossingsUI
import Foundation

struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "List the timeline of events in date order, each with the dates its sources give."
    )

    @Option(help: ArgumentHelp("Only events with this tag (repeatable): \(PackageLoader.knownTags.sorted().joined(separator: ", ")).", valueName: "TAG"),
            completion: .list(PackageLoader.knownTags.sorted()))
    var tag: [String] = []
    @OptionGroup var period: PeriodRangeOptions<PeriodHelp>
    @Option(help: ArgumentHelp("Only events whose summary, tags, dates or sources contain TEXT (any case).", valueName: "TEXT"))
    var search: String?
    @OptionGroup var output: FormatOptions
    @OptionGroup var width: WidthOptions
    @OptionGroup var data: DataOptions

    enum PeriodHelp: PeriodRangeHelp {
        static let from = "Only events from this period on: 2024, 2024-H2, 2024-Q3."
        static let to = "Only events up to the end of this period."
    }

    func validate() throws {
        for t in tag where !PackageLoader.knownTags.contains(t) {
            throw ValidationError("--tag: unknown tag '\(t)' (tags: \(PackageLoader.knownTags.sorted().joined(separator: ", ")))")
        }
        _ = try period.parsed()
    }

    func run() throws {
        let dataset = try data.load()
        let (fromP, toP) = try period.parsed()
        let events = dataset.events.filter { e in
            if !tag.isEmpty && !tag.contains(where: e.tags.contains) { return false }
            guard let d = e.date else { return false }
            if let fromP, d.end < dayNumber(fromP.firstQuarter, first: true) { return false }
            if let toP, d.start > dayNumber(toP.lastQuarter, first: false) { return false }
            if let search, !search.isEmpty, !EventOutput.haystack(e, dataset).contains(search.lowercased()) { return false }
            return true
        }
        switch output.format {
        case .table: StandardOutput.write(EventOutput.table(events, width: width.width), terminator: "")
        case .csv: StandardOutput.write(EventOutput.csv(events, dataset), terminator: "")
        case .json: StandardOutput.write(EventOutput.json(events), terminator: "")
        }
    }

    func dayNumber(_ q: QuarterIndex, first: Bool) -> Int {
        let month = first ? q.quarter * 3 - 2 : q.quarter * 3
        return q.year * 10000 + month * 100 + (first ? 1 : 31)
    }
}

enum EventOutput {
    static func haystack(_ e: Event, _ d: Dataset) -> String {
        var parts = [e.id, e.summary] + e.tags
        for date in e.dates {
            parts += [date.label, date.date, date.printed, date.sourceID, d.sourceByID[date.sourceID]?.outlet ?? ""]
        }
        return parts.joined(separator: "\n").lowercased()
    }

    static func dateLabel(_ e: Event) -> String {
        (e.date?.label ?? "?") + (e.datesDisagree ? " !" : "")
    }

    /// `width`: the terminal's, to fit the table to (nil: in full); the summary and citations wrap.
    static func table(_ events: [Event], width: Int? = nil) -> String {
        guard !events.isEmpty else { return "No events match.\n" }
        var t = TextTable(["Date", "Tags", "Event", "Sources"])
        t.flexible = [1: .wrap, 2: .wrap, 3: .wrap]
        // Where the citations would get fewer than TextTable.belowMinimum cells, they go under their row.
        t.below = [3]
        // A summary is prose: narrower than 24 cells, a record per event reads better.
        t.minimum = [2: 24]
        for e in events {
            let cites = e.dates.map { d in "\(d.sourceID) \(d.locator)" + (e.datesDisagree ? " (\(d.label))" : "") }
            t.add([dateLabel(e), e.tags.joined(separator: ","), e.summary, cites.joined(separator: "; ")])
        }
        // The legend only where a row above carries the mark.
        guard events.contains(where: \.datesDisagree) else { return t.render(width: width) }
        return t.render(width: width) + "\n" + wrappedProse("! sources give different dates for this event (each source's date is shown beside it)", width: width) + "\n"
    }

    /// The explorer's Timeline export (`e`), row for row: the same columns and citations.
    static func csv(_ events: [Event], _ dataset: Dataset) -> String {
        Export.events(events, dataset).csv(forTerminal: true)
    }

    static func json(_ events: [Event]) -> String {
        jsonText(["events": events.map { e -> [String: Any] in
            [
                "id": e.id, "summary": e.summary, "tags": e.tags,
                "date": e.date?.date ?? "", "date_label": e.date?.label ?? "", "dates_disagree": e.datesDisagree,
                "dates": e.dates.map { d in
                    ["date": d.date, "precision": d.precision.rawValue, "label": d.label, "printed": d.printed,
                     "source": d.sourceID, "locator": d.locator, "note": d.note]
                },
            ]
        }])
    }
}
