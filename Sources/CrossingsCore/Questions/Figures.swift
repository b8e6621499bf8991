/// Which figures to list: the `crossings figures` question.
public struct FigureQuery: Sendable {
    public var flows: [Flow]?
    public var from: Period?
    public var to: Period?
    /// List every period of this granularity (with derived values where possible);
    /// nil lists the periods the sources report, plus the years they fall in.
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
/// or one derived value (with its formula). Never both.
public struct FigureRow: Hashable, Sendable {
    public enum Status: String, Sendable { case reported, derived }

    public var key: FigureKey
    public var value: ReportedValue
    public var status: Status
    /// Reporting observations (empty for derived rows).
    public var observations: [Observation]
    public var derivation: Derivation?
    /// Whether all the values given for this key agree (reported and derived alike).
    public var keyAgrees: Bool

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
                periods = Array(Set(reported + span.periods(of: .year)))
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

    /// The reported values of one key (one row per distinct value), then its derived value.
    public func rows(for key: FigureKey) -> [FigureRow] {
        var rows: [FigureRow] = []
        var groups: [(ReportedValue, [Observation])] = []
        for o in data.observations(for: key) {
            // One row per distinct value, whichever kind of source gives it.
            let r = ReportedValue(value: o.value, high: o.high, qualifier: o.qualifier, tabulated: o.tabulated)
            if let i = groups.firstIndex(where: { $0.0.value == r.value && $0.0.high == r.high && $0.0.qualifier == r.qualifier }) {
                groups[i].1.append(o)
                if r.tabulated { groups[i].0.tabulated = true }
            } else {
                groups.append((r, [o]))
            }
        }
        // A negative remainder means the stated categories exceed the total: the validator reports it; no row here.
        let derivation = key.category == notStatedCategory
            ? notStated(flow: key.flow, period: key.period, measure: key.measure).flatMap { $0.value >= 0 ? $0 : nil }
            : derive(key)
        var readings = groups.map { g in
            ReportedValue(value: g.0.value, high: g.0.high, qualifier: g.0.qualifier, printed: g.1[0].printed, tabulated: g.0.tabulated)
        }
        if let derivation { readings.append(ReportedValue(value: derivation.value)) }
        let agrees = readings.allSatisfy { a in readings.allSatisfy { a.agrees(with: $0) } }
        for (value, obs) in groups {
            var v = value
            v.printed = obs[0].printed
            rows.append(FigureRow(key: key, value: v, status: .reported, observations: obs, derivation: nil, keyAgrees: agrees))
        }
        if let derivation {
            rows.append(FigureRow(key: key, value: ReportedValue(value: derivation.value), status: .derived,
                                  observations: [], derivation: derivation, keyAgrees: agrees))
        }
        return rows
    }
}
