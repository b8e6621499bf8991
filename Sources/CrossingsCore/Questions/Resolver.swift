/// Works out numbers the sources do not print — wholes from complete parts,
/// missing parts by difference, the remainder a breakdown does not break out,
/// year-on-year change — and decides, once per key, whether the values shown
/// for it can all be true together.
///
/// One consistent answer per key (docs/rules.md, "One answer per key"):
/// - Every period level is worked out from the same choice of parts: a year
///   from its halves, a half from its quarters, a total from its complete
///   breakdowns. A part contributes its *primary* value: the reported
///   consensus, else its own sum of parts. So the shown quarters add up to the
///   shown halves, and those to the shown year, wherever none is marked.
/// - A key is **marked** (`!`, `agrees == false`) when its own values disagree
///   (sources, or sources against the sum of its parts), when it is a part of
///   a whole whose parts do not add up to it, or when its value is worked out
///   from a marked part. A marked derived value lists every candidate result.
/// - A difference is only for a part no source gives precisely; it takes a
///   reported whole, and never feeds another derivation.
///
/// Relations never cross a calendar year, so keys are resolved a (flow, year)
/// block at a time: deterministic whatever order the questions come in.
///
/// ```swift
/// let resolver = Resolver(data)
/// resolver.derive(FigureKey(flow: kpru, period: .year(2019), measure: .total))?.value   // 21,481
/// resolver.resolution(FigureKey(flow: kpru, period: .half(2023, 1), measure: .total)).marked   // true: 370 vs 153 + 213
/// ```
public final class Resolver {
    public let data: Dataset
    /// Resolved blocks, one table per flow (a single table for a large package would
    /// rehash hundreds of thousands of entries each time it doubles).
    private var blocks: [Flow: [Int: Block]] = [:]
    private var singles: [FigureKey: Resolution] = [:]
    /// `rows(for:)` of each key asked: a draft asks about the same few keys again and again.
    var rowCache: [FigureKey: [FigureRow]] = [:]

    /// Whether years whose sources give only leaves are worked out key by key (the default; the
    /// same answers as a whole block, which tests check by turning it off).
    let lazyLeaves: Bool

    /// Bytes the worked-out keys of blocks and simple years may hold (`MemoryEstimate`), at most:
    /// past it, the flows least recently worked on are forgotten (worked out again if asked).
    public let budget: Int
    /// What a resolver keeps by default: a few years of every flow of the all-countries import,
    /// all of a small package.
    public static let defaultBudget = 48 << 20

    public init(_ data: Dataset, budget: Int = Resolver.defaultBudget) {
        self.data = data
        lazyLeaves = true
        self.budget = budget
    }

    init(_ data: Dataset, lazyLeaves: Bool, budget: Int = Resolver.defaultBudget) {
        self.data = data
        self.lazyLeaves = lazyLeaves
        self.budget = budget
    }

    /// A value usable in arithmetic, and how it is known.
    public struct Resolved: Hashable, Sendable {
        public var value: Int
        public var observations: [Observation]
        public var derivation: Derivation?
        public var isDerived: Bool { derivation != nil }

        public init(value: Int, observations: [Observation], derivation: Derivation?) {
            self.value = value
            self.observations = observations
            self.derivation = derivation
        }

        func term(_ key: FigureKey, sign: Int) -> Derivation.Term {
            Derivation.Term(sign: sign, key: key, value: value, observations: observations, derivation: derivation)
        }
    }

    /// Everything the resolver concludes about one key.
    public struct Resolution: Hashable, Sendable {
        public var key: FigureKey
        /// Observations that count (errata left out), in file order.
        public var readings: [Observation]
        /// Observations kept as printed but recorded as wrong (`errata.csv`).
        public var errata: [Observation]
        /// Readings that cover only part of the period (`coverage.csv`) where others cover all of it:
        /// shown, never compared with or added to the whole-period values.
        public var partial: [Observation] = []
        /// Quarters covered when every reading covers only part of the period (nil: the whole period).
        /// Such a value is shown with its coverage, but is never the whole of a difference nor
        /// compared with its parts.
        public var readingsCover: Int? = nil
        /// The one precise value every reading agrees with.
        public var consensus: Resolved?
        /// The value used in arithmetic and shown first: the consensus, else the sum of parts,
        /// else (for a part no source gives precisely) the difference.
        public var primary: Resolved?
        /// Worked-out values, distinct by value, the primary's first when it is derived.
        public var derivations: [Derivation]
        /// True when the values shown for the key cannot all be true together, or rest on ones that cannot.
        public var marked: Bool
        /// Why the key is marked, in words (`2023-H1 is reported as 370 (NK News), but its parts add up to 366 (…)`).
        public var reasons: [String]

        /// Wholes whose parts do not add up to them, of which this key is a part (marks of that kind only).
        var markedAsPartOf: Set<FigureKey> = []
        /// Marked for a reason of its own (its values, or what it is worked out from).
        var markedOtherwise = false
        /// What a reader should know although the key is not marked: a reported year whose four
        /// reported quarters add up to something else, where a marked half explains the gap.
        public var notes: [String] = []
        /// Reasons found only by comparing shown values (a part more than its whole): the validator lists them.
        public internal(set) var consistencyReasons: [String] = []

        mutating func mark(_ why: String, asPartOf whole: FigureKey? = nil) {
            marked = true
            if let whole { markedAsPartOf.insert(whole) } else { markedOtherwise = true }
            if !reasons.contains(why) { reasons.append(why) }
        }

        /// Every distinct value the key could take: precise readings, then derived values.
        var alternatives: [Resolved] {
            var out: [Resolved] = []
            var values = Set<Int>()
            if let p = primary { out.append(p); values.insert(p.value) }
            for group in Resolver.groupPrecise(readings) where values.insert(group.value).inserted { out.append(group) }
            for d in derivations where values.insert(d.value).inserted {
                out.append(Resolved(value: d.value, observations: [], derivation: d))
            }
            return out
        }
    }

    /// One calendar year of one flow: every period and category that can be related.
    final class Block {
        var table: [FigureKey: Resolution] = [:]
    }

    // MARK: Public questions

