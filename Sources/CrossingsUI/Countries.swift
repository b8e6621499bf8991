import CrossingsCore

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

    /// Every country that has a flow in the data, sorted by name (then code).
    static func all(_ data: Dataset, flows: [Flow]) -> [CountryEntry] {
        var byCode: [String: CountryEntry] = [:]
        for flow in flows {
            let code = flow.partner
            var entry = byCode[code] ?? CountryEntry(code: code, name: data.countryName(code), entries: nil, exits: nil, lowerName: "", search: "")
            if flow.isEntry { entry.entries = flow } else { entry.exits = flow }
            byCode[code] = entry
        }
        return byCode.values.map { e in
            var e = e
            e.lowerName = e.name.lowercased()
            e.search = ([e.code, e.name] + [e.entries, e.exits].compactMap { $0?.description }).joined(separator: " ").lowercased()
            return e
        }.sorted { ($0.lowerName, $0.code) < ($1.lowerName, $1.code) }
    }

    /// The flow Enter takes: the one asked for, else the one there is.
    func flow(exits wantExits: Bool) -> Flow? {
        wantExits ? (exits ?? entries) : (entries ?? exits)
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

extension Period {
    /// The period of the same granularity `steps` later (earlier when negative); ranges stay.
    func shifted(by steps: Int) -> Period {
        switch self {
        case .quarter(let y, let q):
            let i = QuarterIndex(y, q).value + steps
            let qi = QuarterIndex(i / 4, i % 4 + 1)
            return .quarter(qi.year, qi.quarter)
        case .half(let y, let h):
            let i = y * 2 + h - 1 + steps
            return .half(i / 2, i % 2 + 1)
        case .year(let y): return .year(y + steps)
        default: return self
        }
    }

    /// The period of a granularity that holds this one's last quarter.
    func converted(to granularity: Granularity) -> Period {
        let last = lastQuarter
        switch granularity {
        case .quarter: return .quarter(last.year, last.quarter)
        case .half: return .half(last.year, (last.quarter + 1) / 2)
        default: return .year(last.year)
        }
    }
}
