import Foundation

/// The explorer's questions, as pure functions of the index, the question and a resolver.
///
/// Nothing is kept here: the same question gives the same answer, so a caller may memoise the
/// answers as it likes (the explorer's `Library` does, in a `QueryCache`) or not at all (the
/// thread that prepares rankings ahead, the CLI). The resolver keeps its own working, which
/// makes it the one thing not to share between threads.
extension DatasetIndex {
    // MARK: Shown values

    /// The value shown for one key, narrowed by the facets' source and status.
    public func figure(_ key: FigureKey, facets: Facets = Facets(), resolver: Resolver) -> ShownFigure? {
        ShownFigure.pick(key, rows: Self.restrict(resolver.rows(for: key), to: facets.source), resolver: resolver, status: facets.status)
    }

    /// With a source facet, only the values that source reports (no derived ones).
    public static func restrict(_ rows: [FigureRow], to source: String?) -> [FigureRow] {
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

    // MARK: Counts

    /// Every period of a granularity from the flow's first border count to its last.
    public func periods(flow: Flow, granularity: Period.Granularity) -> [Period] {
        guard let span = spans[flow] else { return [] }
        let first = span.lowerBound, last = span.upperBound
        return Period.range(.quarter(first.year, first.quarter), .quarter(last.year, last.quarter)).periods(of: granularity)
    }

    /// Every period of `granularity` from the flow's first figure to its last, each
    /// with the value shown for its total, or a gap.
    public func counts(flow: Flow, granularity: Period.Granularity, facets: Facets, resolver: Resolver) -> [CountRow] {
        periods(flow: flow, granularity: granularity).filter(facets.admits).map { period in
            // The same rows as Resolver.figures gives for the flow, one key at a time (no pass over every key).
            CountRow(period: period, figure: figure(facets.countedKey(flow: flow, period: period), facets: facets, resolver: resolver))
        }
    }

    /// Side by side: the periods of both flows, each with both values (or gaps).
    public func compared(flow: Flow, with other: Flow, granularity: Period.Granularity, facets: Facets, resolver: Resolver) -> [CountRow] {
        Self.sideBySide(counts(flow: flow, granularity: granularity, facets: facets, resolver: resolver),
                        counts(flow: other, granularity: granularity, facets: facets, resolver: resolver),
                        granularity: granularity, facets: facets)
    }

    /// Two flows' counts (`a` first, `b` second) as one side-by-side table, with no hole between
    /// their spans: a period where neither has a figure is a gap in both columns.
    public static func sideBySide(_ a: [CountRow], _ b: [CountRow], granularity: Period.Granularity, facets: Facets) -> [CountRow] {
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

    // MARK: Breakdown

    /// A breakdown's categories for one measure, with their shares of the total.
    public func breakdown(flow: Flow, period: Period, measure: Measure, facets: Facets, resolver: Resolver) -> [BreakdownRow] {
        let total = figure(FigureKey(flow: flow, period: period, measure: .total), facets: facets, resolver: resolver)
        var rows: [BreakdownRow] = []
        var categories = data.categories(of: measure)
        if measure == .estimate {
            categories = categories.filter { !data.observations(for: FigureKey(flow: flow, period: period, measure: .estimate, category: $0)).isEmpty }
        }
        if measure.isBreakdown { categories.append(notStatedCategory) }
        for c in categories {
            let key = FigureKey(flow: flow, period: period, measure: measure, category: c)
            let f = figure(key, facets: facets, resolver: resolver)
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

    // MARK: Ranking

    /// Every country's total for a period, most first; countries with no figure (a gap, never zero) last.
    public func ranking(period: Period, direction: Direction, facets: Facets = Facets(), resolver: Resolver) -> [RankRow] {
        rank(period: period, direction: direction, resolver: resolver) { key in figure(key, facets: facets, resolver: resolver) }
    }

    /// The ranking itself: each country's shown value (`figure`) and change, sorted and numbered.
    public func rank(period: Period, direction: Direction, resolver: Resolver, figure: (FigureKey) -> ShownFigure?) -> [RankRow] {
        var rows: [RankRow] = []
        for entry in countries {
            guard let flow = entry[direction] else { continue }
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

    /// Every ranking a key can ask for with no facets, in the order worth preparing them ahead:
    /// years before halves before quarters, the latest first, entries before exits.
    public func rankingsWorthPreparing() -> [(period: Period, direction: Direction)] {
        var periods: [(period: Period, direction: Direction)] = []
        for direction in Direction.allCases {
            guard let span = quarterSpan(direction) else { continue }
            let first = span.lowerBound, last = span.upperBound
            let all = Period.range(.quarter(first.year, first.quarter), .quarter(last.year, last.quarter))
            for g in [Period.Granularity.year, .half, .quarter] {
                for p in all.periods(of: g).reversed() { periods.append((p, direction)) }
            }
        }
        periods.sort { a, b in
            let ga = a.0.granularity == .year ? 0 : a.0.granularity == .half ? 1 : 2
            let gb = b.0.granularity == .year ? 0 : b.0.granularity == .half ? 1 : 2
            return (ga, -a.0.firstQuarter.value, a.1 == .entries ? 0 : 1) < (gb, -b.0.firstQuarter.value, b.1 == .entries ? 0 : 1)
        }
        return periods
    }

    /// The latest year for which some country has a figure (entries, or trips from Russia).
    public func latestYear(_ direction: Direction, resolver: Resolver) -> Period? {
        let flows = countries.compactMap { $0[direction] }
        guard let last = flows.compactMap({ spans[$0]?.upperBound.year }).max(),
              let first = flows.compactMap({ spans[$0]?.lowerBound.year }).min() else { return nil }
        for year in stride(from: last, through: first, by: -1) {
            let p = Period.year(year)
            if flows.contains(where: { spans[$0].map { $0.lowerBound.year <= year && $0.upperBound.year >= year } ?? false
                && figure(FigureKey(flow: $0, period: p, measure: .total), resolver: resolver) != nil }) {
                return p
            }
        }
        return nil
    }

    /// The first and last quarter of any border count in a direction.
    public func quarterSpan(_ direction: Direction) -> ClosedRange<QuarterIndex>? {
        var lo: QuarterIndex?, hi: QuarterIndex?
        for entry in countries {
            guard let f = entry[direction], let s = spans[f] else { continue }
            lo = min(lo ?? s.lowerBound, s.lowerBound)
            hi = max(hi ?? s.upperBound, s.upperBound)
        }
        guard let lo, let hi else { return nil }
        return lo...hi
    }

    // MARK: Picker

    /// Indices into `countries` that match what was typed, best first: the code itself, then names
    /// starting with it, then a word of the name, then anywhere in the code, name or flows.
    public func matches(_ query: String) -> [Int] {
        let q = query.lowercased().trimmingCharacters(in: .whitespaces)
        if q.isEmpty { return Array(countries.indices) }
        // Longer than every country's text: nothing matches, and nothing is compared
        // (a pasted query of thousands of characters was compared with every country on every key).
        if q.count > longestCountrySearch { return [] }
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
        return ranked.sorted { $0 < $1 }.map(\.1)
    }
}