    /// Everything known about a key.
    public func resolution(_ key: FigureKey) -> Resolution {
        if let year = Resolver.blockYear(key) {
            if lazyLeaves, let measure = simpleYear(flow: key.flow, year: year) { return leaf(key, measure: measure) }
            if let r = block(flow: key.flow, year: year).table[key] { return r }
            // A category outside the block's list (none in a valid package): its readings alone.
            return single(key)
        }
        return single(key)
    }

    /// The one precise value that every source for the key agrees with, if there is one.
    public func consensus(_ key: FigureKey) -> Resolved? { resolution(key).consensus }

    /// Reported consensus, else a sum of complete parts: the value a whole is built from.
    public func composed(_ key: FigureKey) -> Resolved? {
        let r = resolution(key)
        if let p = r.primary, p.derivation?.kind != .difference { return p }
        return nil
    }

    /// The key as a sum of complete parts (its halves or quarters, or a complete breakdown).
    public func compose(_ key: FigureKey) -> Derivation? {
        resolution(key).derivations.first { $0.kind == .rollUp || $0.kind == .breakdown }
    }

    /// The key worked out from other figures: a sum of parts, or else a difference.
    public func derive(_ key: FigureKey) -> Derivation? {
        let r = resolution(key)
        if let d = r.primary?.derivation { return d }
        return r.derivations.first
    }

    /// A part as its whole minus its siblings (only for a part no source gives precisely).
    public func difference(_ key: FigureKey) -> Derivation? {
        resolution(key).derivations.first { $0.kind == .difference }
    }

    /// What a breakdown leaves unbroken: the total minus the categories that are known.
    /// Nil when no category is known, when every category is, or when the total or a
    /// stated category has no single precise value or is marked.
    public func notStated(flow: Flow, period: Period, measure: Measure) -> Derivation? {
        guard measure.isBreakdown else { return nil }
        return resolution(FigureKey(flow: flow, period: period, measure: measure, category: notStatedCategory)).primary?.derivation
    }

    /// Stated categories that add up to more than their total, whatever else is marked: the
    /// total minus the categories, below zero; nil when they fit (or cannot be added up).
    public func statedExcess(flow: Flow, period: Period, measure: Measure) -> Derivation? {
        guard measure.isBreakdown else { return nil }
        let totalKey = FigureKey(flow: flow, period: period, measure: .total)
        guard let total = resolution(totalKey).primary else { return nil }
        var terms = [total.term(totalKey, sign: 1)]
        for c in data.categories(of: measure) {
            let k = totalKey.with(measure: measure, category: c)
            if let v = resolution(k).consensus { terms.append(v.term(k, sign: -1)) }
        }
        let value = terms.reduce(0) { $0 + $1.sign * $1.value }
        guard terms.count > 1, value < 0 else { return nil }
        return Derivation(key: totalKey.with(measure: measure, category: notStatedCategory), kind: .residual, value: value, terms: terms)
    }

    /// The best precise value for a key: reported consensus, else derived.
    public func best(_ key: FigureKey) -> Resolved? { resolution(key).primary }

    // MARK: Change on a year earlier

    /// Change on the same period a year earlier.
    public struct Change: Hashable, Sendable {
        public var current: Resolved
        public var previous: Resolved
        public var previousKey: FigureKey
        /// How many quarters of data both values cover, when less than the whole period.
        public var partialCoverage: Int? = nil
        public var difference: Int { current.value - previous.value }
        /// Percent change; nil when the earlier value is zero.
        public var percent: Double? { previous.value == 0 ? nil : Double(difference) * 100 / Double(previous.value) }
        public var isDerived: Bool { current.isDerived || previous.isDerived }

        public init(current: Resolved, previous: Resolved, previousKey: FigureKey, partialCoverage: Int? = nil) {
            self.current = current
            self.previous = previous
            self.previousKey = previousKey
            self.partialCoverage = partialCoverage
        }

        /// `+151.7%`, `-12.0%`, or `new` from zero.
        public var display: String {
            guard let p = percent else { return current.value == 0 ? "0" : "new" }
            let rounded = (p * 10).rounded() / 10
            return (rounded > 0 ? "+" : "") + String(format: "%.1f%%", rounded)
        }
    }

    /// The change, or why there is none.
    public enum ChangeAnswer: Hashable, Sendable {
        case change(Change)
        /// No change can be given like for like; the reason is said in words.
        case none(reason: String)
        /// Nothing to compare (no value now or a year earlier).
        case unknown

        public var change: Change? { if case .change(let c) = self { c } else { nil } }
        public var reason: String? { if case .none(let r) = self { r } else { nil } }
    }

    public func change(_ key: FigureKey) -> Change? { changeAnswer(key).change }

    /// Change between equal coverage of undisputed values; otherwise the reason there is none.
    public func changeAnswer(_ key: FigureKey) -> ChangeAnswer {
        // A remainder covers different categories from one period to the next: no like-for-like change.
        guard !key.period.isRange, key.category != notStatedCategory else { return .unknown }
        let now = resolution(key)
        let earlier = key.with(period: key.period.yearEarlier)
        let before = resolution(earlier)
        // Only approximate values (no precise one to compute with): say so, rather than nothing.
        if now.primary == nil || before.primary == nil {
            let approximate = [(now, key.period), (before, earlier.period)].first { $0.0.primary == nil && !$0.0.readings.isEmpty }
            let other = now.primary != nil || !now.readings.isEmpty
            let previousKnown = before.primary != nil || !before.readings.isEmpty
            if let approximate, other, previousKnown {
                let values = Resolver.valueList(approximate.0.readings)
                return .none(reason: approximate.0.marked ? "\(approximate.1) is disputed (\(values))"
                                                          : "\(approximate.1) has no precise value (only \(values))")
            }
            return .unknown
        }
        let current = now.primary!, previous = before.primary!
        if now.marked { return .none(reason: "\(key.period) is disputed") }
        if before.marked { return .none(reason: "\(earlier.period) is disputed") }
        let full = key.period.quarterCount
        let a = coverage(of: current, key: key), b = coverage(of: previous, key: earlier)
        guard let a, let b else { return .none(reason: "coverage of \(a == nil ? key.period : earlier.period) not known") }
        if a != b {
            let partial = a < full ? (key.period, a) : (earlier.period, b)
            return .none(reason: "\(partial.0) covers \(partial.1) of \(full) quarters")
        }
        if a < full, current.isDerived || previous.isDerived {
            // A sum of parts knows which quarters it lacks, a printed figure does not: not like for like.
            return .none(reason: "\(key.period) and \(earlier.period) cover \(a) of \(full) quarters each, perhaps not the same ones")
        }
        return .change(Change(current: current, previous: previous, previousKey: earlier, partialCoverage: a < full ? a : nil))
    }

