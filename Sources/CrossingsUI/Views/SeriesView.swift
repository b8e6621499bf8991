import CrossingsCore

extension PageKind { static let series = PageKind("series") }
extension Scope { public static let series = Scope("Series") }
extension Page {
    /// One category of a flow (study entries of KP-RU), period by period; `key.period` is the
    /// period it was opened from, selected on arrival.
    public static func series(_ key: FigureKey) -> Page { Page(.series, .figure(key)) }
}

/// Series: one category of one flow (a breakdown row: study, business, air, rail…) period by period,
/// drawn as Counts draws the total: the same chart, columns, marks, event row (`◆`) and citations. Each value is the
/// one the breakdown shows for that period and category (`Library.figure`, `ShownFigure.pick`); a
/// period with no figure is a gap (`·`), never zero.
struct SeriesView: PageView {
    var kind: PageKind { .series }
    var scope: Scope { .series }
    var hasColumnHeader: Bool { true }
    var hasPreview: Bool { true }
    var hasChart: Bool { true }
    /// The same chart as Counts', with the same row of event marks (`drawEventMarks`) under it.
    var marksEvents: Bool { true }

    /// `purpose › study › by year`, the flow first when it is not the one Counts shows.
    func crumbs(_ page: Page, after previous: Page?, in s: State) -> [String] {
        guard let key = page.figure else { return [] }
        let flow = key.flow != s.flow && previous?.period?.0 != key.flow ? [key.flow.description] : []
        return flow + [key.measure.rawValue, s.library.categoryLabel(key), "by \(s.granularity.rawValue)"]
    }

    func header(_ s: State, width w: Int) -> String? { countsHeader(width: w, items: s.pageItems()) }

    /// `e`: the category's rows as Counts exports a total's, each named by its category.
    var exports: Bool { true }
    func export(_ page: Page, _ items: Items, _ s: State) -> ExportTable? {
        guard let key = page.figure else { return nil }
        return Export.counts(items.compactMap(\.countRow), flow: key.flow, compare: nil, granularity: s.granularity, s.library.data,
                             measure: key.measure, category: key.category)
    }

    /// Counts' chart, or a note where no period has a figure.
    func drawAboveList(_ s: State, _ all: Items, _ layout: Layout, _ screen: inout Screen) {
        guard layout.chartHeight > 0 else { return }
        drawChart(s, all, layout, &screen)
        drawEventMarks(s, all, layout, &screen)
        guard let key = s.current.page.figure, all.allSatisfy({ $0.countRow.map { $0.figure == nil } ?? true }) else { return }
        let hint = "no \(key.flow) \(s.library.categoryLabel(key)) figures by \(s.granularity.rawValue) with these filters; "
            + Keymap.keyed(.cycleGranularity, in: .series, "halves or years") + ", " + Keymap.keyed(.openFacets, in: .series, "filters")
        drawChartNote(hint, layout, &screen)
    }

    func items(_ page: Page, _ c: PageContext, _ library: Library) -> Items {
        guard let key = page.figure else { return Items([]) }
        return Items(library.seriesItems(key, granularity: c.granularity, facets: c.facets))
    }

    /// Its periods are those chosen with `t` (shared with Counts), within the facets.
    func itemsKey(_ c: PageContext) -> PageContext {
        var key = c.facetsOnly
        key.granularity = c.granularity
        return key
    }

    func perform(_ action: Action, on s: inout State) -> Bool {
        switch action {
        case .openSeries:
            guard case .category(let row)? = s.selectedItem?.content else {
                s.message = "no category on this line: " + Keymap.hint(.openSeries, in: .breakdown, "works on a row of a breakdown")
                return true
            }
            s.push(.series(row.key))
            s.selectSeries(row.key.period)
            s.categoryFacetFollowsSeries(row.key)
        case .cycleGranularity:
            // On a series, `t` cuts it again and keeps the period; elsewhere it is Counts' or the ranking's.
            guard s.current.page.kind == .series else { return false }
            let period = s.selectedItem?.countRow?.period
            s.granularity = switch s.granularity {
            case .quarter: .half
            case .half: .year
            default: .quarter
            }
            s.selectSeries(period)
            // Counts below keeps the same period too.
            if let root = s.stacks[.counts]?.first, root.page == .counts {
                let rest = Array(s.stacks[.counts]?.dropFirst() ?? [])
                s.selectCounts(period)
                s.stacks[.counts]? += rest
            }
        default: return false
        }
        return true
    }
}

