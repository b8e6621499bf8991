import CrossingsCore

/// The dataset and the answers the explorer asks of it, worked out once and kept.
///
/// Every answer is a pure function of the dataset and the question, so the
/// caches never change what is shown, only how fast.
///
/// ```swift
/// let library = Library(dataset)
/// library.counts(flow: kpru, granularity: .quarter, facets: Facets())
/// ```
public final class Library {
    public let data: Dataset
    public let resolver: Resolver
    /// Flows in the order the `f` key cycles them: KP-RU, RU-KP, then the rest.
    public let flows: [Flow]
    /// Every year any figure or event falls in, for the year facets.
    public let years: [Int]
    /// Every event tag in use, sorted.
    public let tags: [String]

    private var countsCache: [CountsQuestion: [CountRow]] = [:]
    private var itemsCache: [ItemsQuestion: [Item]] = [:]

    struct CountsQuestion: Hashable {
        var flow: Flow
        var granularity: Period.Granularity
        var facets: Facets
    }

    struct ItemsQuestion: Hashable {
        var page: Page
        var flow: Flow
        var granularity: Period.Granularity
        var facets: Facets
    }

    public init(_ data: Dataset) {
        self.data = data
        resolver = Resolver(data)
        let preferred = ["KP-RU", "RU-KP"]
        flows = data.flows.filter { preferred.contains($0.description) }.sorted { a, b in
            (preferred.firstIndex(of: a.description) ?? 9) < (preferred.firstIndex(of: b.description) ?? 9)
        } + data.flows.filter { !preferred.contains($0.description) }
        var ys = Set<Int>()
        for key in data.keys {
            let first = key.period.firstQuarter.year, last = key.period.lastQuarter.year
            if last - first < 100 { for y in first...last { ys.insert(y) } }
        }
        for e in data.events { for d in e.dates where d.start > 0 { ys.insert(d.start / 10000) } }
        years = ys.sorted()
        tags = Set(data.events.flatMap(\.tags)).sorted()
    }

    /// Every period of `granularity` from the flow's first figure to its last, each
    /// with the value shown for its total, or a gap.
    public func counts(flow: Flow, granularity: Period.Granularity, facets: Facets) -> [CountRow] {
        let question = CountsQuestion(flow: flow, granularity: granularity, facets: facets)
        if let cached = countsCache[question] { return cached }
        let figures = resolver.figures(FigureQuery(flows: [flow], granularity: granularity, measures: [.total]))
        var byPeriod: [Period: [FigureRow]] = [:]
        for row in figures { byPeriod[row.key.period, default: []].append(row) }
        // The span of the border counts (totals and breakdowns); estimates do not stretch it.
        let periods = data.keys.filter { $0.flow == flow && !$0.period.isRange && ($0.measure == .total || $0.measure.isBreakdown) }.map(\.period)
        var rows: [CountRow] = []
        if let first = periods.map(\.firstQuarter).min(), let last = periods.map(\.lastQuarter).max() {
            let span = Period.range(.quarter(first.year, first.quarter), .quarter(last.year, last.quarter))
            for period in span.periods(of: granularity) where facets.admits(period) {
                let key = FigureKey(flow: flow, period: period, measure: .total)
                let figure = ShownFigure.pick(key, rows: restrict(byPeriod[period] ?? [], to: facets.source),
                                              resolver: resolver, status: facets.status)
                rows.append(CountRow(period: period, figure: figure))
            }
        }
        countsCache[question] = rows
        return rows
    }

    /// With a source facet, only the values that source reports (no derived ones).
    func restrict(_ rows: [FigureRow], to source: String?) -> [FigureRow] {
        guard let source else { return rows }
        return rows.compactMap { row in
            guard row.status == .reported else { return nil }
            let obs = row.observations.filter { $0.sourceID == source }
            guard !obs.isEmpty else { return nil }
            var r = row
            r.observations = obs
            return r
        }
    }

    /// The value shown for one key.
    public func figure(_ key: FigureKey, facets: Facets = Facets()) -> ShownFigure? {
        ShownFigure.pick(key, rows: restrict(resolver.rows(for: key), to: facets.source), resolver: resolver, status: facets.status)
    }

    /// A breakdown's categories for one measure, with their shares of the total.
    public func breakdown(flow: Flow, period: Period, measure: Measure, facets: Facets) -> [BreakdownRow] {
        let total = figure(FigureKey(flow: flow, period: period, measure: .total), facets: facets)
        var rows: [BreakdownRow] = []
        var categories = data.categories(of: measure)
        if measure == .estimate {
            categories = categories.filter { !data.observations(for: FigureKey(flow: flow, period: period, measure: .estimate, category: $0)).isEmpty }
        }
        if measure.isBreakdown { categories.append(notStatedCategory) }
        for c in categories {
            let key = FigureKey(flow: flow, period: period, measure: measure, category: c)
            let f = figure(key, facets: facets)
            if c == notStatedCategory && f == nil { continue }
            var share: Double?
            var approximate = false
            if measure.isBreakdown, let f, let total, total.value.value > 0 {
                share = Double(f.value.value) * 100 / Double(total.value.value)
                approximate = !f.value.isPrecise || !total.value.isPrecise
            }
            let label = c == notStatedCategory ? "not stated" : (data.category(measure, c)?.label ?? c)
            rows.append(BreakdownRow(key: key, label: label, figure: f, share: share, shareApproximate: approximate))
        }
        return rows
    }

    /// The items of a page, before the `/` filter.
    func items(_ page: Page, flow: Flow, granularity: Period.Granularity, facets: Facets) -> [Item] {
        let question = ItemsQuestion(page: page, flow: flow, granularity: granularity, facets: facets)
        if let cached = itemsCache[question] { return cached }
        let built = buildItems(page, flow: flow, granularity: granularity, facets: facets)
        itemsCache[question] = built
        return built
    }

    public func source(_ id: String) -> Source? { data.sourceByID[id] }
    public func event(_ id: String) -> Event? { data.events.first { $0.id == id } }
}