    /// How many quarters of its period a value covers: the whole period unless `coverage.csv`
    /// says less for the observations it rests on; a sum covers what its parts cover.
    public func coverage(of value: Resolved, key: FigureKey) -> Int? {
        // Most packages say of no value that it covers part of its period.
        guard data.hasCoverage else { return key.period.quarterCount }
        if let d = value.derivation {
            switch d.kind {
            case .rollUp:
                var total = 0
                for t in d.terms {
                    guard let c = coverage(of: Resolved(value: t.value, observations: t.observations, derivation: t.derivation), key: t.key) else { return nil }
                    total += c
                }
                return total
            case .breakdown, .difference, .residual:
                // Every term covers the same stretch; a term that covers less limits the result.
                var least = key.period.quarterCount
                for t in d.terms {
                    guard let c = coverage(of: Resolved(value: t.value, observations: t.observations, derivation: t.derivation), key: t.key) else { return nil }
                    guard c < t.key.period.quarterCount else { continue }
                    // A partial term of the same period limits the result; of another period, it is not known how.
                    guard t.key.period == key.period else { return nil }
                    least = min(least, c)
                }
                return least
            }
        }
        let partial = value.observations.compactMap { data.coverage(ofObservation: $0.id)?.quarters }
        return partial.min() ?? key.period.quarterCount
    }

    /// The coverage of a key's shown value when it is less than its period (nil: the whole period).
    public func partialCoverage(_ key: FigureKey) -> Int? {
        guard data.hasCoverage else { return nil }
        guard let p = resolution(key).primary ?? resolution(key).readings.first.map({ Resolved(value: $0.value, observations: [$0], derivation: nil) }),
              let c = coverage(of: p, key: key), c < key.period.quarterCount else { return nil }
        return c
    }

    // MARK: Blocks

    static func blockYear(_ key: FigureKey) -> Int? {
        guard !key.period.isRange, key.measure != .estimate, key.measure != .annualAverage else { return nil }
        return key.period.year
    }

    private func single(_ key: FigureKey) -> Resolution {
        if let r = singles[key] { return r }
        let r = readingsOnly(key)
        singles[key] = r
        return r
    }

    private func readingsOnly(_ key: FigureKey) -> Resolution {
        // Most keys asked of a large import have no observation (totals, halves, years): no copies.
        guard data.observations.count(for: key) > 0 else {
            return Resolution(key: key, readings: [], errata: [], partial: [], consensus: nil, primary: nil, derivations: [], marked: false, reasons: [])
        }
        var (readings, errata) = split(data.observations(for: key))
        var partial: [Observation] = []
        if data.hasCoverage {
            let whole = readings.filter { data.coverage(ofObservation: $0.id) == nil }
            if !whole.isEmpty && whole.count < readings.count {
                partial = readings.filter { data.coverage(ofObservation: $0.id) != nil }
                readings = whole
            }
        }
        let consensus = Resolver.consensus(of: readings)
        var r = Resolution(key: key, readings: readings, errata: errata, partial: partial, consensus: consensus, primary: consensus,
                           derivations: [], marked: false, reasons: [])
        if data.hasCoverage, partial.isEmpty, !readings.isEmpty {
            let covers = readings.map { data.coverage(ofObservation: $0.id)?.quarters }
            if covers.allSatisfy({ $0 != nil }) { r.readingsCover = covers.compactMap { $0 }.min() }
        }
        if !Resolver.allAgree(readings.map(\.reported)) {
            r.mark("\(key.period): sources disagree (\(Resolver.valueList(readings)))")
        }
        return r
    }

    private func split(_ obs: [Observation]) -> ([Observation], [Observation]) {
        guard data.hasErrata else { return (obs, []) }
        var readings: [Observation] = [], errata: [Observation] = []
        for o in obs { if data.erratum(forObservation: o.id) == nil { readings.append(o) } else { errata.append(o) } }
        return (readings, errata)
    }

    /// Years of flows whose blocks and worked-out keys are kept: at most `keptYears` of them and
    /// `budget` bytes in all, so browsing every country of a large import stays bounded (issue 11).
    /// When either is passed, the years least recently worked on go until a quarter of the budget
    /// is free. A year at a time, not a flow: a ranking goes through every flow for one year and
    /// the year before it, and the next ranking (`<`) asks for that year before again. (What each
    /// year of a flow holds, `yearShapes`, is small and kept for every flow.)
    struct FlowYear: Hashable { var flow: Flow; var year: Int }
    private var yearUse: [FlowYear: UInt64] = [:]
    private var yearBytes: [FlowYear: Int] = [:]
    private var useClock: UInt64 = 0
    /// Estimated bytes of every block and simple-year key kept now.
    public private(set) var keptBytes = 0
    static let keptYears = 16_384
    /// Flows with something kept now (tests).
    var keptFlowCount: Int { Set(yearUse.keys.map(\.flow)).count }
    /// Years of flows kept now (tests).
    var keptYearCount: Int { yearUse.count }
    /// The most any one year of a flow holds (tests: the one being worked on stays, whatever its size).
    var largestYearBytes: Int { yearBytes.values.max() ?? 0 }

    /// A year of a flow was worked on (a block built, a key of a simple year worked out), adding `bytes`.
    private func charge(_ unit: FlowYear, _ bytes: Int) {
        useClock &+= 1
        yearUse[unit] = useClock
        yearBytes[unit, default: 0] += bytes
        keptBytes += bytes
        if keptBytes > budget || yearUse.count > Resolver.keptYears { shed(keeping: unit) }
    }

    /// Forgets the years least recently worked on, all but `unit` (being worked on), until a
    /// quarter of the budget is free and the count is under `keptYears`.
    private func shed(keeping unit: FlowYear) {
        let bytes = budget - budget / 4, count = Resolver.keptYears - Resolver.keptYears / 4
        for (u, _) in yearUse.sorted(by: { $0.value < $1.value }) where u != unit {
            guard keptBytes > bytes || yearUse.count > count else { return }
            forget(u)
        }
    }

