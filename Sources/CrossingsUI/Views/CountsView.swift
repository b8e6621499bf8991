import CrossingsCore

extension PageKind { static let counts = PageKind("counts") }
extension Scope { public static let counts = Scope("Counts") }
extension Page {
    /// The current flow's totals, period by period.
    public static let counts = Page(.counts)
}

/// Counts: the current flow's totals period by period (or two flows side by side), a chart above.
struct CountsView: PageView {
    var kind: PageKind { .counts }
    var scope: Scope { .counts }
    var hasColumnHeader: Bool { true }
    var hasPreview: Bool { true }
    var hasChart: Bool { true }
    var marksEvents: Bool { true }

    /// The flow, and the category the filter menu counts instead of the total, if any (not while a
    /// series is open above it: the series names its category, the same one, `seriesFollowsCategoryFacet`);
    /// a measure facet alone (no category) does not make a series, so the header says these are totals.
    func crumbs(_ page: Page, after previous: Page?, in s: State) -> [String] {
        let key = s.facets.countedKey(flow: s.flow, period: .year(0))
        let seriesOpen = s.view == .counts && s.stack.contains { $0.page.kind == .series }
        if seriesOpen { return [s.flow.description] }
        return [s.flow.description] + (key.measure == .total ? s.facets.totalsNote.map { [$0] } ?? [] : [key.measure.rawValue, s.library.categoryLabel(key)])
    }

    func header(_ s: State, width w: Int) -> String? {
        if s.compare != nil {
            let c = CompareColumns(width: w)
            func side(_ flow: Flow) -> String {
                pad(flow.description, c.value, right: true) + "  " + (c.src ? pad("Src", 4, right: true) + pad("Alt", 4, right: true) : "")
                    + (c.bar > 0 ? String(repeating: " ", count: c.bar + 2) : "")
            }
            return pad("Period", 9) + side(s.flow) + " " + side(s.compare ?? s.flow)
        }
        return countsHeader(width: w, items: s.pageItems())
    }

    /// The chart, or a note where no period has a figure.
    func drawAboveList(_ s: State, _ all: Items, _ layout: Layout, _ screen: inout Screen) {
        guard layout.chartHeight > 0 else { return }
        if s.compare != nil { drawComparedChart(s, all, layout, &screen) } else { drawChart(s, all, layout, &screen) }
        drawEventMarks(s, all, layout, &screen)
        let empty = all.allSatisfy { $0.countRow.map { $0.figure == nil && $0.compared == nil } ?? true }
        if empty {
            let hint = "no \(s.flow) figures by \(s.granularity.rawValue) with these filters; "
                + Keymap.keyed(.cycleGranularity, in: .counts, "halves or years") + ", " + Keymap.keyed(.openFacets, in: .counts, "filters")
            drawChartNote(hint, layout, &screen)
        }
    }

    func items(_ page: Page, _ c: PageContext, _ library: Library) -> Items {
        if let compare = c.compare { Items(library.comparedItems(flow: c.flow, compare: compare, granularity: c.granularity, facets: c.facets)) }
        else { Items(library.countsItems(flow: c.flow, granularity: c.granularity, facets: c.facets)) }
    }

    /// The flow, its periods and the second flow, besides the facets.
    func itemsKey(_ c: PageContext) -> PageContext {
        var key = c.facetsOnly
        key.flow = c.flow
        key.granularity = c.granularity
        key.compare = c.compare
        return key
    }

    /// Each period's total (and the second flow's, side by side), as shown.
    var exports: Bool { true }
    func export(_ page: Page, _ items: Items, _ s: State) -> ExportTable? {
        // With a category facet the rows are that category's (`countedKey`), and say so.
        let shown = s.facets.countedKey(flow: s.flow, period: .year(0))
        return Export.counts(items.compactMap(\.countRow), flow: s.flow, compare: s.compare, granularity: s.granularity, s.library.data,
                             measure: shown.measure, category: shown.category)
    }

