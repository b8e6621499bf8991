/// Several data packages read as one (`crossings --data mine --data bundled`): the bundled press
/// figures and events beside another package.
///
/// Every observation, source, event and annotation of every layer is kept, so figures for the
/// same key from different packages are compared like any two sources (the Resolver sees them
/// all: agreement, `!`, consensus). An id that two layers both use (an observation, a source,
/// an event, a ratio) is an error naming both rows: nothing is loaded, since a citation by id
/// could no longer say which row it means.
extension Dataset {
    /// The layers as one dataset; the first layer's countries, categories and vocabulary win
    /// where two layers define the same one (the same code or category: no error, as every
    /// package names North Korea). Throws `LoadFailure` when ids collide across layers.
    ///
    /// ```swift
    /// let data = try Dataset.layered([imported, bundled])
    /// data.origin   // "mine + data"
    /// ```
    public static func layered(_ layers: [Dataset]) throws -> Dataset {
        guard layers.count > 1 else {
            guard let only = layers.first else { throw LoadFailure([]) }
            return only
        }
        var diagnostics: [Diagnostic] = []
        /// Reports `id` of `kind` at `here` when an earlier layer has it (at `seen[id]`), else records it.
        func claim(_ kind: String, _ id: String, _ here: Location, _ seen: inout [String: Location]) {
            if let first = seen[id] {
                diagnostics.append(Diagnostic(location: here, severity: .error,
                    message: "\(kind) id '\(clip(id))' is also in \(first) (another --data package); ids must be unique across the packages read together"))
            } else {
                seen[id] = here
            }
        }
        var observationIDs: [String: Location] = [:], sourceIDs: [String: Location] = [:]
        var eventIDs: [String: Location] = [:], ratioIDs: [String: Location] = [:]
        for (n, layer) in layers.enumerated() {
            // Within one package the loader has refused duplicates already: only other layers count.
            var o: [String: Location] = [:], s: [String: Location] = [:], e: [String: Location] = [:], r: [String: Location] = [:]
            for x in layer.observations { if n > 0 { claim("observation", x.id, x.location, &observationIDs) }; o[x.id] = o[x.id] ?? x.location }
            for x in layer.sources { if n > 0 { claim("source", x.id, x.location, &sourceIDs) }; s[x.id] = s[x.id] ?? x.location }
            for x in layer.events { if n > 0 { claim("event", x.id, x.location, &eventIDs) }; e[x.id] = e[x.id] ?? x.location }
            for x in layer.ratios { if n > 0 { claim("ratio", x.id, x.location, &ratioIDs) }; r[x.id] = r[x.id] ?? x.location }
            observationIDs.merge(o) { a, _ in a }; sourceIDs.merge(s) { a, _ in a }
            eventIDs.merge(e) { a, _ in a }; ratioIDs.merge(r) { a, _ in a }
        }
        guard diagnostics.isEmpty else { throw LoadFailure(diagnostics) }

        var countries: [Country] = [], countryCodes: Set<String> = []
        var categories: [Category] = [], categoryKeys: Set<String> = []
        var sources: [Source] = [], events: [Event] = [], ratios: [Ratio] = []
        var coverage: [Coverage] = [], errata: [Erratum] = []
        var store = ObservationStore()
        for layer in layers {
            for c in layer.countries.values.sorted(by: { $0.location < $1.location }) where countryCodes.insert(c.code).inserted {
                countries.append(c)
            }
            for c in layer.categories where categoryKeys.insert("\(c.measure.rawValue)/\(c.id)").inserted { categories.append(c) }
            sources += layer.sources
            events += layer.events
            ratios += layer.ratios
            // Annotations point at their observation's row: the layer's rows follow the earlier layers'.
            let offset = store.count
            coverage += layer.coverageByObservation.values.sorted { $0.location < $1.location }.map { var c = $0; if c.row >= 0 { c.row += offset }; return c }
            errata += layer.erratumByObservation.values.sorted { $0.location < $1.location }.map { var e = $0; if e.row >= 0 { e.row += offset }; return e }
            for o in layer.observations { store.append(o) }
        }
        store.finish()
        var data = Dataset(countries: countries, categories: categories, sources: sources, store: store, events: events,
                           origin: layers.map(\.origin).joined(separator: " + "), ratios: ratios, coverage: coverage, errata: errata)
        data.vocabulary = layers.lazy.compactMap(\.vocabulary).first
        data.loadWarnings = layers.flatMap(\.loadWarnings)
        return data
    }
}