    private func forget(_ u: FlowYear) {
        blocks[u.flow]?[u.year] = nil
        if blocks[u.flow]?.isEmpty == true { blocks[u.flow] = nil }
        leafTables[u] = nil
        yearUse[u] = nil
        keptBytes -= yearBytes.removeValue(forKey: u) ?? 0
    }

    private func block(flow: Flow, year: Int) -> Block {
        if let b = blocks[flow]?[year] { return b }
        let b = Block()
        build(b, flow: flow, year: year)
        blocks[flow, default: [:]][year] = b
        charge(FlowYear(flow: flow, year: year), b.table.values.reduce(64) { $0 + MemoryEstimate.resolution($1) })
        return b
    }

    /// Periods of a year, parts before wholes.
    static func periods(of year: Int) -> [Period] {
        (1...4).map { Period.quarter(year, $0) } + [.half(year, 1), .half(year, 2), .year(year)]
    }

    /// A sum or difference with each term that is a sum of quarters replaced by those quarters
    /// (2019 = Q1 + Q2 + Q3 + Q4 rather than H1 + H2, when no half is printed).
    static func flattened(_ d: Derivation) -> Derivation {
        guard d.kind == .rollUp || d.kind == .difference, d.terms.contains(where: { $0.derivation?.kind == .rollUp }) else { return d }
        let terms = d.terms.flatMap { term in
            term.derivation?.kind == .rollUp ? term.derivation!.terms.map { var q = $0; q.sign = term.sign; return q } : [term]
        }
        return Derivation(key: d.key, kind: d.kind, value: d.value, terms: terms)
    }

    /// Keys that contain a key: the same line over longer periods of its year, and, for a category,
    /// the total of its period and of those longer periods.
    static func containers(_ k: FigureKey) -> [FigureKey] {
        var periods: [Period] = []
        switch k.period {
        case .quarter(let y, let q): periods = [.half(y, (q + 1) / 2), .year(y)]
        case .half(let y, _): periods = [.year(y)]
        default: break
        }
        var out = periods.map { k.with(period: $0) }
        if k.measure.isBreakdown {
            let total = FigureKey(flow: k.flow, period: k.period, measure: .total)
            out += [total] + periods.map { total.with(period: $0) }
        }
        return out
    }

    /// The periods a period is the sum of, one level down (a year's halves, a half's quarters).
    static func children(_ p: Period) -> [Period]? {
        switch p {
        case .year(let y): [.half(y, 1), .half(y, 2)]
        case .half(let y, let h): [.quarter(y, h * 2 - 1), .quarter(y, h * 2)]
        default: nil
        }
    }

    /// What each year of a flow holds (worked out once per flow): the breakdowns it has any
    /// observation of, and whether it has more than leaves (a half, a year or a total reported,
    /// or a key that two observations give).
    private struct YearShape { var breakdowns: Set<Measure> = []; var moreThanLeaves = false }
    private var yearShapes: [Flow: [Int: YearShape]] = [:]

    private func shape(flow: Flow, year: Int) -> YearShape {
        if let known = yearShapes[flow] { return known[year] ?? YearShape() }
        var byYear: [Int: YearShape] = [:]
        for key in data.keys(of: flow) where Resolver.blockYear(key) != nil {
            let y = key.period.year
            if key.measure.isBreakdown { byYear[y, default: YearShape()].breakdowns.insert(key.measure) }
            if key.period.granularity != .quarter || key.measure == .total || data.observations.count(for: key) > 1 {
                byYear[y, default: YearShape()].moreThanLeaves = true
            }
        }
        yearShapes[flow] = byYear
        return byYear[year] ?? YearShape()
    }

    private func breakdownsObserved(flow: Flow, year: Int) -> Set<Measure> { shape(flow: flow, year: year).breakdowns }

    /// The one breakdown of a year whose sources give only leaves of it (a quarter's modes, once
    /// each), or nil: such a year can hold no disagreement, and its keys are worked out one by
    /// one as asked, which is what a ranking over hundreds of countries needs.
    private func simpleYear(flow: Flow, year: Int) -> Measure? {
        let s = shape(flow: flow, year: year)
        guard !s.moreThanLeaves, s.breakdowns.count <= 1 else { return nil }
        return s.breakdowns.first ?? .transport
    }

    /// One flow's worked-out keys of simple years. A class, and boxed values: a large import asks
    /// for thousands of keys of a flow, and a table of the (large) structs themselves spends its
    /// time copying them as it grows.
    final class LeafTable {
        final class Box { let resolution: Resolution; init(_ r: Resolution) { resolution = r } }
        var table: [FigureKey: Box] = [:]
    }
    private var leafTables: [FlowYear: LeafTable] = [:]

    /// Whether a year of a flow can hold a disagreement (more than leaves of one breakdown): the
    /// years `validate` has to look at.
    public func canDisagree(flow: Flow, year: Int) -> Bool { simpleYear(flow: flow, year: year) == nil }

