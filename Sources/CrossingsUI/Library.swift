import CrossingsCore

/// The dataset and the answers the explorer asks of it: a thin façade over the index (what is
/// worked out once), the questions (pure, in `Queries.swift`), a resolver and a memo cache.
///
/// Every answer is a pure function of the dataset and the question, so the cache never changes
/// what is shown, only how fast. The rankings prepared ahead (`prepared`) come from the backend,
/// which owns the thread that works them out; this class holds no thread or lock.
///
/// ```swift
/// let library = Library(dataset)
/// library.counts(flow: kpru, granularity: .quarter, facets: Facets())
/// ```
public final class Library {
    public let index: DatasetIndex
    public let resolver: Resolver
    /// What the explorer's questions have answered so far, within budgets.
    var cache = QueryCache()
    /// Rankings with no facets worked out ahead by the backend (nil: none), looked at first.
    public var prepared: PreparedRankings?

    public init(_ data: Dataset) {
        index = DatasetIndex(data)
        resolver = Resolver(data)
    }

    public var data: Dataset { index.data }
    /// Flows in the order the `f` key cycles them: KP-RU, RU-KP, then the rest.
    public var flows: [Flow] { index.flows }
    /// Every year any figure or event falls in, for the year facets.
    public var years: [Int] { index.years }
    /// Every event tag in use, sorted.
    public var tags: [String] { index.tags }
    /// Every country in a flow of the data, by name: the picker's list.
    public var countries: [CountryEntry] { index.countries }
    /// Per flow, the first and last quarter of its border counts.
    var spans: [Flow: ClosedRange<QuarterIndex>] { index.spans }

    /// The pages' memo, under the name `items(...)` knows it by (in place, never copied).
    var itemsCache: BoundedCache<ItemsQuestion, Items> {
        get { cache.items }
        _modify { yield &cache.items }
    }
    var countsCache: BoundedCache<CountsQuestion, [CountRow]> { cache.counts }

    // MARK: Counts

    /// Every period of `granularity` from the flow's first figure to its last, each
    /// with the value shown for its total, or a gap.
    public func counts(flow: Flow, granularity: Period.Granularity, facets: Facets) -> [CountRow] {
        let question = CountsQuestion(flow: flow, granularity: granularity, facets: facets)
        if let cached = cache.counts[question] { return cached }
        let rows = index.counts(flow: flow, granularity: granularity, facets: facets, resolver: resolver)
        cache.counts[question] = rows
        return rows
    }

    /// Every period of a granularity from the flow's first border count to its last.
    func periods(flow: Flow, granularity: Period.Granularity) -> [Period] {
        index.periods(flow: flow, granularity: granularity)
    }

    /// Side by side: the periods of both flows, each with both values (or gaps).
    public func compared(flow: Flow, with other: Flow, granularity: Period.Granularity, facets: Facets) -> [CountRow] {
        DatasetIndex.sideBySide(counts(flow: flow, granularity: granularity, facets: facets),
                                counts(flow: other, granularity: granularity, facets: facets),
                                granularity: granularity, facets: facets)
    }

    // MARK: Ranking

    /// Every country's total for a period, most first; countries with no figure (a gap, never zero) last.
    public func ranking(period: Period, direction: Direction, facets: Facets = Facets()) -> [RankRow] {
        let question = RankingKey(period: period, direction: direction, facets: facets)
        if let cached = cache.rankings[question] { return cached }
        if facets.isEmpty, let ready = prepared?[period, direction] {
            cache.rankings[question] = ready
            return ready
        }
        let rows = index.ranking(period: period, direction: direction, facets: facets, resolver: resolver)
        cache.rankings[question] = rows
        if facets.isEmpty { prepared?[period, direction] = rows }
        return rows
    }

