import CrossingsCore

/// Sentence-ready lines for `y`: a number with where it comes from, in one line
/// an editor can paste into copy.
///
/// ```text
/// 13,221 entries into Russia by citizens of North Korea in 2024 (FSB border service figures; online.ua (English edition), 2025-02-09, ¶19; News1 Global, 2025, press-facts P6, https://news1global.com/etc/article/426871).
/// ```
enum Citation {
    static func periodPhrase(_ p: Period) -> String {
        switch p {
        case .year(let y): "in \(y)"
        case .half(let y, let h): "in H\(h) \(y)"
        case .quarter(let y, let q): "in Q\(q) \(y)"
        case .range(let a, let b): "over \(a)–\(b)"
        }
    }

    static func subject(_ key: FigureKey, _ data: Dataset) -> String {
        let flow = key.flow
        let base = flow.isEntry
            ? "entries into Russia by citizens of \(data.countryName(flow.citizens))"
            : "trips to \(data.countryName(flow.destination)) by citizens of Russia"
        let label = data.category(key.measure, key.category)?.label ?? key.category
        switch key.measure {
        case .total: return base
        case .purpose: return key.category == notStatedCategory ? base + " with no purpose stated" : base + " for \(label)"
        case .transport: return key.category == notStatedCategory ? base + " with no mode of transport stated" : base + " by \(label)"
        case .estimate: return "\(label) (estimate) for \(flow)"
        case .annualAverage: return base + " (annual average)"
        }
    }

    /// `about 13,000`, `at least 13,220`, `20,000 to 50,000`.
    static func words(_ v: ReportedValue) -> String {
        switch v.qualifier {
        case .exact: formatCount(v.value)
        case .about: "about " + formatCount(v.value)
        case .atLeast: "at least " + formatCount(v.value)
        case .atMost: "at most " + formatCount(v.value)
        case .range: formatCount(v.value) + " to " + formatCount(v.high ?? v.value)
        }
    }

    /// `online.ua (English edition), 2025-02-09, ¶19, https://…`
    static func reference(_ o: Observation, _ data: Dataset) -> String {
        guard let s = data.sourceByID[o.sourceID] else { return "\(o.sourceID), \(o.locator)" }
        var parts = [s.outlet]
        if !s.title.isEmpty { parts.append("“\(s.title)”") }
        if !s.date.isEmpty { parts.append(s.date) }
        parts.append(o.locator)
        if !s.url.isEmpty { parts.append(s.url) }
        return parts.joined(separator: ", ")
    }

    static func references(_ obs: [Observation], _ data: Dataset) -> String {
        var groups: [(String, [Observation])] = []
        for o in obs {
            if let i = groups.firstIndex(where: { $0.0 == o.producer }) { groups[i].1.append(o) } else { groups.append((o.producer, [o])) }
        }
        return groups.map { producer, obs in
            "\(producer) figures; " + obs.map { reference($0, data) }.joined(separator: "; ")
        }.joined(separator: "; ")
    }

    /// The shown value of a key, with its sources (or its formula and the sources of its parts).
    static func line(_ f: ShownFigure, _ data: Dataset) -> String {
        let subject = self.subject(f.key, data)
        var text: String
        if f.isDerived, let d = f.rows.first(where: { $0.status == .derived })?.derivation {
            let who = uniquedIDs(d.observations.map(\.sourceID)).compactMap { data.sourceByID[$0] }
                .map { [$0.outlet, $0.date, $0.url].filter { !$0.isEmpty }.joined(separator: ", ") }
            text = "\(formatCount(d.value)) \(subject) \(periodPhrase(f.key.period)) (worked out by crossings, not printed by any source: \(d.formula) = \(d.worked); from \(who.isEmpty ? "no cited figures" : who.joined(separator: "; ")))"
        } else {
            let obs = f.rows.first { $0.status == .reported && $0.value == f.value }?.observations ?? []
            text = "\(words(f.value)) \(subject) \(periodPhrase(f.key.period)) (\(references(obs, data)))"
        }
        if !f.agrees {
            let others = f.rows.filter { $0.value != f.value || ($0.status == .derived) != f.isDerived }
                .map { $0.value.display + ($0.status == .derived ? " derived" : "") }
            text += "; sources disagree, other values: " + others.joined(separator: ", ")
        }
        return visible(text + ".")
    }

    /// One observation as printed, with its source.
    static func line(_ o: Observation, _ data: Dataset) -> String {
        let printed = o.printed.isEmpty ? "" : " (printed as “\(o.printed)”)"
        return visible("\(words(o.reported))\(printed) \(subject(o.key, data)) \(periodPhrase(o.key.period)) (\(o.producer) figures; \(reference(o, data))).")
    }

    static func line(_ e: Event, _ data: Dataset) -> String {
        let dates = e.dates.map { d in
            [d.label, data.sourceByID[d.sourceID]?.outlet ?? d.sourceID, d.locator, data.sourceByID[d.sourceID]?.url ?? ""]
                .filter { !$0.isEmpty }.joined(separator: ", ")
        }
        return visible("\(e.summary) (\(dates.joined(separator: "; "))).")
    }

    static func line(_ s: Source) -> String {
        visible([s.outlet, s.title.isEmpty ? "" : "“\(s.title)”", s.date, s.url].filter { !$0.isEmpty }.joined(separator: ", ") + ".")
    }

    static func uniquedIDs(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }
}
