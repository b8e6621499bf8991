import CrossingsCore

extension PageKind { static let timeline = PageKind("timeline") }
extension Scope { public static let timeline = Scope("Timeline") }
extension Page {
    /// Events in date order.
    public static let timeline = Page(.timeline)
}

/// Timeline: the events in date order, narrowed by the tag, source and year facets.
struct TimelineView: PageView {
    var kind: PageKind { .timeline }
    var scope: Scope { .timeline }
    /// Its lines are events or sources, not numbers: `c` does nothing here.
    var citesNumbers: Bool { false }
    var hasColumnHeader: Bool { true }
    var hasPreview: Bool { true }

    func crumbs(_ page: Page, after previous: Page?, in s: State) -> [String] { ["timeline"] }

    func header(_ s: State, width w: Int) -> String? {
        let c = TimelineColumns(width: w)
        return pad("Date", c.date) + "   " + (c.tags > 0 ? pad("Tags", c.tags) + " " : "") + "Event"
    }

    func items(_ page: Page, _ c: PageContext, _ library: Library) -> Items {
        Items(library.timelineItems(facets: c.facets))
    }

    /// Date (latest first), then the tags and the event's text.
    var sortColumns: [SortColumn] {
        func event(_ i: Item) -> Event? { if case .event(let e) = i.content { e } else { nil } }
        return [
            // By when it starts, not by its text: "2025-Q2" is before "2025-11-06".
            SortColumn.number("Date") { event($0)?.date.map { Double($0.start) } }.dates(),
            .text("Tags") { event($0).map { $0.tags.joined(separator: ",") } },
            .text("Event") { event($0)?.summary },
        ]
    }

    /// Every event listed, with its sources' dates as its citation.
    var exports: Bool { true }
    func export(_ page: Page, _ items: Items, _ s: State) -> ExportTable? {
        Export.events(items.compactMap { if case .event(let e) = $0.content { e } else { nil } }, s.library.data)
    }

    func perform(_ action: Action, on s: inout State) -> Bool {
        switch action {
        case .countsOfQuarter: s.countsOfQuarter()
        case .show(.timeline) where s.view == .counts: s.showTimelineAtSelectedPeriod()
        default: return false
        }
        return true
    }
}

struct TimelineColumns {
    var date: Int
    var tags: Int
    init(width: Int) {
        date = width >= 70 ? 20 : 10
        tags = width >= 90 ? 26 : width >= 70 ? 16 : 0
    }
}

/// `2024-06-19   ! military,visit   Putin visits Pyongyang`
func eventLine(_ e: Event, width: Int) -> [Span] {
    let c = TimelineColumns(width: width)
    let date = c.date >= 18 ? e.date?.label : e.date?.date
    var spans = [Span(pad(date ?? "?", c.date), .header), Span(e.datesDisagree ? " ! " : "   ", .warning)]
    if c.tags > 0 { spans.append(Span(pad(e.tags.joined(separator: ","), c.tags) + " ", .dim)) }
    let used = c.date + 3 + (c.tags > 0 ? c.tags + 1 : 0)
    spans.append(Span(fit(e.summary, width - used), e.tags.contains("data") ? .accent : .normal))
    return spans
}

extension Library {
    func timelineItems(facets: Facets) -> [Item] {
        data.events.filter { e in
            if let tag = facets.tag, !e.tags.contains(tag) { return false }
            if let source = facets.source, !e.dates.contains(where: { $0.sourceID == source }) { return false }
            if let d = e.date, !(facets.admits(year: d.start / 10000) || facets.admits(year: d.end / 10000)) { return false }
            return true
        }.map(eventItem)
    }

    /// An event's line as the Timeline lists it (a breakdown's Events section too): Enter opens it,
    /// `y` copies it with its sources' dates, `p` opens the counts of its quarter.
    func eventItem(_ e: Event) -> Item {
        let haystack = ([e.id, e.summary] + e.tags + e.dates.flatMap { [$0.label, $0.date, $0.printed, $0.sourceID, data.sourceByID[$0.sourceID]?.outlet ?? ""] })
            .joined(separator: " ")
        return Item(.event(e), search: haystack, open: .event(e.id), copy: Citation.shownLine(e, data), quarter: e.date?.period)
    }
}

