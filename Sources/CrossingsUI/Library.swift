import CrossingsCore
import Foundation

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

    /// Every country in a flow of the data, by name: the picker's list.
    public let countries: [CountryEntry]
    /// Per flow, the first and last quarter of its border counts (totals and breakdowns):
    /// worked out once, so switching flows never goes through every key.
    let spans: [Flow: ClosedRange<QuarterIndex>]

    // Budgets: a screen's worth of questions is a few; hours of browsing thousands of flows stay
    // bounded. By entries and by estimated bytes (`MemoryCost`): a ranking of every country or a
    // citation page of many observations is far larger than a counts page of 44 lines; a source's
    // page is estimated at its row numbers, 4 bytes a figure (`Items`; issue 11).
    static let countsBudget = 8 << 20, itemsBudget = 32 << 20, rankingBudget = 16 << 20
    private(set) var countsCache = BoundedCache<CountsQuestion, [CountRow]>(capacity: 256, budget: Library.countsBudget, cost: MemoryCost.rows)
    private(set) var itemsCache = BoundedCache<ItemsQuestion, Items>(capacity: 256, budget: Library.itemsBudget, cost: MemoryCost.items)
    private(set) var rankingCache = BoundedCache<RankingKey, [RankRow]>(capacity: 64, budget: Library.rankingBudget, cost: MemoryCost.ranking)
    /// Rankings worked out ahead on another thread (`prepareRankings`).
    let shelf: RankingShelf
    private var matchesCache: [String: [Int]] = [:]
    private var latestYears: [Bool: Period?] = [:]

    struct RankingKey: Hashable {
        var period: Period
        var exits: Bool
        var facets: Facets
    }

    struct CountsQuestion: Hashable {
        var flow: Flow
        var granularity: Period.Granularity
        var facets: Facets
    }

    struct ItemsQuestion: Hashable {
        var page: Page
        var flow: Flow
        var compare: Flow?
        var granularity: Period.Granularity
        var facets: Facets
        var ranking: RankingQuestion
    }

    public convenience init(_ data: Dataset) {
        self.init(data, shelfBudget: RankingShelf.budget)
    }

    /// With another budget for the rankings prepared ahead (tests).
    init(_ data: Dataset, shelfBudget: Int) {
        self.data = data
        shelf = RankingShelf(budget: shelfBudget)
        resolver = Resolver(data)
        let preferred = ["KP-RU", "RU-KP"]
        flows = data.flows.filter { preferred.contains($0.description) }.sorted { a, b in
            (preferred.firstIndex(of: a.description) ?? 9) < (preferred.firstIndex(of: b.description) ?? 9)
        } + data.flows.filter { !preferred.contains($0.description) }
        var ys = Set<Int>()
        var spans: [Flow: ClosedRange<QuarterIndex>] = [:]
        for key in data.keys {
            let first = key.period.firstQuarter, last = key.period.lastQuarter
            if last.year - first.year < 100 { for y in first.year...last.year { ys.insert(y) } }
            // The span of the border counts (totals and breakdowns); estimates do not stretch it.
            if !key.period.isRange && (key.measure == .total || key.measure.isBreakdown) {
                if let s = spans[key.flow] {
                    spans[key.flow] = min(s.lowerBound, first)...max(s.upperBound, last)
                } else {
                    spans[key.flow] = first...last
                }
            }
        }
        self.spans = spans
        countries = CountryEntry.all(data, flows: flows)
        for e in data.events { for d in e.dates where d.start > 0 { ys.insert(d.start / 10000) } }
        years = ys.sorted()
        tags = Set(data.events.flatMap(\.tags)).sorted()
    }

    /// Every period of `granularity` from the flow's first figure to its last, each
    /// with the value shown for its total, or a gap.
    public func counts(flow: Flow, granularity: Period.Granularity, facets: Facets) -> [CountRow] {
        let question = CountsQuestion(flow: flow, granularity: granularity, facets: facets)
        if let cached = countsCache[question] { return cached }
        var rows: [CountRow] = []
        for period in periods(flow: flow, granularity: granularity) where facets.admits(period) {
            // The same rows as Resolver.figures gives for the flow, one key at a time (no pass over every key).
            let key = FigureKey(flow: flow, period: period, measure: .total)
            let figure = ShownFigure.pick(key, rows: restrict(resolver.rows(for: key), to: facets.source),
                                          resolver: resolver, status: facets.status)
            rows.append(CountRow(period: period, figure: figure))
        }
        countsCache[question] = rows
        return rows
    }

    /// Every period of a granularity from the flow's first border count to its last.
    func periods(flow: Flow, granularity: Period.Granularity) -> [Period] {
        guard let span = spans[flow] else { return [] }
        let first = span.lowerBound, last = span.upperBound
        return Period.range(.quarter(first.year, first.quarter), .quarter(last.year, last.quarter)).periods(of: granularity)
    }

    /// Side by side: the periods of both flows, each with both values (or gaps).
    public func compared(flow: Flow, with other: Flow, granularity: Period.Granularity, facets: Facets) -> [CountRow] {
        let a = counts(flow: flow, granularity: granularity, facets: facets)
        let b = counts(flow: other, granularity: granularity, facets: facets)
        var byPeriod: [Period: ShownFigure] = [:]
        for r in b { if let f = r.figure { byPeriod[r.period] = f } }
        var known = Set(a.map(\.period))
        var rows = a.map { r in
            var r = r
            r.compared = byPeriod[r.period]
            r.isPair = true
            return r
        }
        for r in b where known.insert(r.period).inserted {
            rows.append(CountRow(period: r.period, figure: nil, compared: r.figure, isPair: true))
        }
        rows.sort { $0.period.firstQuarter < $1.period.firstQuarter }
        if let lo = rows.first?.period.firstQuarter, let hi = rows.last?.period.firstQuarter {
            // No hole between the two spans: every period in between, a gap where neither flow has a figure.
            let all = Period.range(.quarter(lo.year, lo.quarter), .quarter(hi.year, hi.quarter)).periods(of: granularity).filter(facets.admits)
            if all.count > rows.count {
                let have = Dictionary(rows.map { ($0.period, $0) }, uniquingKeysWith: { x, _ in x })
                rows = all.map { have[$0] ?? CountRow(period: $0, figure: nil, compared: nil, isPair: true) }
            }
        }
        return rows
    }

    // MARK: Ranking

    /// Every country's total for a period, most first; countries with no figure (a gap, never zero) last.
    public func ranking(period: Period, exits: Bool, facets: Facets = Facets()) -> [RankRow] {
        let question = RankingKey(period: period, exits: exits, facets: facets)
        if let cached = rankingCache[question] { return cached }
        if facets.isEmpty, let ready = shelf[period, exits] {
            rankingCache[question] = ready
            return ready
        }
        let rows = Library.rank(countries, period: period, exits: exits, resolver: resolver) { key in figure(key, facets: facets) }
        rankingCache[question] = rows
        if facets.isEmpty { shelf[period, exits] = rows }
        return rows
    }

    /// The ranking itself: each country's shown value and change, sorted and numbered.
    static func rank(_ countries: [CountryEntry], period: Period, exits: Bool, resolver: Resolver,
                     figure: (FigureKey) -> ShownFigure?) -> [RankRow] {
        var rows: [RankRow] = []
        for entry in countries {
            guard let flow = exits ? entry.exits : entry.entries else { continue }
            let key = FigureKey(flow: flow, period: period, measure: .total)
            let shown = figure(key)
            // The change compares like with like: best values (reported consensus, else derived) a year apart.
            let answer = shown == nil ? Resolver.ChangeAnswer.unknown : resolver.changeAnswer(key)
            rows.append(RankRow(rank: nil, flow: flow, code: entry.code, name: entry.name, figure: shown,
                                change: answer.change, noChange: answer.reason))
        }
        rows.sort { a, b in
            switch (a.figure?.value.value, b.figure?.value.value) {
            case let (x?, y?): x != y ? x > y : a.code < b.code
            case (_?, nil): true
            case (nil, _?): false
            default: a.code < b.code
            }
        }
        var rank = 0
        for i in rows.indices where rows[i].figure != nil {
            // Equal values share a rank.
            if i == 0 || rows[i - 1].figure?.value.value != rows[i].figure?.value.value { rank = i + 1 }
            rows[i].rank = rank
        }
        return rows
    }

    /// Works out every ranking a key can ask for with no facets (years first, from the latest, both
    /// directions; then halves and quarters) on another thread, with its own resolver, and puts them
    /// on the shelf the explorer's `ranking` looks at first. Returns at once.
    public func prepareRankings() {
        let data = self.data, countries = self.countries, shelf = self.shelf
        var periods: [(Period, Bool)] = []
        for exits in [false, true] {
            guard let span = quarterSpan(exits: exits) else { continue }
            let first = span.lowerBound, last = span.upperBound
            let all = Period.range(.quarter(first.year, first.quarter), .quarter(last.year, last.quarter))
            for g in [Period.Granularity.year, .half, .quarter] {
                for p in all.periods(of: g).reversed() { periods.append((p, exits)) }
            }
        }
        periods.sort { a, b in
            // Years before halves before quarters; the latest first; entries before exits.
            let ga = a.0.granularity == .year ? 0 : a.0.granularity == .half ? 1 : 2
            let gb = b.0.granularity == .year ? 0 : b.0.granularity == .half ? 1 : 2
            return (ga, -a.0.firstQuarter.value, a.1 ? 1 : 0) < (gb, -b.0.firstQuarter.value, b.1 ? 1 : 0)
        }
        let work = periods
        let thread = Thread {
            // Its own resolver, on a smaller budget than the explorer's: it goes a period at a time
            // through every country, so only the years of the period at hand need to be kept.
            let resolver = Resolver(data, budget: Library.preparingBudget)
            for (period, exits) in work where shelf[period, exits] == nil {
                // Stopped, or the shelf full: a ranking more would only push out one worked out
                // before it, more likely asked for. The thread ends, and its resolver goes with it.
                if shelf.stopped || shelf.isFull { break }
                let rows = Library.rank(countries, period: period, exits: exits, resolver: resolver) { key in
                    ShownFigure.pick(key, rows: resolver.rows(for: key), resolver: resolver)
                }
                shelf[period, exits] = rows
            }
            shelf.finished = true
        }
        thread.start()
    }

    /// The background resolver's budget (`prepareRankings`).
    static let preparingBudget = 16 << 20

    /// Stops `prepareRankings` at its next ranking.
    public func stopPreparing() { shelf.stopped = true }

    /// Whether `prepareRankings` has ended (done, stopped, or the shelf full).
    public var preparingFinished: Bool { shelf.finished }

    /// How many rankings are on the shelf now (the benchmark watches it while idle).
    public var preparedRankings: Int { shelf.count }

    /// What each cache holds now, in estimated bytes against its budget (the benchmark prints it).
    public var memoryUse: [(what: String, bytes: Int, budget: Int)] {
        [("resolver", resolver.keptBytes, resolver.budget),
         ("counts", countsCache.bytes, countsCache.budget),
         ("pages", itemsCache.bytes, itemsCache.budget),
         ("rankings", rankingCache.bytes, rankingCache.budget),
         ("rankings prepared ahead", shelf.bytes, RankingShelf.budget)]
    }

    /// The latest year for which some country has a figure (entries, or trips from Russia), worked out once.
    public func latestYear(exits: Bool) -> Period? {
        if let cached = latestYears[exits] { return cached }
        let flows = countries.compactMap { exits ? $0.exits : $0.entries }
        var result: Period?
        let last = flows.compactMap { spans[$0]?.upperBound.year }.max()
        let first = flows.compactMap { spans[$0]?.lowerBound.year }.min()
        if let first, let last {
            for year in stride(from: last, through: first, by: -1) {
                let p = Period.year(year)
                if flows.contains(where: { spans[$0].map { $0.lowerBound.year <= year && $0.upperBound.year >= year } ?? false
                    && figure(FigureKey(flow: $0, period: p, measure: .total)) != nil }) {
                    result = p
                    break
                }
            }
        }
        latestYears[exits] = result
        return result
    }

    /// The first and last quarter of any border count in a direction.
    func quarterSpan(exits: Bool) -> ClosedRange<QuarterIndex>? {
        var lo: QuarterIndex?, hi: QuarterIndex?
        for entry in countries {
            guard let f = exits ? entry.exits : entry.entries, let s = spans[f] else { continue }
            lo = min(lo ?? s.lowerBound, s.lowerBound)
            hi = max(hi ?? s.upperBound, s.upperBound)
        }
        guard let lo, let hi else { return nil }
        return lo...hi
    }

    /// Works out what the first screens ask for (the first flow's counts, the default rankings),
    /// e.g. on the loading thread, so that the first keys cost a render.
    public func warm() {
        if let f = flows.first {
            _ = items(.counts, flow: f, granularity: .quarter, facets: Facets())
        }
        for exits in [false, true] {
            _ = items(.ranking, flow: flows.first ?? Flow(citizens: "", destination: ""), granularity: .quarter, facets: Facets(),
                      ranking: RankingQuestion(exits: exits))
            // The periods the ranking's first keys ask for: `[` (the year before) and `t` (the year's last quarter).
            if let year = latestYear(exits: exits) {
                _ = ranking(period: year.shifted(by: -1), exits: exits)
                _ = ranking(period: year.converted(to: .quarter), exits: exits)
            }
        }
        _ = matches("")
    }

    // MARK: Picker

    /// Indices into `countries` that match what was typed, best first: the code itself, then names
    /// starting with it, then a word of the name, then anywhere in the code, name or flows.
    /// The most characters any country's search text has.
    private lazy var longestCountrySearch = countries.map(\.search.count).max() ?? 0

    public func matches(_ query: String) -> [Int] {
        let q = query.lowercased().trimmingCharacters(in: .whitespaces)
        if let cached = matchesCache[q] { return cached }
        let result: [Int]
        if q.isEmpty {
            result = Array(countries.indices)
        } else if q.count > longestCountrySearch {
            // Longer than every country's text: nothing matches, and nothing is compared
            // (a pasted query of thousands of characters was compared with every country on every key).
            result = []
        } else {
            var ranked: [(Int, Int)] = []
            for (i, c) in countries.enumerated() {
                let rank: Int
                if c.code.lowercased() == q { rank = 0 }
                else if c.lowerName.hasPrefix(q) { rank = 1 }
                else if c.lowerName.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" || $0 == "-" }).contains(where: { $0.hasPrefix(q) }) { rank = 2 }
                else if c.search.contains(q) { rank = 3 }
                else { continue }
                ranked.append((rank, i))
            }
            result = ranked.sorted { $0 < $1 }.map(\.1)
        }
        if matchesCache.count > 512 { matchesCache.removeAll() }
        matchesCache[q] = result
        return result
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
            let label = c == notStatedCategory ? Citation.residualLabel : (data.category(measure, c)?.label ?? c)
            rows.append(BreakdownRow(key: key, label: label, figure: f, share: share, shareApproximate: approximate))
        }
        return rows
    }

    /// The items of a page, before the `/` filter.
    func items(_ page: Page, flow: Flow, compare: Flow? = nil, granularity: Period.Granularity, facets: Facets,
               ranking: RankingQuestion = RankingQuestion()) -> Items {
        // Each page is keyed only by what it depends on, as its view says (`PageView.itemsKey`): the
        // flow and its periods for Counts, the ranking for Ranking, facets where they narrow the list.
        let view = page.view
        let context = PageContext(flow: flow, compare: compare, granularity: granularity, facets: facets, ranking: ranking)
        let key = view.itemsKey(context)
        let question = ItemsQuestion(page: page, flow: key.flow, compare: key.compare, granularity: key.granularity, facets: key.facets, ranking: key.ranking)
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

/// Rankings with no facets, shared between the explorer and the thread that works them out
/// ahead; a budget in estimated bytes like the explorer's caches (least recently used go).
final class RankingShelf: @unchecked Sendable {
    private let lock = NSLock()
    private var rows: BoundedCache<Library.RankingKey, [RankRow]>
    private var stop = false
    private var done = false

    init(budget: Int = RankingShelf.budget) {
        rows = BoundedCache(capacity: 4096, budget: budget, cost: MemoryCost.ranking)
    }

    static let budget = 16 << 20

    subscript(period: Period, exits: Bool) -> [RankRow]? {
        get {
            lock.lock(); defer { lock.unlock() }
            return rows[Library.RankingKey(period: period, exits: exits, facets: Facets())]
        }
        set {
            lock.lock(); defer { lock.unlock() }
            rows[Library.RankingKey(period: period, exits: exits, facets: Facets())] = newValue
        }
    }

    var count: Int { lock.lock(); defer { lock.unlock() }; return rows.count }
    var bytes: Int { lock.lock(); defer { lock.unlock() }; return rows.bytes }

    /// Within an eighth of its budget: the thread stops rather than push out what it worked out.
    var isFull: Bool { lock.lock(); defer { lock.unlock() }; return rows.bytes >= rows.budget - rows.budget / 8 }

    var stopped: Bool {
        get { lock.lock(); defer { lock.unlock() }; return stop }
        set { lock.lock(); defer { lock.unlock() }; stop = newValue }
    }

    var finished: Bool {
        get { lock.lock(); defer { lock.unlock() }; return done }
        set { lock.lock(); defer { lock.unlock() }; done = newValue }
    }
}
