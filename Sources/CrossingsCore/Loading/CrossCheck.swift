/// Checks that need the whole package: unique keys and references between files.
extension Loader {
    mutating func crossCheck(countries: [Country], categories: [Category], sources: [Source],
                             store: ObservationStore, events: [Event], eventDates: [EventDate]) {
        func unique<T>(_ items: [T], _ key: (T) -> String, _ at: (T) -> Location, _ what: String) {
            var seen: [String: Location] = [:]
            for item in items {
                let k = key(item)
                if let first = seen[k] {
                    error(at(item), "duplicate \(what) '\(clip(k))' (first at line \(first.line))")
                } else {
                    seen[k] = at(item)
                }
            }
        }
        unique(countries, \.code, \.location, "country code")
        unique(categories, { "\($0.measure.rawValue)/\($0.id)" }, \.location, "category")
        unique(sources, \.id, \.location, "source id")
        duplicateIDs(store)
        unique(events, \.id, \.location, "event id")
        unique(eventDates, { "\($0.eventID) \($0.sourceID) \($0.locator)" }, \.location, "event date (event, source, locator)")

        let countryCodes = Set(countries.map(\.code))
        let sourceIDs = Set(sources.map(\.id))
        let categoryIDs = Set(categories.map { "\($0.measure.rawValue)/\($0.id)" })
        let eventIDs = Set(events.map(\.id))
        let sourceKinds = Dictionary(sources.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })

        // Per interned value, not per row: a million rows share a few hundred flows and categories.
        // The first row of each comes from one pass, and the rows of the sources to check from
        // another: a scan per unknown value was quadratic (65,537 unknown categories: minutes).
        let flows = store.flows, measures = store.measures
        let first = store.firstRows()
        // Only values a row holds: a refused row's values may be interned, and its own error says enough
        // (the package fuzzer's find: 'category transport/f is not in categories.csv' at line 2, column 1).
        for (i, flow) in flows.enumerated() where first.flows[i] >= 0 {
            for code in [flow.citizens, flow.destination] where !countryCodes.contains(code) && missing("countries", code) {
                let row = first.flows[i]
                error(store.location(of: row), "observation \(clip(store.idOf(row))): country '\(clip(code))' is not in countries.csv")
            }
        }
        for (i, mc) in measures.enumerated() where first.measures[i] >= 0 && mc.measure.hasCategories
            && !categoryIDs.contains("\(mc.measure.rawValue)/\(mc.category)")
            && missing("categories", "\(mc.measure.rawValue)/\(mc.category)") {
            let (m, c) = (mc.measure, mc.category)
            let row = first.measures[i]
            error(store.location(of: row), "observation \(clip(store.idOf(row))): category '\(m.rawValue)/\(clip(c))' is not in categories.csv")
        }
        let checked = store.citedSources.filter { !sourceIDs.contains($0) || sourceKinds[$0] == .article }
        let rowsBySource = store.rows(citingAny: checked)
        for sourceID in checked.sorted() {
            if !sourceIDs.contains(sourceID) {
                guard missing("sources", sourceID) else { continue }
                for row in rowsBySource[sourceID] ?? [] {
                    error(store.location(of: row), "observation \(clip(store.idOf(row))) cites source '\(clip(sourceID))', which is not in sources.csv")
                }
            } else {
                for row in rowsBySource[sourceID] ?? [] {
                    let o = store[row]
                    if !isParagraphLocator(o.locator) {
                        error(o.location, "observation \(clip(o.id)): a locator in an article is a paragraph, ¶N (found '\(clip(o.locator))')")
                    }
                }
            }
        }
        for d in eventDates {
            if !eventIDs.contains(d.eventID) && missing("events", d.eventID) { error(d.location, "event date for '\(clip(d.eventID))', which is not in events.csv") }
            if !sourceIDs.contains(d.sourceID) && missing("sources", d.sourceID) { error(d.location, "event '\(clip(d.eventID))' cites source '\(clip(d.sourceID))', which is not in sources.csv") }
            if sourceKinds[d.sourceID] == .article && !isParagraphLocator(d.locator) {
                error(d.location, "event '\(clip(d.eventID))': a locator in an article is a paragraph, ¶N (found '\(clip(d.locator))')")
            }
        }
        let dated = Set(eventDates.map(\.eventID))
        for e in events where !dated.contains(e.id) && missing("event_dates", e.id) {
            error(e.location, "event '\(clip(e.id))' has no date: add a row to event_dates.csv with its source")
        }
    }

    func isParagraphLocator(_ s: String) -> Bool {
        guard s.hasPrefix("¶") else { return false }
        let rest = s.dropFirst()
        return !rest.isEmpty && rest.allSatisfy(\.isASCIIDigit) && rest.contains { $0 != "0" }
    }

    /// Duplicate observation ids, found by sorting hashes (no set of a million strings).
    mutating func duplicateIDs(_ store: ObservationStore) {
        let perRow = store.idHashes()
        var seen = Set<UInt64>(minimumCapacity: perRow.count)
        var repeated = Set<UInt64>()
        for h in perRow where !seen.insert(h).inserted { repeated.insert(h) }
        seen = []
        guard !repeated.isEmpty else { return }
        // Only rows whose hash repeats are compared as text.
        var firstRow: [String: Int] = [:]
        for row in perRow.indices where repeated.contains(perRow[row]) {
            let id = store.idOf(row)
            if let first = firstRow[id] {
                error(store.location(of: row), "duplicate observation id '\(clip(id))' (first at line \(store.location(of: first).line))")
            } else {
                firstRow[id] = row
            }
        }
    }
}