    /// A key of a simple year: its readings, else the sum of its parts (the block's step 1), or the
    /// remainder of its breakdown.
    private func leaf(_ key: FigureKey, measure: Measure) -> Resolution {
        let table: LeafTable
        // Everything a key of a simple year rests on is in the same year (its quarters, its modes).
        let unit = FlowYear(flow: key.flow, year: key.period.year)
        if let t = leafTables[unit] {
            if let r = t.table[key] { return r.resolution }
            table = t
        } else {
            table = LeafTable()
            leafTables[unit] = table
        }
        var r: Resolution
        if key.category == notStatedCategory {
            r = Resolution(key: key, readings: [], errata: [], partial: [], consensus: nil, primary: nil, derivations: [], marked: false, reasons: [])
            if key.measure == measure, let d = residual(FigureKey(flow: key.flow, period: key.period, measure: .total), measure,
                                                         data.categories(of: measure), lookup: { self.leaf($0, measure: measure) }) {
                r.derivations = [d]
                r.primary = Resolved(value: d.value, observations: [], derivation: d)
            }
        } else {
            r = readingsOnly(key)
            if r.primary == nil && (key.measure == .total || key.measure == measure) {
                var routes: [(Derivation.Kind, [FigureKey])] = []
                if let kids = Resolver.children(key.period) { routes.append((.rollUp, kids.map { key.with(period: $0) })) }
                if key.measure == .total { routes.append((.breakdown, measure.fixedCategories.map { key.with(measure: measure, category: $0) })) }
                for (kind, parts) in routes {
                    var terms: [Derivation.Term] = []
                    for part in parts {
                        guard let v = leaf(part, measure: measure).primary else { break }
                        terms.append(v.term(part, sign: 1))
                    }
                    guard terms.count == parts.count else { continue }
                    let d = Resolver.flattened(Derivation(key: key, kind: kind, value: terms.reduce(0) { $0 + $1.value }, terms: terms))
                    if !r.derivations.contains(where: { $0.value == d.value }) { r.derivations.append(d) }
                }
                if let first = r.derivations.first { r.primary = Resolved(value: first.value, observations: [], derivation: first) }
            }
        }
        table.table[key] = LeafTable.Box(r)
        // Charged only while the table is the year's own (a year forgotten meanwhile keeps no bytes).
        if leafTables[unit] === table { charge(unit, MemoryEstimate.resolution(r) + 16) }
        return r
    }

    /// Drops what was worked out for a flow (a pass over a large package keeps one flow at a time).
    public func forget(flow: Flow) {
        for u in yearUse.keys where u.flow == flow { forget(u) }
        blocks[flow] = nil
        leafTables = leafTables.filter { $0.key.flow != flow }
    }

