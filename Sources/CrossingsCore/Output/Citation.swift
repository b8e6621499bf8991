import Foundation

/// Sentence-ready lines for `y`: a number with who it comes from, in one line an
/// editor can paste into copy. Strongest attribution first (the producer, then the
/// outlet, then the date in words); no locators, ids or URLs, which stay one key
/// away on the citations page. The order is docs/rules.md, "Citing a figure".
///
/// ```text
/// 13,221 entries into Russia by citizens of North Korea in 2024 (FSB border service data via News1 Global, 2025; also Federal Statistics Service of Russia data (as credited) via online.ua, 9 February 2025).
/// ```
public enum Citation {
    public static func periodPhrase(_ p: Period) -> String {
        switch p {
        case .year(let y): "in \(y)"
        case .half(let y, let h): "in H\(h) \(y)"
        case .quarter(let y, let q): "in Q\(q) \(y)"
        case .range(let a, let b): "over \(a)–\(b)"
        }
    }

    /// The label of a breakdown's residual: the part the sources did not break out
    /// (not a category of the FSB's: it has no "purpose not stated").
    public static let residualLabel = "not broken out"

    /// How a derivation's kind is named on screen.
    public static func kindLabel(_ kind: Derivation.Kind) -> String {
        kind == .residual ? residualLabel : kind.rawValue
    }

    /// What a number counts and when: `entries into Russia by citizens of North Korea for study in Q3 2024`;
    /// the residual puts its period first (`… in Q3 2024 for which the sources give no breakdown by purpose`).
    public static func phrase(_ key: FigureKey, _ data: Dataset) -> String {
        let period = periodPhrase(key.period)
        guard key.category == notStatedCategory, key.measure.isBreakdown else { return subject(key, data) + " " + period }
        let base = subject(key.with(measure: .total, category: ""), data)
        return base + " " + period + " for which the sources give no breakdown by " + (key.measure == .purpose ? "purpose" : "mode of transport")
    }

    public static func subject(_ key: FigureKey, _ data: Dataset) -> String {
        let flow = key.flow
        let base = flow.isEntry
            ? "entries into Russia by citizens of \(data.countryName(flow.citizens))"
            : "trips to \(data.countryName(flow.destination)) by citizens of Russia"
        let label = data.category(key.measure, key.category)?.label ?? key.category
        switch key.measure {
        case .total: return base
        case .purpose:
            return key.category == notStatedCategory ? base + " for which the sources give no breakdown by purpose" : base + " for \(label)"
        case .transport:
            return key.category == notStatedCategory ? base + " for which the sources give no breakdown by mode of transport" : base + " by \(label)"
        case .estimate: return "\(label) (estimate) for \(flow)"
        case .annualAverage: return base + " (annual average)"
        }
    }

    /// `about 13,000`, `more than 13,220`, `at least 1,000`, `about 6.62 million`, `20,000 to 50,000`.
    public static func words(_ v: ReportedValue) -> String {
        if v.qualifier == .range { return formatCount(v.value) + " to " + formatCount(v.high ?? v.value) }
        let hedge = v.hedgeWords
        return (hedge.isEmpty ? "" : hedge + " ") + v.number(compact: false)
    }

    /// `FSB border service data`, `FSB border service data (presumed)`, `US officials`,
    /// `Peter Ward (estimate)`: a statistical producer's numbers are its data; any other
    /// producer is named as the source names it.
    public static func producerPhrase(_ producer: String) -> String {
        let name = producer.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return "figures of an unnamed producer" }
        guard Attribution.strength(name).tier == 0 else { return name }
        if name.hasSuffix(")"), let open = name.lastIndex(of: "(") {
            let base = name[..<open].trimmingCharacters(in: .whitespaces)
            return "\(base) data \(name[open...])"
        }
        return name + " data"
    }

    /// `News1 Global, 2025`, `NK News, 8 May 2025`, `newsrebeat.com, undated`.
    public static func outletAndDate(_ o: Observation, _ data: Dataset) -> String {
        guard let s = data.sourceByID[o.sourceID] else { return "an unknown source" }
        return s.outlet + ", " + (s.date.isEmpty ? "undated" : Attribution.dateInWords(s.date))
    }

    /// Who stands behind a value, strongest first:
    /// `FSB border service data via News1 Global, 2025; NK News, 8 May 2025; also US officials via The Korea Herald, 9 November 2024`.
    public static func attribution(_ obs: [Observation], _ data: Dataset) -> String {
        let groups = data.citationOrder(obs)
        guard !groups.isEmpty else { return "no cited figures" }
        return groups.enumerated().map { i, g in
            let producer = producerPhrase(g.producer)
            // "South Korean intelligence (via Yonhap)" already names a link: no second "via".
            let link = producer.lowercased().contains("via ") ? ", reported by " : " via "
            // Short enough to paste: the strongest producer's two best outlets, one for each other producer;
            // the full list stays on the citations page.
            let outlets = uniqued(g.observations.map { outletAndDate($0, data) })
            let keep = i == 0 ? 2 : 1
            var named = outlets.prefix(keep).joined(separator: "; ")
            if outlets.count > keep { named += " and \(outlets.count - keep) other outlet\(outlets.count - keep == 1 ? "" : "s")" }
            return (i == 0 ? "" : "also ") + producer + link + named
        }.joined(separator: "; ")
    }

    /// One observation as printed, with who it comes from.
    public static func line(_ o: Observation, _ data: Dataset) -> String {
        let printed = o.printed.isEmpty ? "" : " (printed as “\(o.printed)”)"
        return visible("\(words(o.reported))\(printed) \(phrase(o.key, data)) (\(attribution([o], data))).")
    }

    /// A row of a key's figures with the sources that print it, as a line to put under a sentence:
    /// `13,221 entries into Russia by citizens of North Korea in 2024 (FSB border service data via News1 Global, 2025).`
    public static func line(_ row: FigureRow, _ data: Dataset) -> String {
        if row.status == .derived, let d = row.derivation {
            return visible("\(formatCount(d.value)) \(phrase(row.key, data)) (worked out by crossings as \(d.formula) = \(d.worked),"
                + " printed by no source, from \(attribution(d.observations, data))).")
        }
        return visible("\(words(row.value)) \(phrase(row.key, data)) (\(attribution(row.observations, data))).")
    }

    /// An event with every source's date: `Summary (June 2024: NK News, 8 May 2025; …).`
    public static func line(_ e: Event, _ data: Dataset) -> String {
        let dates = e.dates.map { line(e, date: $0, data) }
        return visible("\(e.summary) (\(dates.joined(separator: "; "))).")
    }

    /// `June 2024 according to NK News, 8 May 2025`
    public static func line(_ e: Event, date d: EventDate, _ data: Dataset) -> String {
        guard let s = data.sourceByID[d.sourceID] else { return d.label }
        return "\(d.label) according to \(s.outlet), " + (s.date.isEmpty ? "undated" : Attribution.dateInWords(s.date))
    }

    public static func line(_ s: Source) -> String {
        visible([s.outlet, s.title.isEmpty ? "" : "“\(s.title)”", s.date, s.url].filter { !$0.isEmpty }.joined(separator: ", ") + ".")
    }

    public static func uniquedIDs(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }
}
