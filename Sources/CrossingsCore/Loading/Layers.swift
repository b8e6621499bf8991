/// Several data packages read as one (`crossings --data mine --data bundled`): the bundled press
/// figures and events beside another package.
///
/// Every observation, source, event and annotation of every layer is kept, so figures for the
/// same key from different packages are compared like any two sources (the Resolver sees them
/// all: agreement, `!`, consensus). Two exceptions make one thing out of what two layers both hold:
/// - A source defined in two layers (an import and the bundled package both define
///   `russia-in-out`) is ONE source when the two rows agree field by field; showing it twice
///   would be two agreeing sources where there is one, a fake corroboration. Rows that differ in
///   any field are an error naming both rows and the field.
/// - That source's readings for one key (flow, period, measure, category) found in two layers are
///   one reading when the value agrees (value, upper end and qualifier): the earlier layer's row
///   is kept (its id, locator and FILE:LINE), the later one dropped. A different value is another
///   reading of that source, kept as if one package gave both (marked `!`, a validate warning), so
///   the packages' order never decides whether they load.
///
/// Any other id that two layers both use (an observation id for a different reading, an event, a
/// ratio) is an error naming both rows: nothing is loaded, since a citation by id could no longer
/// say which row it means.
extension Dataset {
    /// The source fields that must agree for one source id defined in two layers: every column of
    /// sources.csv but the id (docs/data-format.md, "Layering packages").
    static func sourceFields(_ s: Source) -> [(name: String, value: String)] {
        [("kind", s.kind.rawValue), ("outlet", s.outlet), ("title", s.title), ("date", s.date), ("url", s.url),
         ("file", s.file), ("credited_agency", s.creditedAgency), ("chain", s.chain.joined(separator: " > ")),
         ("license", s.license), ("copyright", s.copyright), ("note", s.note)]
    }

    /// The first field in which two definitions of one source differ, with both values; nil when they agree.
    static func sourceDifference(_ a: Source, _ b: Source) -> (field: String, first: String, second: String)? {
        for (x, y) in zip(sourceFields(a), sourceFields(b)) where x.value != y.value { return (x.name, x.value, y.value) }
        return nil
    }

    /// Two values cut for a message so that where they first differ shows: from a little before
    /// that point, at most 60 characters each (`…by mode of transport, 2010-Q1…`).
    static func whereTheyDiffer(_ a: String, _ b: String) -> (String, String) {
        let common = zip(a, b).prefix { $0 == $1 }.count
        func cut(_ s: String) -> String {
            guard common > 30 else { return clip(s, 60) }
            return "…" + clip(String(s.dropFirst(common - 20)), 60)
        }
        return (cut(a), cut(b))
    }

    /// One source's reading of one key.
    private struct Reading: Hashable { var source: String; var key: FigureKey }

