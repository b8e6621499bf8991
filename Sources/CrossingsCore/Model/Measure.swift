/// What a number counts: all crossings, crossings by purpose or by mode of
/// transport, a non-FSB estimate, or a per-year average over a range.
public enum Measure: String, CaseIterable, Sendable, Hashable, Comparable {
    case total
    case purpose
    case transport
    case estimate
    case annualAverage = "annual-average"

    /// Whether a category is required (breakdowns and estimates) or forbidden.
    public var hasCategories: Bool { self == .purpose || self == .transport || self == .estimate }

    /// FSB breakdowns are complete: their categories add up to the total.
    public var isBreakdown: Bool { self == .purpose || self == .transport }

    public static func < (a: Measure, b: Measure) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The fixed categories of the two FSB breakdowns, in display order.
    public var fixedCategories: [String] {
        switch self {
        case .purpose: ["official", "business", "tourism", "private", "study", "work", "transit", "residence", "service"]
        case .transport: ["air", "rail", "road", "sea", "foot"]
        default: []
        }
    }
}

/// The pseudo-category of a breakdown's remainder: total minus the stated categories.
public let notStatedCategory = "not-broken-out"

/// How a source hedged its number.
public enum Qualifier: String, CaseIterable, Sendable, Hashable {
    case exact
    case about
    case atLeast = "at-least"
    case atMost = "at-most"
    case range

    /// A short mark for tables: `~13,000`, `>=13,220`.
    public var mark: String {
        switch self {
        case .exact, .range: ""
        case .about: "~"
        case .atLeast: ">="
        case .atMost: "<="
        }
    }
}

/// What one row of figures is about: flow, period, measure and category.
public struct FigureKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var flow: Flow
    public var period: Period
    public var measure: Measure
    /// Empty for `total` and `annual-average`.
    public var category: String

    public init(flow: Flow, period: Period, measure: Measure, category: String = "") {
        self.flow = flow
        self.period = period
        self.measure = measure
        self.category = category
    }

    public func with(period: Period) -> FigureKey { FigureKey(flow: flow, period: period, measure: measure, category: category) }
    public func with(measure: Measure, category: String) -> FigureKey { FigureKey(flow: flow, period: period, measure: measure, category: category) }

    /// `KP-RU 2024 purpose/study`
    public var description: String {
        "\(flow) \(period) \(measureLabel)"
    }

    public var measureLabel: String { category.isEmpty ? measure.rawValue : "\(measure.rawValue)/\(category)" }

    public static func < (a: FigureKey, b: FigureKey) -> Bool {
        if a.flow != b.flow { return a.flow < b.flow }
        if a.period != b.period { return a.period < b.period }
        if a.measure != b.measure { return a.measure < b.measure }
        return categoryRank(a) < categoryRank(b)
    }

    private static func categoryRank(_ k: FigureKey) -> (Int, String) {
        if k.category == notStatedCategory { return (99, k.category) }
        return (k.measure.fixedCategories.firstIndex(of: k.category) ?? 50, k.category)
    }
}