    func perform(_ action: Action, on s: inout State) -> Bool {
        switch action {
        case .nextFlow: s.switchFlow(by: 1)
        case .previousFlow: s.switchFlow(by: -1)
        case .compareReverse:
            if s.compare == s.flow.reversed {
                s.compareOff()
            } else if s.library.spans[s.flow.reversed] == nil {
                s.message = "no \(s.flow.reversed) counts in this data"
            } else {
                s.startComparing(s.flow.reversed)
            }
        case .compareOff: s.compareOff()
        case .citeCompared:
            guard let key = s.selectedItem?.citeOther else { s.message = "no second column: " + Keymap.hint(.pickCompared, in: .counts, "puts a flow beside this one"); return true }
            guard s.selectedItem?.countRow?.compared != nil else { s.message = "no \(key.flow) figure for \(key.period)"; return true }
            s.push(.citations(key))
        default: return false
        }
        return true
    }
}

/// A note in place of an empty chart, within the list's columns (a preview pane may be right of
/// them: at 120 columns the note ran on under the pane's border), wrapped over the chart's rows
/// but its bottom one (where the gaps show), its last row ending in `…` only when even they are short.
func drawChartNote(_ note: String, _ layout: Layout, _ screen: inout Screen) {
    let width = layout.listWidth - 1
    guard width > 0 else { return }
    let rows = max(1, layout.chartHeight - 1)
    var lines = wrap(note, width)
    if lines.count > rows {
        lines = Array(lines.prefix(rows))
        lines[rows - 1] = fit(lines[rows - 1] + "…", width)
    }
    for (i, line) in lines.enumerated() { screen.put(line, x: 1, y: layout.chartTop + i, style: Style(.dim), limit: width) }
}

/// The column titles of a one-flow series (`countLine`), with a legend of the marks its rows carry
/// (as the CLI's tables do: a mark on screen is always explained, none that is not there is listed),
/// as much of it as fits: Counts and a category's series (Series) share them.
func countsHeader(width w: Int, items: Items) -> String {
    let head = pad("Period", 9) + pad("Value", 11, right: true) + "  " + pad("Src", 4, right: true) + pad("Alt", 4, right: true)
    let legend = marksLegend(items, within: w - cells(head) - 3)
    return legend.isEmpty ? head : head + "   " + legend
}

/// The marks the figures of `items` carry (both flows' side by side), explained in `?`'s order,
/// as many as fit in `room` cells: a mark on screen is explained, none that is not there is listed.
func marksLegend(_ items: Items, within room: Int) -> String {
    var present: Set<String> = []
    for item in items {
        guard let row = item.countRow else { continue }
        for f in [row.figure, row.compared].compactMap({ $0 }) {
            if f.isDerived { present.insert("*") }
            if !f.agrees { present.insert("!") }
            if f.partialQuarters != nil { present.insert("p") }
            let hedge = f.value.hedgeMark
            if !hedge.isEmpty { present.insert(hedge) }
        }
    }
    let all = [("*", "derived"), ("!", "disagree"), ("~", "about"), (">", "over"), (">=", "at least"), ("<", "under"),
               ("<=", "at most"), ("p", "part of period")]
    var legend = all.filter { present.contains($0.0) }.map { "\($0.0) \($0.1)" }
    while !legend.isEmpty, cells(legend.joined(separator: " ")) > room { legend.removeLast() }
    return legend.joined(separator: " ")
}

/// `2024-Q3       5,263      1   +1  ██████`
func countLine(_ row: CountRow, width: Int, scale: Int) -> [Span] {
    var spans = [Span(pad(row.period.description, 9))]
    guard let f = row.figure else { return spans }
    spans.append(Span(number(f.value.compactDisplay, 11), f.isDerived ? .derived : .normal))
    spans.append(Span(f.slotMark, .derived))
    spans.append(Span(f.agrees ? " " : "!", .warning))
    spans.append(Span(pad(String(f.sourceCount), 4, right: true), .dim))
    spans.append(Span(pad(f.alternatives > 0 ? "+\(f.alternatives)" : "", 4, right: true), .dim))
    let barWidth = width - 9 - 13 - 8 - 2
    if barWidth > 0 { spans.append(Span("  " + bar(f.value.value, scale: scale, width: barWidth), f.isDerived ? .derivedBar : .bar)) }
    return spans
}

