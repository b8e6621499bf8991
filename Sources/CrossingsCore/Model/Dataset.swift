/// A loaded, checked data package, indexed for the questions users ask.
///
/// ```swift
/// let data = try PackageLoader.load(directory: "data")
/// data.observations(for: FigureKey(flow: try Flow(parsing: "KP-RU"), period: .year(2024), measure: .total))
/// ```
public struct Dataset: Sendable {
    public let countries: [String: Country]
    public let categories: [Category]
    public let sources: [Source]
    /// Every observation, column-stored; reads like an array of `Observation`.
    public let observations: ObservationStore
    public let events: [Event]
    /// Where the package was read from, as shown in messages (`data`, or the --data folder).
    public let origin: String

    public let sourceByID: [String: Source]
    /// Ratios as sources printed them (`ratios.csv`; empty when the package has none), in file order.
    public let ratios: [Ratio]
    /// Observations that cover only part of their period, by observation id (`coverage.csv`).
    public let coverageByObservation: [String: Coverage]
    /// Observations kept as printed but known to be wrong, by observation id (`errata.csv`).
    public let erratumByObservation: [String: Erratum]
    /// Every flow with at least one observation, sorted.
    public let flows: [Flow]
    /// The words `crossings check` reads drafts by (`vocabulary.csv`); nil when the package has none
    /// (the CLI then lends it the bundled one).
    public var vocabulary: Vocabulary?
    /// What the loader noticed but did not refuse the package for (a resource it does not read):
    /// warnings that `crossings validate` lists with its own.
    public var loadWarnings: [Diagnostic] = []
    /// How the loader read the package's files (whether an observation file was split between
    /// two threads); empty for a dataset not read by `PackageLoader`.
    public var loadStatistics = LoadStatistics()
    /// Every key with at least one observation.
    public var keys: LazyMapCollection<[UInt64], FigureKey> { observations.keys }

    public init(countries: [Country], categories: [Category], sources: [Source],
                observations: [Observation], events: [Event], origin: String) {
        var store = ObservationStore()
        for o in observations { store.append(o) }
        store.finish()
        self.init(countries: countries, categories: categories, sources: sources, store: store, events: events, origin: origin)
    }

    public init(countries: [Country], categories: [Category], sources: [Source],
                store: ObservationStore, events: [Event], origin: String,
                ratios: [Ratio] = [], coverage: [Coverage] = [], errata: [Erratum] = []) {
        self.ratios = ratios
        coverageByObservation = Dictionary(coverage.map { ($0.observationID, $0) }, uniquingKeysWith: { a, _ in a })
        erratumByObservation = Dictionary(errata.map { ($0.observationID, $0) }, uniquingKeysWith: { a, _ in a })
        self.countries = Dictionary(countries.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        self.categories = categories
        self.sources = sources
        self.observations = store
        // Each event's date worked out once, not in every comparison (it parses the sources' dates):
        // that was a tenth of `crossings check` on a 2,000-word draft, start-up included.
        self.events = events.map { ($0.date?.start ?? 0, $0) }.sorted { ($0.0, $0.1.id) < ($1.0, $1.1.id) }.map(\.1)
        self.origin = origin
        sourceByID = Dictionary(sources.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        flows = store.flowList
    }

    /// Every observation for exactly this key, in file order.
    public func observations(for key: FigureKey) -> [Observation] {
        observations.observations(for: key)
    }

    /// The distinct keys of one flow, without looking at the others.
    public func keys(of flow: Flow) -> [FigureKey] { observations.keys(of: flow) }

    public func category(_ measure: Measure, _ id: String) -> Category? {
        categories.first { $0.measure == measure && $0.id == id }
    }

    /// The categories of a measure in display order: fixed ones first, then the file's order.
    public func categories(of measure: Measure) -> [String] {
        var out = measure.fixedCategories
        for c in categories where c.measure == measure && !out.contains(c.id) { out.append(c.id) }
        return out
    }

    /// Human name of a country code, or the code itself.
    public func countryName(_ code: String) -> String { countries[code]?.name ?? code }

    /// "citizens of North Korea entering Russia"
    public func describe(_ flow: Flow) -> String {
        flow.isEntry
            ? "citizens of \(countryName(flow.citizens)) entering Russia"
            : "citizens of Russia travelling to \(countryName(flow.destination))"
    }

    /// How much of its period an observation covers, when it is only part (`coverage.csv`).
    ///
    /// ```swift
    /// data.coverage(ofObservation: "kbs-2024-12/1")?.quarters   // 3: a "2024" figure with three quarters of data
    /// ```
    public func coverage(ofObservation id: String) -> Coverage? { coverageByObservation[id] }

    /// Why an observation is known to be wrong, with the evidence (`errata.csv`).
    ///
    /// ```swift
    /// data.erratum(forObservation: "news1-2025-rfa/6")?.reason
    /// ```
    /// True when some observation is recorded as an erratum (most packages have none).
    public var hasErrata: Bool { !erratumByObservation.isEmpty }
    /// True when some observation covers only part of its period.
    public var hasCoverage: Bool { !coverageByObservation.isEmpty }

    public func erratum(forObservation id: String) -> Erratum? { erratumByObservation[id] }

    /// The observation an erratum or a coverage row is about.
    func observation(at row: Int) -> Observation? { row >= 0 && row < observations.count ? observations[row] : nil }

    /// Ratios a source prints, in file order.
    public func ratios(citing sourceID: String) -> [Ratio] { ratios.filter { $0.sourceID == sourceID } }

    /// Errata a source is the evidence for, in the order of errata.csv.
    public func errata(citing sourceID: String) -> [Erratum] {
        erratumByObservation.values.filter { $0.sourceID == sourceID }.sorted { $0.location < $1.location }
    }

    /// Observations and event dates a source backs.
    public func backing(_ sourceID: String) -> (observations: [Observation], events: [Event]) {
        (observations.rows(citing: sourceID).map { observations[$0] },
         events.filter { $0.dates.contains { $0.sourceID == sourceID } })
    }
}
