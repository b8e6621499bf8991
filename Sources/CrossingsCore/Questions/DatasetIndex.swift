/// What the explorer's questions look up again and again, worked out once from the dataset:
/// the flows in the order `f` cycles them, the years and tags of the facets, the picker's
/// countries and each flow's span of border counts.
///
/// A value (Sendable), never changed after `init`: the explorer, the thread that prepares
/// rankings ahead and the CLI can share one. The questions themselves are in `Queries.swift`;
/// they take a `Resolver`, which keeps its own working, and nothing here is memoised.
///
/// ```swift
/// let index = DatasetIndex(dataset)
/// let rows = index.counts(flow: index.flows[0], granularity: .year, facets: Facets(), resolver: Resolver(dataset))
/// ```
public struct DatasetIndex: Sendable {
    public let data: Dataset
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
    public let spans: [Flow: ClosedRange<QuarterIndex>]
    /// The most characters any country's search text has: a longer query matches nothing.
    let longestCountrySearch: Int

    public init(_ data: Dataset) {
        self.data = data
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
        longestCountrySearch = countries.map(\.search.count).max() ?? 0
        for e in data.events { for d in e.dates where d.start > 0 { ys.insert(d.start / 10000) } }
        years = ys.sorted()
        tags = Set(data.events.flatMap(\.tags)).sorted()
    }
}