    /// What each cache holds now, in estimated bytes against its budget (the benchmark prints it).
    public var memoryUse: [(what: String, bytes: Int, budget: Int)] {
        var use = [("resolver", resolver.keptBytes, resolver.budget),
                   ("counts", cache.counts.bytes, cache.counts.budget),
                   ("pages", cache.items.bytes, cache.items.budget),
                   ("rankings", cache.rankings.bytes, cache.rankings.budget)]
        if let prepared { use.append(("rankings prepared ahead", prepared.bytes, prepared.budget)) }
        return use
    }

    /// The latest year for which some country has a figure (entries, or trips from Russia), worked out once.
    public func latestYear(_ direction: Direction) -> Period? {
        if let cached = cache.latestYears[direction] { return cached }
        let result = index.latestYear(direction, resolver: resolver)
        cache.latestYears[direction] = result
        return result
    }

    /// The first and last quarter of any border count in a direction.
    func quarterSpan(_ direction: Direction) -> ClosedRange<QuarterIndex>? {
        index.quarterSpan(direction)
    }

    /// Works out what the first screens ask for (the first flow's counts, the default rankings),
    /// e.g. on the loading thread, so that the first keys cost a render.
    public func warm() {
        if let f = flows.first {
            _ = items(.counts, flow: f, granularity: .quarter, facets: Facets())
        }
        for direction in Direction.allCases {
            _ = items(.ranking, flow: flows.first ?? Flow(citizens: "", destination: ""), granularity: .quarter, facets: Facets(),
                      ranking: RankingQuestion(direction: direction))
            // The periods the ranking's first keys ask for: `<` (the year before) and `t` (the year's last quarter).
            if let year = latestYear(direction) {
                _ = ranking(period: year.shifted(by: -1), direction: direction)
                _ = ranking(period: year.converted(to: .quarter), direction: direction)
            }
        }
        _ = matches("")
    }

    // MARK: Picker

    /// Indices into `countries` that match what was typed, best first (`DatasetIndex.matches`).
    public func matches(_ query: String) -> [Int] {
        if let cached = cache.matches[query] { return cached }
        let result = index.matches(query)
        cache.keep(matches: result, for: query)
        return result
    }

    // MARK: Figures

    /// With a source facet, only the values that source reports (no derived ones).
    func restrict(_ rows: [FigureRow], to source: String?) -> [FigureRow] {
        DatasetIndex.restrict(rows, to: source)
    }

    /// The value shown for one key.
    public func figure(_ key: FigureKey, facets: Facets = Facets()) -> ShownFigure? {
        index.figure(key, facets: facets, resolver: resolver)
    }

    /// A breakdown's categories for one measure, with their shares of the total.
    public func breakdown(flow: Flow, period: Period, measure: Measure, facets: Facets) -> [BreakdownRow] {
        index.breakdown(flow: flow, period: period, measure: measure, facets: facets, resolver: resolver)
    }

    /// The items of a page, before the `/` filter.
    func items(_ page: Page, flow: Flow, compare: Flow? = nil, granularity: Period.Granularity, facets: Facets,
               ranking: RankingQuestion = RankingQuestion(), findings: [Finding]? = nil) -> Items {
        // Each page is keyed only by what it depends on, as its view says (`PageView.itemsKey`): the
        // flow and its periods for Counts, the ranking for Ranking, facets where they narrow the list.
        let view = page.view
        let context = PageContext(flow: flow, compare: compare, granularity: granularity, facets: facets, ranking: ranking, findings: findings)
        let key = view.itemsKey(context)
        let question = ItemsQuestion(page: page, flow: key.flow, compare: key.compare, granularity: key.granularity, facets: key.facets,
                                     ranking: key.ranking, answered: key.findings != nil)
        if let cached = itemsCache[question] { return cached }
        var built = context
        built.compare = key.compare
        let items = view.items(page, built, self)
        itemsCache[question] = items
        return items
    }

    public func source(_ id: String) -> Source? { data.sourceByID[id] }
    public func event(_ id: String) -> Event? { data.events.first { $0.id == id } }
}