/// Columns of the side-by-side table: per flow, the value, its marks, its sources and other values
/// (Src and Alt, as on one flow's Counts, from 60 cells) and a bar.
struct CompareColumns {
    var src: Bool
    var bar: Int
    /// Cells of each flow's value: 11, or on a narrow screen what leaves room for both flows (at
    /// 32 columns every RU-KP value had been `…` while the KP-RU column had cells to spare); a
    /// value wider than that shows `…`, never in part.
    var value: Int
    init(width: Int) {
        src = width >= 60
        value = min(11, max(5, (width - 9 - 1) / 2 - 2))
        let side = value + 2 + (src ? 8 : 0)
        let free = width - 9 - side * 2 - 1
        bar = free >= 8 ? (free - 4) / 2 : 0
    }
}

/// `2024-Q3       5,263   1  +1  ████        1,204   2      █`
func comparedLine(_ row: CountRow, width: Int, scale: Int) -> [Span] {
    let c = CompareColumns(width: width)
    var spans = [Span(pad(row.period.description, 9))]
    func side(_ f: ShownFigure?, last: Bool) {
        guard let f else {
            if !last { spans.append(Span(String(repeating: " ", count: c.value + 2 + (c.src ? 8 : 0) + (c.bar > 0 ? c.bar + 2 : 0)))) }
            return
        }
        spans.append(Span(number(f.value.compactDisplay, c.value), f.isDerived ? .derived : .normal))
        spans.append(Span(f.slotMark, .derived))
        spans.append(Span(f.agrees ? " " : "!", .warning))
        if c.src {
            spans.append(Span(pad(String(f.sourceCount), 4, right: true), .dim))
            spans.append(Span(pad(f.alternatives > 0 ? "+\(f.alternatives)" : "", 4, right: true), .dim))
        }
        if c.bar > 0 {
            let b = bar(f.value.value, scale: scale, width: c.bar)
            spans.append(Span("  " + (last ? b : pad(b, c.bar)), f.isDerived ? .derivedBar : .bar))
        }
    }
    side(row.figure, last: false)
    spans.append(Span(" "))
    side(row.compared, last: true)
    return spans
}

extension Library {
    func countsItems(flow: Flow, granularity: Period.Granularity, facets: Facets) -> [Item] {
        counts(flow: flow, granularity: granularity, facets: facets).map { row in
            let key = facets.countedKey(flow: flow, period: row.period)
            return Item(.count(row), search: "\(row.period) \(facets.category ?? "") \(row.figure?.display ?? "")",
                        open: .breakdown(flow, row.period), cite: key,
                        copyFigure: row.figure)
        }
    }

    /// Two flows side by side: Enter and `c` go to the first, `C` to the second.
    func comparedItems(flow: Flow, compare: Flow, granularity: Period.Granularity, facets: Facets) -> [Item] {
        compared(flow: flow, with: compare, granularity: granularity, facets: facets).map { row in
            let key = facets.countedKey(flow: flow, period: row.period)
            let other = facets.countedKey(flow: compare, period: row.period)
            return Item(.count(row), search: "\(row.period) \(row.figure?.display ?? "") \(row.compared?.display ?? "")",
                        open: .breakdown(flow, row.period), cite: row.figure == nil && row.compared != nil ? other : key,
                        citeOther: other, copyFigure: row.figure ?? row.compared)
        }
    }
}

/// Counts' selection, kept on the same period when the flow, the periods or the facets change
/// (the picker, the ranking and the filter menu use it too).
extension State {
    /// The row of the counts list (unfiltered) for a period, if any.
    func countsIndex(of period: Period) -> Int? {
        let items = items(.counts)
        return items.firstIndex { $0.countRow?.period == period }
    }

    /// The selected period of the counts root, if any.
    var countsPeriod: Period? {
        guard let root = stacks[.counts]?.first else { return nil }
        let items = pageItems(root)
        guard items.indices.contains(root.selected), let r = items[root.selected].countRow else { return nil }
        return r.period
    }

