/// Filters that apply across views (where they make sense), always shown in the status line.
public struct Facets: Hashable, Sendable {
    public var fromYear: Int?
    public var toYear: Int?
    /// Timeline: only events with this tag.
    public var tag: String?
    /// Only figures, events and sources from this source.
    public var source: String?
    /// Breakdown and source pages: only this measure.
    public var measure: Measure?
    /// Counts: this category's series (`purpose/study`, a key's `measureLabel`) instead of the total.
    public var category: String?
    public var status: StatusFacet = .all

    public init() {}

    public var isEmpty: Bool { self == Facets() }

    /// The key Counts shows for a flow and period: the total, or with a category facet
    /// (`purpose/study`) that category's figure.
    public func countedKey(flow: Flow, period: Period) -> FigureKey {
        if let category, let slash = category.firstIndex(of: "/"), let measure = Measure(rawValue: String(category[..<slash])) {
            return FigureKey(flow: flow, period: period, measure: measure, category: String(category[category.index(after: slash)...]))
        }
        return FigureKey(flow: flow, period: period, measure: .total)
    }

    public func admits(year: Int) -> Bool {
        if let fromYear, year < fromYear { return false }
        if let toYear, year > toYear { return false }
        return true
    }

    public func admits(_ period: Period) -> Bool {
        if let fromYear, period.lastQuarter.year < fromYear { return false }
        if let toYear, period.firstQuarter.year > toYear { return false }
        return true
    }

    /// `years 2023–2025 · tag military · reported only`
    public var summary: String {
        var parts: [String] = []
        switch (fromYear, toYear) {
        case let (a?, b?): parts.append(a == b ? "year \(a)" : "years \(a)–\(b)")
        case let (a?, nil): parts.append("from \(a)")
        case let (nil, b?): parts.append("to \(b)")
        default: break
        }
        if let tag { parts.append("tag \(tag)") }
        if let source { parts.append("source \(source)") }
        if let measure { parts.append("measure \(measure.rawValue)") }
        if let category { parts.append(category) }
        if status != .all { parts.append(status.rawValue) }
        return parts.joined(separator: " · ")
    }
}