    /// The layers as one dataset; the first layer's countries, categories and vocabulary win
    /// where two layers define the same one (the same code or category: no error, as every
    /// package names North Korea). Throws `LoadFailure` when ids collide across layers or when one
    /// source is defined differently.
    ///
    /// ```swift
    /// let data = try Dataset.layered([imported, bundled])
    /// data.origin   // "mine + bundled"
    /// ```
    public static func layered(_ layers: [Dataset]) throws -> Dataset {
        guard layers.count > 1 else {
            guard let only = layers.first else { throw LoadFailure([]) }
            return only
        }
        var diagnostics: [Diagnostic] = []
        func error(_ at: Location, _ message: String) {
            diagnostics.append(Diagnostic(location: at, severity: .error, message: message))
        }
        /// Reports `id` of `kind` at `here` when an earlier layer has it (at `seen[id]`), else records it.
        func claim(_ kind: String, _ id: String, _ here: Location, _ seen: inout [String: Location]) {
            if let first = seen[id] {
                error(here, "\(kind) id '\(clip(id))' is also in \(first) (another --data package); ids must be unique across the packages read together")
            } else {
                seen[id] = here
            }
        }

        // Sources: one id in two layers is one source when the rows agree; the first row is kept.
        var sources: [Source] = [], sourceByID: [String: Source] = [:], shared: Set<String> = []
        for layer in layers {
            for s in layer.sources {
                guard let first = sourceByID[s.id] else { sourceByID[s.id] = s; sources.append(s); continue }
                if let d = sourceDifference(first, s) {
                    let (here, there) = whereTheyDiffer(d.second, d.first)
                    error(s.location, "source id '\(clip(s.id))' is also in \(first.location) (another --data package) with a different \(d.field): '\(here)' here, '\(there)' there; one source must be defined alike in every package read together (rename one, or make the rows agree)")
                } else {
                    shared.insert(s.id)
                }
            }
        }

        // Observations: each layer's rows after the earlier layers', less the readings of a shared
        // source that an earlier layer holds already. `rows[n][i]`: where layer n's row i went.
        var kept: [Observation] = [], rows: [[Int]] = []
        var observationIDs: [String: Location] = [:], readings: [Reading: [Int]] = [:]
        for (n, layer) in layers.enumerated() {
            var map: [Int] = [], ids: [String: Location] = [:], mine: [Reading: [Int]] = [:]
            // Rows of earlier layers that a row of this layer already stands for: each earlier row
            // stands for at most one row of a later layer, so a reading a package gives twice
            // (two rows, one value) is matched row for row, in either order of the packages.
            var matched: Set<Int> = []
            map.reserveCapacity(layer.observations.count)
            for o in layer.observations {
                let reading = Reading(source: o.sourceID, key: o.key)
                if n > 0, shared.contains(o.sourceID), let earlier = readings[reading] {
                    func same(_ k: Int) -> Bool {
                        !matched.contains(k) && kept[k].value == o.value && kept[k].high == o.high && kept[k].qualifier == o.qualifier
                    }
                    // The row of that id when it is the same reading, else the first same reading no row claims by id.
                    if let k = earlier.first(where: { same($0) && kept[$0].id == o.id })
                        ?? earlier.first(where: same) {
                        // The same reading: one row, the earlier layer's. Its id must not name another row.
                        if let other = observationIDs[o.id], other != kept[k].location {
                            error(o.location, "observation id '\(clip(o.id))' is also in \(other) (another --data package); ids must be unique across the packages read together")
                        }
                        matched.insert(k)
                        map.append(k)
                        continue
                    }
                    // Another value of that source for the key: kept as another reading, as when one
                    // package gives two (the Resolver marks the disagreement; validate warns).
                }
                if n > 0 { claim("observation", o.id, o.location, &observationIDs) }
                ids[o.id] = ids[o.id] ?? o.location
                map.append(kept.count)
                mine[reading, default: []].append(kept.count)
                kept.append(o)
            }
            observationIDs.merge(ids) { a, _ in a }
            readings.merge(mine) { a, b in a + b }
            rows.append(map)
        }

        // Events and ratios: one defined alike in two layers (every field but where it is written)
        // is one, the first layer's (a package that copies some of the bundled rows reads beside
        // it); the same id for a different row is an error.
        let nowhere = Location(file: "", line: 0)
        /// The rows of every layer, each id once: a later layer's row defined alike (`unplaced`
        /// equal) is left out, one with an id an earlier layer has is an error.
        func merged<Row>(_ kind: String, _ rowsOf: (Dataset) -> [Row], id: (Row) -> String, location: (Row) -> Location,
                         unplaced: (Row) -> Row) -> [Row] where Row: Equatable {
            var seen: [String: Location] = [:], firstByID: [String: Row] = [:], out: [Row] = []
            for (n, layer) in layers.enumerated() {
                var mine: [String: Location] = [:]
                for x in rowsOf(layer) {
                    if n > 0, let first = firstByID[id(x)], unplaced(first) == unplaced(x) { continue }
                    if n > 0 { claim(kind, id(x), location(x), &seen) }
                    mine[id(x)] = mine[id(x)] ?? location(x)
                    firstByID[id(x)] = firstByID[id(x)] ?? x
                    out.append(x)
                }
                seen.merge(mine) { a, _ in a }
            }
            return out
        }
        let events = merged("event", \.events, id: \.id, location: \.location) { e in
            var e = e
            e.location = nowhere
            for k in e.dates.indices { e.dates[k].location = nowhere }
            return e
        }
        let ratios = merged("ratio", \.ratios, id: \.id, location: \.location) { r in
            var r = r
            r.location = nowhere
            r.fieldLocations = [:]
            return r
        }

        // Annotations point at their observation's row and id. One on a dropped reading moves to
        // the reading kept for it, unless that one has its own: coverage that disagrees on the
        // quarters is an error (one reading cannot cover two spans), an erratum stays the earlier one.
        var coverage: [Coverage] = [], coverageAt: [Int: Coverage] = [:]
        var errata: [Erratum] = [], erratumAt: Set<Int> = []
        for (n, layer) in layers.enumerated() {
            for c in layer.coverageByObservation.values.sorted(by: { $0.location < $1.location }) {
                var c = c
                if c.row >= 0 {
                    let to = rows[n][c.row]
                    if to < 0 { continue }
                    if let earlier = coverageAt[to] {
                        if earlier.quarters != c.quarters {
                            error(c.location, "coverage of '\(clip(c.observationID))' says \(c.quarters) quarters here and \(earlier.quarters) at \(earlier.location) (another --data package), for one reading")
                        }
                        continue
                    }
                    c.row = to
                    c.observationID = kept[to].id
                    coverageAt[to] = c
                }
                coverage.append(c)
            }
            for e in layer.erratumByObservation.values.sorted(by: { $0.location < $1.location }) {
                var e = e
                if e.row >= 0 {
                    let to = rows[n][e.row]
                    if to < 0 || !erratumAt.insert(to).inserted { continue }
                    e.row = to
                    e.observationID = kept[to].id
                }
                errata.append(e)
            }
        }
        guard diagnostics.isEmpty else { throw LoadFailure(diagnostics) }

        var countries: [Country] = [], countryCodes: Set<String> = []
        var categories: [Category] = [], categoryKeys: Set<String> = []
        for layer in layers {
            for c in layer.countries.values.sorted(by: { $0.location < $1.location }) where countryCodes.insert(c.code).inserted {
                countries.append(c)
            }
            for c in layer.categories where categoryKeys.insert("\(c.measure.rawValue)/\(c.id)").inserted { categories.append(c) }
        }
        var store = ObservationStore()
        for o in kept { store.append(o) }
        store.finish()
        var data = Dataset(countries: countries, categories: categories, sources: sources, store: store, events: events,
                           origin: layers.map(\.origin).joined(separator: " + "), ratios: ratios, coverage: coverage, errata: errata)
        data.vocabulary = layers.lazy.compactMap(\.vocabulary).first
        data.loadWarnings = layers.flatMap(\.loadWarnings)
        return data
    }
}