    private func build(_ b: Block, flow: Flow, year: Int) {
        // A breakdown no source gives in this year cannot be summed, differenced or left over: its keys
        // would only be empty (most of a large import has modes of transport and no purposes).
        let observed = breakdownsObserved(flow: flow, year: year)
        let breakdowns: [(Measure, [String])] = [(.purpose, data.categories(of: .purpose)), (.transport, data.categories(of: .transport))]
            .filter { observed.contains($0.0) }
        var order: [FigureKey] = []
        for p in Resolver.periods(of: year) {
            for (m, cats) in breakdowns { for c in cats { order.append(FigureKey(flow: flow, period: p, measure: m, category: c)) } }
            order.append(FigureKey(flow: flow, period: p, measure: .total))
        }
        // Which parts each key is the sum of (one list per route), and where each key is a part.
        func routes(_ k: FigureKey) -> [(Derivation.Kind, [FigureKey])] {
            var out: [(Derivation.Kind, [FigureKey])] = []
            if let kids = Resolver.children(k.period) { out.append((.rollUp, kids.map { k.with(period: $0) })) }
            if k.measure == .total {
                for (m, _) in breakdowns { out.append((.breakdown, m.fixedCategories.map { k.with(measure: m, category: $0) })) }
            }
            return out
        }

        // 1. Readings, consensus, and the sums of parts from each part's primary value.
        var t: [FigureKey: Resolution] = [:]
        var violated: [(whole: FigureKey, parts: [FigureKey], reason: String, asPart: String)] = []
        var usedParts: [FigureKey: [FigureKey]] = [:]
        // Sums as worked out, before halves are cited as their quarters: candidates replace the halves.
        var unflattened: [FigureKey: [Derivation]] = [:]
        var leavesOnly = breakdowns.count <= 1
        for k in order {
            var r = readingsOnly(k)
            var sums: [Derivation] = []
            for (kind, parts) in routes(k) {
                var terms: [Derivation.Term] = []
                for part in parts {
                    guard let v = t[part]?.primary else { break }
                    terms.append(v.term(part, sign: 1))
                }
                guard terms.count == parts.count else { continue }
                let whole = Derivation(key: k, kind: kind, value: terms.reduce(0) { $0 + $1.value }, terms: terms)
                unflattened[k, default: []].append(whole)
                let d = Resolver.flattened(whole)
                sums.append(d)
                let derived = ReportedValue(value: d.value)
                if r.readingsCover == nil, let bad = r.readings.first(where: { !$0.reported.agrees(with: derived) }) {
                    // Who says what, in words an editor can check: the outlets of the whole, and the sum.
                    let outlets = uniqued(r.readings.filter { $0.reported.display == bad.reported.display }
                        .map { data.sourceByID[$0.sourceID]?.outlet ?? $0.sourceID }).joined(separator: ", ")
                    let name = "\(k.period)\(k.measure == .total ? "" : " " + k.measureLabel)"
                    let says = "is reported as \(bad.reported.display) (\(outlets)), but its parts add up to \(formatCount(d.value)) (\(d.formula) = \(d.worked))"
                    violated.append((k, parts, "\(name) \(says)", "it is part of \(name), which \(says)"))
                }
            }
            for d in sums where !r.derivations.contains(where: { $0.value == d.value }) { r.derivations.append(d) }
            if r.primary == nil, let first = sums.first {
                r.primary = Resolved(value: first.value, observations: [], derivation: first)
                // The route's parts, and the quarters a flattened half stands for.
                let parts = routes(k).first { $0.0 == first.kind }!.1
                usedParts[k] = first.terms.count == parts.count ? parts : parts + first.terms.map(\.key).filter { !parts.contains($0) }
            }
            if Set(sums.map(\.value)).count > 1 {
                r.mark("\(k.period): its parts give different sums (\(sums.map { "\(formatCount($0.value)) from \($0.formula)" }.joined(separator: "; ")))")
            }
            if !r.readings.isEmpty && (k.period.granularity != .quarter || k.measure == .total || r.readings.count > 1
                || !r.readings.allSatisfy({ $0.reported.isPrecise })) || r.marked || !r.errata.isEmpty || !r.partial.isEmpty {
                leavesOnly = false
            }
            t[k] = r
        }
        // Sources give only leaves (a quarter's categories, once each, to the unit): every value
        // is a sum of them, nothing can disagree, and nothing is left to difference or settle.
        // Most of a large import is like this.
        if leavesOnly {
            residuals(&t, flow: flow, year: year, breakdowns: breakdowns)
            b.table = t
            return
        }
        // 2. A whole whose parts do not add up to it: the whole and every part are marked.
        for v in violated {
            t[v.whole]!.mark(v.reason)
            for p in v.parts where t[p] != nil { t[p]!.mark(v.asPart, asPartOf: v.whole) }
        }
        // 3. A sum that rests on a marked part is marked, and lists every candidate result
        //    (parts before wholes, so a mark climbs as far as derived values go). A printed
        //    figure's sums of disputed parts list theirs too.
        for k in order where (t[k]!.consensus != nil || !t[k]!.readings.isEmpty) && t[k]!.marked {
            guard let sums = unflattened[k] else { continue }
            for whole in sums where whole.terms.contains(where: { t[$0.key]?.marked == true }) {
                for d in candidates(whole, table: t) where !t[k]!.derivations.contains(where: { $0.value == d.value }) {
                    t[k]!.derivations.append(Resolver.flattened(d))
                }
            }
        }
        for k in order {
            guard let parts = usedParts[k], let first = t[k]!.primary?.derivation else { continue }
            let marked = parts.filter { t[$0]!.marked }
            guard !marked.isEmpty else { continue }
            t[k]!.mark("\(k.period): worked out from \(marked.map { label($0, k) }.joined(separator: ", ")), which \(marked.count == 1 ? "is" : "are") disputed")
            let asWorked = unflattened[k]?.first { $0.kind == first.kind } ?? first
            for d in candidates(asWorked, table: t) where !t[k]!.derivations.contains(where: { $0.value == d.value }) {
                t[k]!.derivations.append(Resolver.flattened(d))
            }
        }
        // 4. Differences, for parts no source gives precisely; they feed nothing else.
        for k in order where t[k]!.primary == nil && !t[k]!.readings.contains(where: { $0.reported.isPrecise }) {
            var found: [Derivation] = []
            var restsOnMarked: [FigureKey] = []
            for (whole, siblings) in differenceRoutes(k) {
                guard let w = t[whole], let wv = w.consensus, w.readingsCover == nil else { continue }
                var terms = [wv.term(whole, sign: 1)]
                for s in siblings {
                    // A difference never feeds another one, and a value of part of its period is no sibling.
                    guard let v = t[s]?.primary, v.derivation?.kind != .difference, t[s]!.readingsCover == nil,
                          coverage(of: v, key: s) == s.period.quarterCount else { break }
                    terms.append(v.term(s, sign: -1))
                }
                guard terms.count == siblings.count + 1 else { continue }
                let d = Derivation(key: k, kind: .difference, value: terms.reduce(0) { $0 + $1.sign * $1.value }, terms: terms)
                let marked = ([whole] + siblings).filter { t[$0]!.marked }
                // Candidates first (a marked half's other values), then each cited through its quarters.
                for c in [d] + (marked.isEmpty ? [] : candidates(d, table: t)) where c.value >= 0 && !found.contains(where: { $0.value == c.value }) {
                    found.append(Resolver.flattened(c))
                }
                for m in marked where !restsOnMarked.contains(m) { restsOnMarked.append(m) }
            }
            // Fewer than zero crossings: the whole and its parts disagree (the validator says so); no answer here.
            guard let first = found.first else { continue }
            t[k]!.primary = Resolved(value: first.value, observations: [], derivation: first)
            t[k]!.derivations = found
            if !restsOnMarked.isEmpty {
                t[k]!.mark("\(k.period): worked out from \(restsOnMarked.map { label($0, k) }.joined(separator: ", ")), which \(restsOnMarked.count == 1 ? "is" : "are") disputed")
            }
            if Set(found.map(\.value)).count > 1, restsOnMarked.isEmpty {
                t[k]!.mark("\(k.period): the ways of working it out give different values (\(found.map { "\(formatCount($0.value)) from \($0.formula)" }.joined(separator: "; ")))")
            }
            if !Resolver.allAgree(t[k]!.readings.map(\.reported) + [ReportedValue(value: first.value)]) {
                let why = ("\(k.period): \(Resolver.valueList(t[k]!.readings)) reported; worked out as \(formatCount(first.value)) (\(first.formula))")
                t[k]!.mark(why)
                t[k]!.consistencyReasons.append(why)
            }
        }
        // 5. What each breakdown does not break out: total minus the stated categories.
        residuals(&t, flow: flow, year: year, breakdowns: breakdowns)
        settle(&t, order: order, usedParts: usedParts, flow: flow, year: year, breakdowns: breakdowns)
        // A year that stands, though its four printed quarters add up to something else: said, not hidden.
        for k in order where k.period.granularity == .year {
            guard let r = t[k], !r.marked, let c = r.consensus else { continue }
            let quarters = (1...4).map { k.with(period: .quarter(year, $0)) }
            let values = quarters.compactMap { t[$0]?.consensus?.value }
            guard values.count == 4, !ReportedValue(value: values.reduce(0, +)).agrees(with: ReportedValue(value: c.value)) else { continue }
            let where_ = [1, 2].map { k.with(period: .half(year, $0)) }.filter { t[$0]?.marked == true }.map(\.period.description)
            t[k]!.notes.append("its four printed quarters add up to \(formatCount(values.reduce(0, +))) (\(values.map(formatCount).joined(separator: " + "))), not \(formatCount(c.value))"
                + (where_.isEmpty ? "" : "; the gap lies in \(where_.joined(separator: " and ")), marked as disputed"))
        }
        b.table = t
    }

    private func residuals(_ t: inout [FigureKey: Resolution], flow: Flow, year: Int, breakdowns: [(Measure, [String])]) {
        for p in Resolver.periods(of: year) {
            for (m, cats) in breakdowns {
                let key = FigureKey(flow: flow, period: p, measure: m, category: notStatedCategory)
                var r = Resolution(key: key, readings: [], errata: [], partial: [], consensus: nil, primary: nil, derivations: [], marked: false, reasons: [])
                if let d = residual(FigureKey(flow: flow, period: p, measure: .total), m, cats, table: t) {
                    r.derivations = [d]
                    r.primary = Resolved(value: d.value, observations: [], derivation: d)
                }
                t[key] = r
            }
        }
    }

    /// The value a table shows for a key: its primary value, else the reading most sources give.
    static func shownValue(_ r: Resolution) -> ReportedValue? {
        if let p = r.primary { return ReportedValue(value: p.value) }
        var best: (ReportedValue, Int)?
        for (value, obs) in Resolver.groupByValue(r.readings) where best.map({ obs.count > $0.1 }) ?? true { best = (value, obs.count) }
        return best?.0
    }