    /// Selects the row holding a period (or the one containing it) on the counts root.
    mutating func selectCounts(_ period: Period?) {
        var root = PageState(.counts)
        root.filter = stacks[.counts]?.first?.filter ?? ""
        let items = pageItems(root)
        var index: Int?
        if let period {
            index = items.firstIndex { item in
                guard let r = item.countRow else { return false }
                return r.period.contains(period) || period.contains(r.period)
            }
        }
        // With nothing to keep, the latest period with a figure.
        if index == nil {
            index = items.lastIndex { $0.countRow.map { $0.figure != nil || $0.compared != nil } ?? false }
        }
        root.selected = index ?? 0
        root.top = max(0, root.selected - 3)
        stacks[.counts] = [root]
    }

    mutating func switchFlow(by step: Int) {
        let flows = library.flows
        guard !flows.isEmpty else { return }
        let period = countsPeriod
        let i = flows.firstIndex(of: flow) ?? 0
        flow = flows[(i + step + flows.count) % flows.count]
        selectCounts(period)
        message = "\(flow): \(library.data.describe(flow))"
    }

    mutating func cycleGranularity() {
        if view == .ranking {
            guard let period = library.rankingPeriod(ranking) else { return }
            let next: Period.Granularity = switch period.granularity {
            case .year: .quarter
            case .quarter: .half
            default: .year
            }
            ranking.period = period.converted(to: next)
            resetRankingSelection()
            return
        }
        let period = countsPeriod
        granularity = switch granularity {
        case .quarter: .half
        case .half: .year
        default: .quarter
        }
        selectCounts(period)
    }
}

/// The whole series as vertical bars, the selected period highlighted; gaps show as `·`. Which
/// periods fit around the selection, and how wide each is, is `ChartColumns`' choice (the event
/// marks below and the side-by-side chart take the same), so the three never disagree.
func drawChart(_ s: State, _ items: Items, _ layout: Layout, _ screen: inout Screen) {
    let rows: [CountRow] = items.compactMap(\.countRow)
    let columns = ChartColumns(s, items, layout)
    guard !rows.isEmpty, !columns.window.isEmpty else { return }
    let byPeriod = Dictionary(rows.map { ($0.period, $0) }, uniquingKeysWith: { a, _ in a })
    let maxValue = rows.compactMap { $0.figure?.value.value }.max() ?? 0
    let barCells = columns.colWidth > 1 ? columns.colWidth - 1 : 1
    for (n, period) in columns.window.enumerated() {
        drawBarColumn(byPeriod[period]?.figure, x: 1 + n * columns.colWidth, width: barCells, layout: layout, maxValue: maxValue,
                      role: .bar, selected: period == columns.selected, &screen)
    }
    drawChartAxis(columns, layout, &screen)
}

/// The years under the chart's columns: at each period that starts a year (and the first), where
/// the label has room.
func drawChartAxis(_ columns: ChartColumns, _ layout: Layout, _ screen: inout Screen) {
    guard layout.axis else { return }
    let y = layout.chartTop + layout.chartHeight + (layout.marks ? 1 : 0)
    var free = 1
    for (n, period) in columns.window.enumerated() {
        let x = 1 + n * columns.colWidth
        let startsYear: Bool = switch period {
        case .quarter(_, let q): q == 1
        case .half(_, let half): half == 1
        default: true
        }
        guard startsYear || n == 0, x >= free else { continue }
        let label = String(period.year)
        guard x + cells(label) <= layout.listWidth else { break }
        screen.put(label, x: x, y: y, style: Style(.dim))
        free = x + cells(label) + 1
    }
}

// MARK: Events on the chart

extension Library {
    /// The timeline's events (with its tag and source facets) whose dates fall wholly in a period,
    /// in timeline order: an event dated only "2024" is in the year 2024, not in its first quarter.
    func events(in period: Period, facets: Facets) -> [Event] {
        eventSpans(facets: facets).filter { $0.isIn(period) }.map(\.event)
    }

