/// Which figures to list: the `crossings figures` question.
public struct FigureQuery: Sendable {
    public var flows: [Flow]?
    public var from: Period?
    public var to: Period?
    /// List every period of this granularity (with derived values where possible);
    /// nil lists every period with a value: the periods the sources report (ranges too), and every
    /// quarter, half and year of the span with a derived value, so that the default listing holds
    /// every row `--by quarter`, `--by half` and `--by year` give (a quarter found by difference too).
    public var granularity: Period.Granularity?
    public var measures: Set<Measure>?

    public init(flows: [Flow]? = nil, from: Period? = nil, to: Period? = nil,
                granularity: Period.Granularity? = nil, measures: Set<Measure>? = nil) {
        self.flows = flows
        self.from = from
        self.to = to
        self.granularity = granularity
        self.measures = measures
    }

    func admits(_ period: Period) -> Bool {
        if let from, period.firstQuarter < from.firstQuarter { return false }
        if let to, period.lastQuarter > to.lastQuarter { return false }
        if let granularity, period.granularity != granularity { return false }
        return true
    }
}

/// One line of figures: one reported value (with every source that gives it),
/// one derived value (with its formula), or one erratum. Never two of these.
public struct FigureRow: Hashable, Sendable {
    public enum Status: String, Sendable {
        case reported, derived
        /// Printed by a source but recorded as wrong (`errata.csv`): shown, never used.
        case erratum
        /// Printed for only part of the period, beside values for all of it: shown, never compared.
        case partial

        /// Errata and partial values: listed with the key, never its figure, an alternative or a term.
        public var isSetAside: Bool { self == .erratum || self == .partial }
    }

    public var key: FigureKey
    public var value: ReportedValue
    public var status: Status
    /// Reporting observations (empty for derived rows).
    public var observations: [Observation]
    public var derivation: Derivation?
    /// Whether the key's values can all be true together (Resolver: not marked).
    public var keyAgrees: Bool
    /// Why the key is marked, in words; empty when it agrees.
    public var disputes: [String] = []
    /// What a reader should know although the key is not marked (Resolver.Resolution.notes).
    public var notes: [String] = []

    /// Source ids that report this value; empty for derived rows (see `derivation`).
    public var sourceIDs: [String] { uniqued(observations.map(\.sourceID)) }
}

extension Resolver {
    /// Every row that answers the query, sorted by flow, period, measure and category.
    public func figures(_ query: FigureQuery) -> [FigureRow] {
        let measures = query.measures ?? Set(Measure.allCases)
        let flows = query.flows ?? data.flows
        var keys = Set<FigureKey>()
        // Periods to try deriving, per flow.
        for flow in flows {
            let flowKeys = data.keys(of: flow)
            for key in flowKeys where measures.contains(key.measure) && query.admits(key.period) { keys.insert(key) }
            let reported = flowKeys.filter { !$0.period.isRange }.map(\.period)
            guard let first = reported.map(\.firstQuarter).min(), let last = reported.map(\.lastQuarter).max() else { continue }
            let span = Period.range(.quarter(first.year, first.quarter), .quarter(last.year, last.quarter))
            var periods: [Period]
            if let g = query.granularity, g != .range {
                periods = span.periods(of: g)
            } else if query.granularity == nil {
                // Every quarter, half and year: a key with no reported or derived value gives no row.
                periods = Array(Set(reported + span.periods(of: .year) + span.periods(of: .half) + span.periods(of: .quarter)))
            } else {
                periods = []
            }
            periods = periods.filter(query.admits)
            for period in periods {
                for measure in measures {
                    switch measure {
                    case .total: keys.insert(FigureKey(flow: flow, period: period, measure: .total))
                    case .purpose, .transport:
                        for c in data.categories(of: measure) { keys.insert(FigureKey(flow: flow, period: period, measure: measure, category: c)) }
                        keys.insert(FigureKey(flow: flow, period: period, measure: measure, category: notStatedCategory))
                    case .estimate, .annualAverage: break
                    }
                }
            }
        }
        return keys.sorted().flatMap { rows(for: $0) }
    }

    /// The reported values of one key (one row per distinct value), then its derived values
    /// (the primary first), then its errata.
    public func rows(for key: FigureKey) -> [FigureRow] {
        if let rows = rowCache[key] { return rows }
        let rows = uncachedRows(for: key)
        rowCache[key] = rows
        return rows
    }

    func uncachedRows(for key: FigureKey) -> [FigureRow] {
        let r = resolution(key)
        let agrees = !r.marked
        var rows: [FigureRow] = []
        for (value, obs) in Resolver.groupByValue(r.readings) {
            rows.append(FigureRow(key: key, value: value, status: .reported, observations: obs, derivation: nil,
                                  keyAgrees: agrees, disputes: r.reasons, notes: r.notes))
        }
        // A negative remainder means the stated categories exceed the total: the validator reports it; no row here.
        for d in r.derivations where !(d.kind == .residual && d.value < 0) {
            rows.append(FigureRow(key: key, value: ReportedValue(value: d.value), status: .derived, observations: [],
                                  derivation: d, keyAgrees: agrees, disputes: r.reasons, notes: r.notes))
        }
        for (value, obs) in Resolver.groupByValue(r.partial) {
            rows.append(FigureRow(key: key, value: value, status: .partial, observations: obs, derivation: nil,
                                  keyAgrees: agrees, disputes: r.reasons, notes: r.notes))
        }
        for (value, obs) in Resolver.groupByValue(r.errata) {
            rows.append(FigureRow(key: key, value: value, status: .erratum, observations: obs, derivation: nil,
                                  keyAgrees: agrees, disputes: r.reasons, notes: r.notes))
        }
        return rows
    }

    /// One reading per distinct value as shown (number and hedge: "about 21,000" and a round "21,000" are
    /// both `~21,000`; "over 13,220" and "at least 13,220" are not), whichever kind of source gives it, in file order.
    static func groupByValue(_ obs: [Observation]) -> [(ReportedValue, [Observation])] {
        // Found through a table, not by searching the groups: a key may have thousands of distinct values.
        struct Shown: Hashable { var value: Int; var high: Int?; var display: String }
        var groups: [(ReportedValue, [Observation])] = []
        var index: [Shown: Int] = [:]
        for o in obs {
            let r = o.reported
            let shown = Shown(value: r.value, high: r.high, display: r.display)
            if let i = index[shown] {
                groups[i].1.append(o)
                if r.tabulated && !groups[i].0.tabulated {
                    // A group is matched by how its first reading, once marked tabulated, shows (as when the
                    // groups were searched): a round prose "10,000" (~10,000) joined by a dataset's "about
                    // 10,000" shows 10,000 from then on.
                    groups[i].0.tabulated = true
                    let now = Shown(value: r.value, high: r.high, display: groups[i].0.display)
                    if now != shown {
                        if index[shown] == i { index[shown] = nil }
                        index[now] = min(index[now] ?? i, i)
                    }
                }
            } else {
                index[shown] = groups.count
                groups.append((r, [o]))
            }
        }
        return groups
    }
}