    /// Marks until nothing changes: shown values of a whole and its parts that cannot add up
    /// mark them all (approximate values and differences included), and whatever is worked
    /// out from a marked key is marked too (a remainder resting on one is dropped).
    private func settle(_ t: inout [FigureKey: Resolution], order: [FigureKey], usedParts: [FigureKey: [FigureKey]],
                        flow: Flow, year: Int, breakdowns: [(Measure, [String])]) {
        var relations: [(FigureKey, [FigureKey])] = []
        for k in order {
            // A year against its quarters first, where no half is printed (a printed half is checked
            // against its quarters, and the year against its halves): where they already exceed the
            // year, the quarters are marked.
            if case .year(let y) = k.period, t[k.with(period: .half(y, 1))]?.consensus == nil,
               t[k.with(period: .half(y, 2))]?.consensus == nil,
               // Both halves known: the year was already checked against them (step 1).
               [1, 2].contains(where: { h in t[k.with(period: .half(y, h))]?.primary.map { $0.derivation?.kind == .difference } ?? true }) {
                relations.append((k, (1...4).map { k.with(period: .quarter(y, $0)) }))
            }
            if let kids = Resolver.children(k.period) { relations.append((k, kids.map { k.with(period: $0) })) }
            if k.measure == .total {
                for (m, _) in breakdowns { relations.append((k, m.fixedCategories.map { k.with(measure: m, category: $0) })) }
            }
        }
        func mark(_ k: FigureKey, _ why: String, consistency: Bool = false) -> Bool {
            guard t[k] != nil, !t[k]!.marked else { return false }
            t[k]!.mark(why)
            if consistency { t[k]!.consistencyReasons.append(why) }
            return true
        }
        var changed = true
        var rounds = 0
        while changed && rounds < 64 {
            changed = false
            rounds += 1
            for (whole, parts) in relations {
                // A value of part of its period is not set against its parts or its whole.
                guard t[whole]?.readingsCover == nil, let w = t[whole].flatMap(Resolver.shownValue) else { continue }
                let shown = parts.compactMap { p in t[p].flatMap { $0.readingsCover == nil ? Resolver.shownValue($0) : nil }.map { (p, $0) } }
                guard !shown.isEmpty else { continue }
                let wi = w.interval
                var lower = 0.0, upper: Double? = 0
                for (_, v) in shown {
                    let i = v.interval
                    lower += i.lower
                    upper = upper.flatMap { u in i.upper.map { u + $0 } }
                }
                // All parts shown: their sum must fit the whole. Some shown: they must not exceed it.
                let complete = shown.count == parts.count
                let tooSmall = complete && (upper.map { $0 < wi.lower } ?? false)
                let tooLarge = wi.upper.map { lower > $0 } ?? false
                let members = [whole] + shown.map(\.0)
                // A marked worked-out member is only one of its candidates: no arithmetic with it. Otherwise
                // none of them can be trusted over the others: every one not yet marked is marked.
                guard tooSmall || tooLarge, !members.contains(where: { t[$0]!.marked && t[$0]!.primary?.isDerived == true }),
                      members.contains(where: { !t[$0]!.marked }) else { continue }
                let why = complete
                    ? "\(label(whole, whole)) shows \(w.display) but \(parts.map { label($0, whole) }.joined(separator: " + ")) show \(shown.map(\.1.display).joined(separator: " + "))"
                    : "\(label(whole, whole)) shows \(w.display) but \(shown.map { label($0.0, whole) }.joined(separator: " + ")), part of it, already show\(shown.count == 1 ? "s" : "") \(shown.map(\.1.display).joined(separator: " + "))"
                // Stated categories that exceed their total are the validator's own finding (with the formula).
                let statedExcess = !complete && parts.first?.measure.isBreakdown == true
                for k in members where mark(k, why, consistency: !statedExcess) { changed = true }
            }
            // A part shown as more than something that contains it (a quarter's study entries against
            // the half's total).
            for k in order where t[k]?.readingsCover == nil && !(t[k]?.marked ?? true) {
                guard let v = t[k].flatMap(Resolver.shownValue) else { continue }
                for a in Resolver.containers(k) {
                    guard let ar = t[a], ar.readingsCover == nil, !ar.marked, let w = Resolver.shownValue(ar),
                          let upper = w.interval.upper, v.interval.lower > upper else { continue }
                    let why = "\(label(k, a)) shows \(v.display), more than \(label(a, a)) (\(w.display)), which contains it"
                    if mark(k, why, consistency: true) { changed = true }
                    if mark(a, why, consistency: true) { changed = true }
                    break
                }
            }
            for k in Array(t.keys) {
                guard let r = t[k], let d = r.primary?.derivation else { continue }
                let used = usedParts[k] ?? d.terms.map(\.key)
                let marked = used.filter { t[$0]?.marked == true }
                guard !marked.isEmpty else { continue }
                if d.kind == .residual {
                    t[k]!.primary = nil
                    t[k]!.derivations = []
                    changed = true
                } else if mark(k, "\(k.period): worked out from \(marked.map { label($0, k) }.joined(separator: ", ")), which \(marked.count == 1 ? "is" : "are") disputed") {
                    changed = true
                }
            }
        }
        // A reported figure needs no sum to confirm it: a sum that agrees with it but rests on a part
        // that is disputed on its own account is not made (2023 = 370 + 365 + 382 would silently take
        // sides on 2023-H1 and 2023-Q3). A sum that disagrees stays: it is why the figure is marked.
        for k in order {
            guard let r = t[k], let c = r.consensus else { continue }
            t[k]!.derivations = r.derivations.filter { d in
                guard d.kind == .rollUp || d.kind == .breakdown, d.value == c.value else { return true }
                let parts = uniqued(d.terms.map(\.key) + (usedPartsOf(k, d.kind) ?? []))
                return !parts.contains { p in
                    guard let pr = t[p], pr.marked else { return false }
                    return pr.markedOtherwise || !pr.markedAsPartOf.subtracting([k]).isEmpty
                }
            }
        }
        func usedPartsOf(_ k: FigureKey, _ kind: Derivation.Kind) -> [FigureKey]? {
            kind == .rollUp ? Resolver.children(k.period)?.map { k.with(period: $0) } : nil
        }
    }