    /// Each dated event (with the tag and source facets) and its first and last quarter, worked out
    /// once a frame: an event's date is parsed from text each time it is asked for, and asking
    /// per chart column made typing on Counts 25 times slower (the explorer fuzzer's slow unit).
    func eventSpans(facets: Facets) -> [EventSpan] {
        data.events.compactMap { e in
            guard let d = e.date else { return nil }
            let (start, end) = (d.start, d.end)
            guard start > 0 else { return nil }
            if let tag = facets.tag, !e.tags.contains(tag) { return nil }
            if let source = facets.source, !e.dates.contains(where: { $0.sourceID == source }) { return nil }
            return EventSpan(event: e, first: .quarter(start / 10000, ((start / 100) % 100 - 1) / 3 + 1),
                             last: .quarter(end / 10000, ((end / 100) % 100 - 1) / 3 + 1))
        }
    }
}

/// An event and the quarters its date spans.
struct EventSpan {
    var event: Event
    var first: Period
    var last: Period
    func isIn(_ period: Period) -> Bool { period.contains(first) && period.contains(last) }
}

extension State {
    /// The events of the period selected on a Counts page (none elsewhere).
    var selectedPeriodEvents: (period: Period, events: [Event])? {
        guard current.page.view.marksEvents, let row = selectedItem?.countRow else { return nil }
        let events = library.events(in: row.period, facets: facets)
        return events.isEmpty ? nil : (row.period, events)
    }
}

/// The periods of the chart's columns, as `drawChart` lays them out: its window around the
/// selection, a column's width, and the selected period.
struct ChartColumns {
    var window: [Period] = []
    var colWidth = 1
    var selected: Period?

    init(_ s: State, _ items: Items, _ layout: Layout) {
        let periods = items.compactMap(\.countRow).map(\.period)
        guard !periods.isEmpty else { return }
        let avail = layout.listWidth - 1
        // Two flows side by side (rows of a pair): two bars and a gap a period (`drawComparedChart`), up
        // to 5 cells. Decided by the rows, not `State.compare`: a category's series (`drawChart` on the
        // Series page) is one flow even while Counts shows two.
        let paired = items.compactMap(\.countRow).first?.isPair ?? false
        colWidth = paired ? max(3, min(5, avail / periods.count)) : max(1, min(4, avail / periods.count))
        let fits = max(1, avail / colWidth)
        let pageItems = visibleItems(items, filter: s.current.filter)
        if pageItems.indices.contains(s.current.selected), let r = pageItems[s.current.selected].countRow { selected = r.period }
        let selectedIndex = periods.firstIndex { $0 == selected } ?? periods.count - 1
        var start = 0
        if periods.count > fits { start = min(max(0, selectedIndex - fits / 2), periods.count - fits) }
        window = Array(periods[start..<min(periods.count, start + fits)])
    }
}

/// `◆` under each bar whose period holds timeline events (the selected one highlighted), on the
/// row `Layout.marks` keeps; the status line and the preview pane name the selected period's events.
func drawEventMarks(_ s: State, _ items: Items, _ layout: Layout, _ screen: inout Screen) {
    guard layout.marks else { return }
    let columns = ChartColumns(s, items, layout)
    guard !columns.window.isEmpty else { return }
    let barCells = columns.colWidth > 1 ? columns.colWidth - 1 : 1
    let spans = s.library.eventSpans(facets: s.facets)
    guard !spans.isEmpty else { return }
    for (n, period) in columns.window.enumerated() where spans.contains(where: { $0.isIn(period) }) {
        let x = 1 + n * columns.colWidth
        let mark = String(repeating: " ", count: (barCells - 1) / 2) + "◆"
        screen.put(mark, x: x, y: layout.marksRow, style: Style(.accent, selected: period == columns.selected))
    }
}

/// `◆ 2 events (↵ lists them): Putin and Kim Jong Un sign…`, for the status line: the period's
/// breakdown ends with its events (at 80×24 this line could only name the first). Only Counts'
/// Enter opens that breakdown: on a category's series Enter cites the value, so no key is named there.
func periodEventsNote(_ s: State) -> String? {
    guard let (_, events) = s.selectedPeriodEvents, let first = events.first else { return nil }
    let key = s.current.page.kind == .counts ? Keymap.keyLabel(for: .open, in: s.current.page.scope, limit: 1) : ""
    let lists = events.count == 1 ? "lists it" : "lists them"
    return "◆ \(events.count) \(events.count == 1 ? "event" : "events")" + (key.isEmpty ? "" : " (\(key) \(lists))") + ": " + first.summary
}