extension State {
    /// From an event (or a line of it), the counts of its quarter.
    /// On the counts of the flow the event concerns (`Event.concernedFlow`), not the last one viewed.
    mutating func countsOfQuarter() {
        guard let quarter = selectedItem?.quarter else { message = "no date on this line"; return }
        let event: Event? = if case .event(let e) = selectedItem?.content { e }
            else if current.page.kind == .event, let id = current.page.text { library.event(id) } else { nil }
        if let event {
            let concerned = event.concernedFlow
            if let f = library.flows.first(where: { $0 == concerned }) ?? library.flows.first(where: { $0.description == "KP-RU" }) {
                flow = f
                if compare == f { compare = nil }
            }
        }
        // A year or half is opened by year or half: an event dated "2017" is not put in 2017-Q1.
        granularity = quarter.granularity == .year || quarter.granularity == .half ? quarter.granularity : .quarter
        // The filter menu's category stays where the flow has figures for it; where it has none (study
        // entries of RU-KP, from a tourism event) it would show a page of blanks: the total instead.
        var cleared = ""
        if let category = facets.category,
           !library.counts(flow: flow, granularity: granularity, facets: facets).contains(where: { $0.figure != nil }) {
            facets.category = nil
            cleared = "; category filter \(category) cleared: \(flow) has no figures for it"
        }
        view = .counts
        var root = PageState(.counts)
        root.filter = ""
        stacks[.counts] = [root]
        if let i = countsIndex(of: quarter) {
            root.selected = i
            // The long note is wrapped above the status line: the period is kept clear of it.
            if !cleared.isEmpty { root.top = max(0, i - 3) }
            stacks[.counts] = [root]
            if event != nil { message = "counts of \(flow), the flow this event concerns" + cleared }
        } else {
            selectCounts(nil)
            message = "no \(flow) counts for \(quarter)" + cleared
        }
        if !cleared.isEmpty { messageInFull = true }
    }
}

extension State {
    /// The period selected on Counts (or the breakdown on screen), whose events `2` goes to.
    var periodForTimeline: Period? {
        if let (_, period) = current.page.period, current.page.kind == .breakdown { return period }
        guard current.page.view.marksEvents else { return nil }
        return selectedItem?.countRow?.period
    }

    /// `2` from Counts: the Timeline, on the first event of the selected period when it has any (the
    /// chart's `◆`), so the rest are the lines after it; else the Timeline as it was left.
    mutating func showTimelineAtSelectedPeriod() {
        let events = periodForTimeline.map { library.events(in: $0, facets: facets) } ?? []
        let period = periodForTimeline
        view = .timeline
        guard let first = events.first, let period else { return }
        var root = stacks[.timeline]?.first ?? PageState(.timeline)
        func index(in page: PageState) -> Int? {
            pageItems(page).firstIndex { if case .event(let e) = $0.content { e.id == first.id } else { false } }
        }
        var cleared = ""
        if index(in: root) == nil, !root.filter.isEmpty {
            cleared = "; filter /\(root.filter) cleared"
            root.filter = ""
        }
        guard let i = index(in: root) else { return }
        root.selected = i
        root.top = max(0, i - 3)
        stacks[.timeline] = [root]
        message = "◆ \(period): " + (events.count == 1 ? "its event" : "the first of its \(events.count) events") + cleared
    }
}

extension Event {
    /// The flow an event is about, for `p`: `RU-KP` when it concerns Russians travelling to North
    /// Korea (tagged `tourism`, or its summary speaks of Russian tourists, tours or trips), else `KP-RU`,
    /// the flow most events (labour, study, troops, data) are about.
    var concernedFlow: Flow {
        let kpRU = Flow(citizens: "KP", destination: "RU")
        if tags.contains("tourism") { return kpRU.reversed }
        let text = summary.lowercased()
        let phrases = ["russian tour", "russians' trips", "russians travelling", "russians traveling"]
        return phrases.contains { text.contains($0) } ? kpRU.reversed : kpRU
    }
}