    private func residual(_ totalKey: FigureKey, _ measure: Measure, _ cats: [String], table t: [FigureKey: Resolution]) -> Derivation? {
        residual(totalKey, measure, cats, lookup: { t[$0] })
    }

    private func residual(_ totalKey: FigureKey, _ measure: Measure, _ cats: [String], lookup: (FigureKey) -> Resolution?) -> Derivation? {
        guard let total = lookup(totalKey), !total.marked, let tv = total.primary, tv.derivation?.kind != .difference else { return nil }
        // A total summed from this very breakdown leaves nothing out.
        if tv.derivation?.kind == .breakdown, tv.derivation?.terms.first?.key.measure == measure { return nil }
        var terms = [tv.term(totalKey, sign: 1)]
        var missing = 0
        for c in cats {
            let k = totalKey.with(measure: measure, category: c)
            guard let r = lookup(k) else { continue }
            if let v = r.primary, v.derivation?.kind == .difference {
                return nil  // the breakdown is complete once a category is its total minus the others
            } else if let v = r.primary {
                // A stated category that is disputed: the remainder is unknown.
                if r.marked { return nil }
                terms.append(v.term(k, sign: -1))
            } else if !r.readings.isEmpty {
                return nil  // stated, but only approximately or with sources disagreeing
            } else {
                missing += 1
            }
        }
        guard terms.count > 1, missing > 0 else { return nil }
        let key = totalKey.with(measure: measure, category: notStatedCategory)
        return Derivation(key: key, kind: .residual, value: terms.reduce(0) { $0 + $1.sign * $1.value }, terms: terms)
    }

    /// The wholes a part can be the difference of, with the siblings to take away.
    private func differenceRoutes(_ key: FigureKey) -> [(FigureKey, [FigureKey])] {
        var out: [(FigureKey, [FigureKey])] = []
        switch key.period {
        case .quarter(let y, let q):
            let h = (q + 1) / 2
            let sibling = q % 2 == 1 ? q + 1 : q - 1
            out.append((key.with(period: .half(y, h)), [key.with(period: .quarter(y, sibling))]))
            // Halves before quarters, as sums go: the first route's value is the one shown.
            out.append((key.with(period: .year(y)), [key.with(period: .half(y, 3 - h)), key.with(period: .quarter(y, sibling))]))
            out.append((key.with(period: .year(y)), (1...4).filter { $0 != q }.map { key.with(period: .quarter(y, $0)) }))
        case .half(let y, let h):
            let other = 3 - h
            out.append((key.with(period: .year(y)), [key.with(period: .half(y, other))]))
            out.append((key.with(period: .year(y)), [key.with(period: .quarter(y, 2 * other - 1)), key.with(period: .quarter(y, 2 * other))]))
        default: break
        }
        if key.measure.isBreakdown {
            let others = key.measure.fixedCategories.filter { $0 != key.category }.map { key.with(measure: key.measure, category: $0) }
            out.append((key.with(measure: .total, category: ""), others))
        }
        return out
    }

    /// The same derivation with each marked term replaced by each of its other values (at most 16 results).
    private func candidates(_ d: Derivation, table t: [FigureKey: Resolution]) -> [Derivation] {
        var results: [[Derivation.Term]] = [[]]
        for term in d.terms {
            var options = [term]
            if let r = t[term.key], r.marked {
                // The whole of a difference must be reported: its derived values are not candidates.
                let wholeOfDifference = d.kind == .difference && term.sign > 0
                for alt in r.alternatives where alt.value != term.value && !(wholeOfDifference && alt.isDerived) {
                    options.append(alt.term(term.key, sign: term.sign))
                }
            }
            var next: [[Derivation.Term]] = []
            for partial in results { for o in options { next.append(partial + [o]) } }
            results = Array(next.prefix(16))
        }
        var out: [Derivation] = []
        for terms in results {
            let value = terms.reduce(0) { $0 + $1.sign * $1.value }
            guard !out.contains(where: { $0.value == value }) else { continue }
            out.append(Derivation(key: d.key, kind: d.kind, value: value, terms: terms))
        }
        return out
    }

    private func label(_ k: FigureKey, _ relativeTo: FigureKey) -> String {
        k.measure == relativeTo.measure && k.category == relativeTo.category ? k.period.description : "\(k.period) \(k.measureLabel)"
    }

    // MARK: Helpers

    static func consensus(of readings: [Observation]) -> Resolved? {
        let precise = readings.filter { $0.reported.isPrecise }
        guard let first = precise.first, precise.allSatisfy({ $0.value == first.value }) else { return nil }
        let reading = first.reported
        guard readings.allSatisfy({ $0.reported.agrees(with: reading) }) else { return nil }
        return Resolved(value: first.value, observations: precise, derivation: nil)
    }

    /// One resolved value per distinct precise reading.
    static func groupPrecise(_ readings: [Observation]) -> [Resolved] {
        var out: [Resolved] = []
        var index: [Int: Int] = [:]
        for o in readings where o.reported.isPrecise {
            if let i = index[o.value] { out[i].observations.append(o) } else {
                index[o.value] = out.count
                out.append(Resolved(value: o.value, observations: [o], derivation: nil))
            }
        }
        return out
    }

    /// Whether every pair of values agrees (the agreement rule, docs/rules.md), in one pass: each
    /// value is an interval on a line, and intervals on a line overlap pairwise exactly when they
    /// share a point, that is when the highest lower bound is not above the lowest upper bound.
    /// (Each value is compared with itself too, as pair by pair: an interval that is empty, such as
    /// "more than thousands" of 0, agrees with nothing.) Pair by pair took 20 s for 8,000 readings
    /// of one key.
    public static func allAgree(_ values: [ReportedValue]) -> Bool {
        var highestLower = -Double.infinity, lowestUpper = Double.infinity
        for v in values {
            let i = v.interval
            highestLower = max(highestLower, i.lower)
            if let u = i.upper { lowestUpper = min(lowestUpper, u) }
        }
        return highestLower <= lowestUpper
    }

    static func valueList(_ readings: [Observation]) -> String {
        uniqued(readings.map(\.reported.display)).joined(separator: " vs ")
    }
}
