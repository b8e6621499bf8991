/// The rows the explorer's queries answer with (`DatasetIndex`): plain values, so they can be
/// worked out on any thread, kept in any cache, and compared in tests.

/// One line of the Counts table: a period and its total, or a gap.
public struct CountRow: Hashable, Sendable {
    public var period: Period
    /// Nil: no source gives a figure and none can be derived (a gap, never zero).
    public var figure: ShownFigure?
    /// Side by side: the second flow's value for the period (nil: a gap).
    public var compared: ShownFigure? = nil
    /// True when the row belongs to a side-by-side table (a second column, even if empty).
    public var isPair = false

    public init(period: Period, figure: ShownFigure?, compared: ShownFigure? = nil, isPair: Bool = false) {
        self.period = period
        self.figure = figure
        self.compared = compared
        self.isPair = isPair
    }
}

/// One line of a breakdown: a category of a measure (or the total, or the remainder).
public struct BreakdownRow: Hashable, Sendable {
    public var key: FigureKey
    public var label: String
    public var figure: ShownFigure?
    /// Share of the period's total, in percent, when both values are known.
    public var share: Double?
    /// True when the share comes from an approximate value.
    public var shareApproximate: Bool

    public init(key: FigureKey, label: String, figure: ShownFigure?, share: Double?, shareApproximate: Bool) {
        self.key = key
        self.label = label
        self.figure = figure
        self.share = share
        self.shareApproximate = shareApproximate
    }
}

/// One line of the ranking: a country, its total for the period, and the change on a year earlier.
public struct RankRow: Hashable, Sendable {
    /// 1 for the most; equal values share a rank; nil for a gap.
    public var rank: Int?
    public var flow: Flow
    public var code: String
    public var name: String
    /// The value shown for the flow's total in the period (the Counts rule); nil: no figure.
    public var figure: ShownFigure?
    /// On the same period a year earlier (Resolver.change); nil when either year is unknown.
    public var change: Resolver.Change?
    /// Why there is no change although both years have a value (unequal coverage, a disputed value).
    public var noChange: String? = nil
}

/// One country of the picker: its code, name, and the flows the data has for it.
public struct CountryEntry: Hashable, Sendable {
    public var code: String
    public var name: String
    /// XX-RU: its citizens entering Russia.
    public var entries: Flow?
    /// RU-XX: trips from Russia to it.
    public var exits: Flow?
    /// Lower-cased name, for the search.
    var lowerName: String
    /// Lower-cased code, name and flows: what the search matches anywhere.
    var search: String

    public init(code: String, name: String, entries: Flow?, exits: Flow?) {
        self.code = code
        self.name = name
        self.entries = entries
        self.exits = exits
        lowerName = name.lowercased()
        search = ([code, name] + [entries, exits].compactMap { $0?.description }).joined(separator: " ").lowercased()
    }

    /// Every country that has a flow in the data, sorted by name (then code).
    static func all(_ data: Dataset, flows: [Flow]) -> [CountryEntry] {
        var byCode: [String: CountryEntry] = [:]
        for flow in flows {
            let code = flow.partner
            var entry = byCode[code] ?? CountryEntry(code: code, name: data.countryName(code), entries: nil, exits: nil)
            if flow.isEntry { entry.entries = flow } else { entry.exits = flow }
            byCode[code] = entry
        }
        return byCode.values.map { CountryEntry(code: $0.code, name: $0.name, entries: $0.entries, exits: $0.exits) }.sorted { ($0.lowerName, $0.code) < ($1.lowerName, $1.code) }
    }

    /// The flow Enter takes: the one asked for, else the one there is.
    public func flow(_ direction: Direction) -> Flow? {
        self[direction] ?? self[direction.reversed]
    }
}