// MARK: Both flows on the chart

/// Side by side (`x`, `s`): per period the first flow's bar, then the second's, on one scale so
/// sizes compare honestly; derived bars keep their role, gaps show `·` in the flow's own cell. The
/// first flow's bars are `bar`, the second's `accent`; a legend right of the path names both.
func drawComparedChart(_ s: State, _ items: Items, _ layout: Layout, _ screen: inout Screen) {
    guard let other = s.compare else { return }
    let rows: [CountRow] = items.compactMap(\.countRow)
    let columns = ChartColumns(s, items, layout)
    guard !rows.isEmpty, !columns.window.isEmpty else { return }
    let byPeriod = Dictionary(rows.map { ($0.period, $0) }, uniquingKeysWith: { a, _ in a })
    let maxValue = rows.flatMap { [$0.figure?.value.value, $0.compared?.value.value] }.compactMap { $0 }.max() ?? 0
    let cellsEach = (columns.colWidth - 1) / 2
    func column(_ f: ShownFigure?, x: Int, second: Bool, selected: Bool) {
        drawBarColumn(f, x: x, width: cellsEach, layout: layout, maxValue: maxValue, role: second ? .accent : .bar, selected: selected, &screen)
    }
    for (n, period) in columns.window.enumerated() {
        let x = 1 + n * columns.colWidth
        let row = byPeriod[period]
        let selected = period == columns.selected
        column(row?.figure, x: x, second: false, selected: selected)
        column(row?.compared, x: x + cellsEach, second: true, selected: selected)
    }
    // The legend, right of the path above the chart: one swatch in each flow's role, and before them
    // the longest legend of the table's marks that fits (the side-by-side header has no room for it).
    var legend: [(String, Role)] = [("█", .bar), (" \(s.flow) left  ", .dim), ("█", .accent), (" \(other) right", .dim)]
    let crumbs = cells(crumbs(s).joined(separator: " › ")) + 1
    let swatches = legend.map { cells($0.0) }.reduce(0, +)
    let marks = marksLegend(items, within: layout.listWidth - crumbs - 2 - 3 - swatches)
    if !marks.isEmpty { legend.insert((marks + "   ", .dim), at: 0) }
    let width = legend.map { cells($0.0) }.reduce(0, +)
    if layout.chartTop >= 1, crumbs + 2 + width <= layout.listWidth {
        var x = layout.listWidth - width
        for (text, role) in legend { x += screen.put(text, x: x, y: layout.chartTop - 1, style: Style(role)) }
    }
    drawChartAxis(columns, layout, &screen)
}

/// The marks legend of two flows side by side, longest first (`?` lists every mark).
/// One period's bar of the chart, in eighths of a cell, `width` cells wide: a gap is `·` on the
/// bottom row (never a zero bar), a derived value in the derived role, else `role`. The one-flow
/// chart and the side-by-side chart draw every column through it.
func drawBarColumn(_ f: ShownFigure?, x: Int, width: Int, layout: Layout, maxValue: Int, role: Role, selected: Bool,
                   _ screen: inout Screen) {
    let h = layout.chartHeight
    guard let f else {
        screen.put(String(repeating: "·", count: width), x: x, y: layout.chartTop + h - 1, style: Style(.dim, selected: selected))
        return
    }
    let blocks = ["", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    let eighths = maxValue > 0 ? Int((Double(f.value.value) / Double(maxValue) * Double(h * 8)).rounded()) : 0
    let role: Role = f.isDerived ? .derivedBar : role
    for level in 0..<h {
        let y = layout.chartTop + h - 1 - level
        let filled = min(8, max(0, eighths - level * 8))
        let glyph = level == 0 && filled == 0 && f.value.value > 0 ? "▁" : blocks[filled]
        if glyph.isEmpty {
            if selected { screen.fill(x: x, y: y, width: width, style: Style(role, selected: true)) }
            continue
        }
        screen.put(String(repeating: glyph, count: width), x: x, y: y, style: Style(role, selected: selected))
    }
}