extension Library {
    /// A category's label as the breakdown shows it (`study`, `not broken out`).
    func categoryLabel(_ key: FigureKey) -> String {
        key.category == notStatedCategory ? Citation.residualLabel : (data.category(key.measure, key.category)?.label ?? key.category)
    }

    /// One row per period of the flow's span (Counts' periods), each with the value the breakdown
    /// of that period shows for the category, or a gap. Rows are Counts rows, so the chart, the
    /// columns and the marks are drawn by the same code.
    func seriesItems(_ key: FigureKey, granularity: Period.Granularity, facets: Facets) -> [Item] {
        let label = categoryLabel(key)
        return periods(flow: key.flow, granularity: granularity).filter(facets.admits).map { period in
            let k = key.with(period: period)
            let shown = figure(k, facets: facets)
            return Item(.count(CountRow(period: period, figure: shown)),
                        search: "\(period) \(key.measure.rawValue) \(key.category) \(label) \(shown?.display ?? "")",
                        open: shown == nil ? nil : .citations(k), cite: shown == nil ? nil : k, copyFigure: shown)
        }
    }
}

extension State {
    /// A series and the filter menu's category say the same (issue 14's review: `m` → official on the
    /// study series gave the crumbs `KP-RU › purpose › official › 2024 › purpose › study`): opening a
    /// series while another category is chosen chooses this one, or clears the choice for a row the
    /// menu does not offer (the total, `not broken out`, an estimate); the status line says so.
    mutating func categoryFacetFollowsSeries(_ key: FigureKey) {
        guard let chosen = facets.category, facets.countedKey(flow: key.flow, period: key.period) != key else { return }
        let own = "\(key.measure.rawValue)/\(key.category)"
        if facetOptions(.category).contains(own) {
            facets.category = own
            if let measure = facets.measure, measure != key.measure { facets.measure = key.measure }
            message = "category filter set to \(own), this series' category (was \(chosen))"
        } else {
            facets.category = nil
            message = "category filter \(chosen) cleared: this series is of the \(key.measure == .total ? "total" : s(key))"
        }
        messageInFull = true
        func s(_ key: FigureKey) -> String { library.categoryLabel(key) }
    }

    /// The other way: a category chosen in the filter menu while a series is open makes it that
    /// category's series (same flow and period), so its numbers are the ones its crumbs and the menu name.
    mutating func seriesFollowsCategoryFacet() {
        guard facets.category != nil, var pages = stacks[.counts] else { return }
        var changed: FigureKey?
        for i in pages.indices where pages[i].page.kind == .series {
            guard let key = pages[i].page.figure else { continue }
            let wanted = facets.countedKey(flow: key.flow, period: key.period)
            if wanted != key { pages[i].page = .series(wanted); changed = wanted }
        }
        stacks[.counts] = pages
        if let changed {
            let note = "the series shows \(changed.measure.rawValue)/\(changed.category) now"
            message = message.isEmpty ? note : message + "; " + note
        }
    }

    /// Selects the series row holding a period (or the one containing it), else the latest with a figure.
    mutating func selectSeries(_ period: Period?) {
        let items = pageItems()
        var index: Int?
        if let period {
            index = items.firstIndex { item in
                guard let r = item.countRow else { return false }
                return r.period.contains(period) || period.contains(r.period)
            }
        }
        if index == nil { index = items.lastIndex { $0.countRow?.figure != nil } }
        var p = current
        p.selected = index ?? 0
        p.top = max(0, p.selected - 3)
        current = p
    }
}
