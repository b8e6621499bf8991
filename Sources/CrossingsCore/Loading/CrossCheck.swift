/// Checks that need the whole package: unique keys and references between files.
extension Loader {
    mutating func crossCheck(countries: [Country], categories: [Category], sources: [Source],
                             observations: [Observation], events: [Event], eventDates: [EventDate]) {
        func unique<T>(_ items: [T], _ key: (T) -> String, _ at: (T) -> Location, _ what: String) {
            var seen: [String: Location] = [:]
            for item in items {
                let k = key(item)
                if let first = seen[k] {
                    error(at(item), "duplicate \(what) '\(k)' (first at line \(first.line))")
                } else {
                    seen[k] = at(item)
                }
            }
        }
        unique(countries, \.code, \.location, "country code")
        unique(categories, { "\($0.measure.rawValue)/\($0.id)" }, \.location, "category")
        unique(sources, \.id, \.location, "source id")
        unique(observations, \.id, \.location, "observation id")
        unique(events, \.id, \.location, "event id")
        unique(eventDates, { "\($0.eventID) \($0.sourceID) \($0.locator)" }, \.location, "event date (event, source, locator)")

        let countryCodes = Set(countries.map(\.code))
        let sourceIDs = Set(sources.map(\.id))
        let categoryIDs = Set(categories.map { "\($0.measure.rawValue)/\($0.id)" })
        let eventIDs = Set(events.map(\.id))
        let sourceKinds = Dictionary(sources.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })

        for o in observations {
            if !sourceIDs.contains(o.sourceID) {
                error(o.location, "observation \(o.id) cites source '\(o.sourceID)', which is not in sources.csv")
            }
            for code in [o.key.flow.citizens, o.key.flow.destination] where !countryCodes.contains(code) {
                error(o.location, "observation \(o.id): country '\(code)' is not in countries.csv")
            }
            if o.key.measure.hasCategories && !categoryIDs.contains("\(o.key.measure.rawValue)/\(o.key.category)") {
                error(o.location, "observation \(o.id): category '\(o.key.measure.rawValue)/\(o.key.category)' is not in categories.csv")
            }
            if sourceKinds[o.sourceID] == .article && !isParagraphLocator(o.locator) {
                error(o.location, "observation \(o.id): a locator in an article is a paragraph, ¶N (found '\(o.locator)')")
            }
        }
        for d in eventDates {
            if !eventIDs.contains(d.eventID) { error(d.location, "event date for '\(d.eventID)', which is not in events.csv") }
            if !sourceIDs.contains(d.sourceID) { error(d.location, "event '\(d.eventID)' cites source '\(d.sourceID)', which is not in sources.csv") }
            if sourceKinds[d.sourceID] == .article && !isParagraphLocator(d.locator) {
                error(d.location, "event '\(d.eventID)': a locator in an article is a paragraph, ¶N (found '\(d.locator)')")
            }
        }
        let dated = Set(eventDates.map(\.eventID))
        for e in events where !dated.contains(e.id) {
            error(e.location, "event '\(e.id)' has no date: add a row to event_dates.csv with its source")
        }
    }

    func isParagraphLocator(_ s: String) -> Bool {
        guard s.hasPrefix("¶") else { return false }
        let rest = s.dropFirst()
        return !rest.isEmpty && rest.allSatisfy(\.isASCIIDigit) && rest.contains { $0 != "0" }
    }
}
