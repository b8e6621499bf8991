/// The one value a table shows for a key, and what stands behind it.
///
/// The rule: the reported consensus (one precise value every source agrees
/// with), else the derived value, else the reported value most sources give.
/// The other values for the key are counted as alternatives and are all on
/// the citations page. It lives beside the resolver so that the explorer, the
/// ranking worked out ahead and the CLI all show the same value for a key.
public struct ShownFigure: Hashable, Sendable {
    public var key: FigureKey
    /// The value shown; its `display` carries ~, >= or a range.
    public var value: ReportedValue
    public var isDerived: Bool
    /// Every row the core gives for the key (reported values, then the derived one).
    public var rows: [FigureRow]
    /// False when the key's values (reported and derived) do not all agree.
    public var agrees: Bool
    /// Distinct sources behind the value shown: for a reported value those reporting the key, for a
    /// derived value those behind its parts (whatever reported values stand beside it).
    public var sourceCount: Int
    /// Those sources' ids, sorted: who says so, in an export's `source_ids` column.
    public var sourceIDs: [String] = []
    /// How many other values exist for the key.
    public var alternatives: Int
    /// Quarters of data the shown value covers, when fewer than its period has (RU-KP 2021: 2 of 4).
    public var partialQuarters: Int? = nil

    public init(key: FigureKey, value: ReportedValue, isDerived: Bool, rows: [FigureRow], agrees: Bool,
                sourceCount: Int, alternatives: Int, partialQuarters: Int? = nil) {
        self.key = key
        self.value = value
        self.isDerived = isDerived
        self.rows = rows
        self.agrees = agrees
        self.sourceCount = sourceCount
        self.alternatives = alternatives
        self.partialQuarters = partialQuarters
    }

    /// The one-cell mark after the value: `*` derived, `p` part of the period only.
    public var slotMark: String { isDerived ? "*" : partialQuarters != nil ? "p" : " " }

    /// `13,221`, `~5,500`, `~6.62 million`, `6,031*`
    public var display: String { value.display + (isDerived ? "*" : "") }

    /// Picks the shown value among a key's rows (`resolver.rows(for: key)`, maybe narrowed to a
    /// source); nil when there are none, or none of the status asked for.
    public static func pick(_ key: FigureKey, rows: [FigureRow], resolver: Resolver, status: StatusFacet = .all) -> ShownFigure? {
        // An erratum is shown on the citations page with its reason, never as the figure or an alternative.
        var rows = rows.filter { !$0.status.isSetAside }
        switch status {
        case .all: break
        case .reportedOnly: rows = rows.filter { $0.status == .reported }
        case .derivedOnly: rows = rows.filter { $0.status == .derived }
        }
        guard !rows.isEmpty else { return nil }
        let reported = rows.filter { $0.status == .reported }
        let derived = rows.first { $0.status == .derived }
        var chosen: FigureRow?
        if !reported.isEmpty, let c = resolver.consensus(key) {
            chosen = reported.first { $0.value.qualifier == .exact && $0.value.high == nil && $0.value.value == c.value }
        }
        if chosen == nil { chosen = derived }
        if chosen == nil {
            // The value most sources give; the first in file order on a tie.
            for r in reported where chosen.map({ r.observations.count > $0.observations.count }) ?? true { chosen = r }
        }
        guard let shown = chosen else { return nil }
        // One rule under every status facet: a derived value shown counts the sources behind its parts
        // (not those of the reported values beside it, which "reported only" would drop), a reported
        // value those reporting the key. So the same number has the same Src however it is filtered.
        var sources = Set(reported.flatMap { $0.observations.map(\.sourceID) })
        if shown.status == .derived, let d = shown.derivation { sources = Set(d.sourceIDs) }
        var partial: Int?
        if shown.status == .derived || shown.value.isPrecise {
            partial = resolver.partialCoverage(key)
        } else {
            partial = shown.observations.compactMap { resolver.data.coverage(ofObservation: $0.id)?.quarters }.min()
        }
        var figure = ShownFigure(key: key, value: shown.value, isDerived: shown.status == .derived, rows: rows,
                                 agrees: rows.first?.keyAgrees ?? true, sourceCount: sources.count,
                                 alternatives: rows.count - 1, partialQuarters: partial)
        figure.sourceIDs = sources.sorted()
        return figure
    }
}

/// Which values the tables show: all, only those a source printed, or only derived ones.
public enum StatusFacet: String, CaseIterable, Sendable, Hashable {
    case all
    case reportedOnly = "reported only"
    case derivedOnly = "derived only"
}
