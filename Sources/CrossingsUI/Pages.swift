import CrossingsCore

/// What each page lists.
extension Library {
    func buildItems(_ page: Page, flow: Flow, compare: Flow? = nil, granularity: Period.Granularity, facets: Facets,
                    ranking: RankingQuestion = RankingQuestion()) -> Items {
        switch page {
        case .counts:
            if let compare { Items(comparedItems(flow: flow, compare: compare, granularity: granularity, facets: facets)) }
            else { Items(countsItems(flow: flow, granularity: granularity, facets: facets)) }
        case .ranking: Items(rankingItems(ranking, granularity: granularity, facets: facets))
        case .breakdown(let f, let p): Items(breakdownItems(flow: f, period: p, facets: facets))
        case .citations(let key): Items(citationItems(key))
        case .timeline: Items(timelineItems(facets: facets))
        case .event(let id): Items(eventItems(id))
        case .sources: Items(sourceListItems(facets: facets))
        case .source(let id): sourceItems(id, facets: facets)
        case .check(let sentence): Items(checkItems(sentence))
        }
    }

    // MARK: Counts

    func countsItems(flow: Flow, granularity: Period.Granularity, facets: Facets) -> [Item] {
        counts(flow: flow, granularity: granularity, facets: facets).map { row in
            let key = FigureKey(flow: flow, period: row.period, measure: .total)
            return Item(.count(row), search: "\(row.period) \(row.figure?.display ?? "")",
                        open: .breakdown(flow, row.period), cite: key,
                        copyFigure: row.figure)
        }
    }

    /// Two flows side by side: Enter and `c` go to the first, `C` to the second.
    func comparedItems(flow: Flow, compare: Flow, granularity: Period.Granularity, facets: Facets) -> [Item] {
        compared(flow: flow, with: compare, granularity: granularity, facets: facets).map { row in
            let key = FigureKey(flow: flow, period: row.period, measure: .total)
            let other = FigureKey(flow: compare, period: row.period, measure: .total)
            return Item(.count(row), search: "\(row.period) \(row.figure?.display ?? "") \(row.compared?.display ?? "")",
                        open: .breakdown(flow, row.period), cite: row.figure == nil && row.compared != nil ? other : key,
                        citeOther: other, copyFigure: row.figure ?? row.compared)
        }
    }

    // MARK: Ranking

    /// The period a ranking question means: its own, or the latest year with data.
    func rankingPeriod(_ q: RankingQuestion) -> Period? {
        q.period ?? latestYear(exits: q.exits)
    }

    func rankingItems(_ q: RankingQuestion, granularity: Period.Granularity, facets: Facets) -> [Item] {
        guard let period = rankingPeriod(q) else {
            return [Item(.paragraph("No country has a figure in this data package."), selectable: false)]
        }
        let rows = ranking(period: period, exits: q.exits, facets: facets)
        return rows.map { row in
            let key = FigureKey(flow: row.flow, period: period, measure: .total)
            return Item(.rank(row), search: "\(row.code) \(row.name) \(row.flow) \(row.figure?.display ?? "")",
                        open: .counts, cite: row.figure == nil ? nil : key,
                        copyFigure: row.figure)
        }
    }

    // MARK: Breakdown

    func breakdownItems(flow: Flow, period: Period, facets: Facets) -> [Item] {
        let totalKey = FigureKey(flow: flow, period: period, measure: .total)
        let total = figure(totalKey, facets: facets)
        var items: [Item] = []
        items.append(categoryItem(BreakdownRow(key: totalKey, label: "Total", figure: total, share: nil, shareApproximate: false)))
        let sections: [(Measure, String)] = [(.purpose, "Purpose of travel"), (.transport, "Mode of transport"),
                                             (.estimate, "Estimates (not border counts)")]
        for (measure, title) in sections where facets.measure == nil || facets.measure == measure || facets.measure == .total {
            let rows = breakdown(flow: flow, period: period, measure: measure, facets: facets)
            if measure == .estimate && rows.isEmpty { continue }
            items.append(.blank)
            items.append(.heading(title))
            if rows.allSatisfy({ $0.figure == nil }) {
                items.append(Item(.line([Span("  no figures by \(measure.rawValue) for \(period)", .dim)]), selectable: false))
                continue
            }
            for row in rows { items.append(categoryItem(row)) }
        }
        return items
    }

    func categoryItem(_ row: BreakdownRow) -> Item {
        Item(.category(row), search: "\(row.key.measure.rawValue) \(row.key.category) \(row.label) \(row.figure?.display ?? "")",
             open: row.figure == nil ? nil : .citations(row.key), cite: row.figure == nil ? nil : row.key,
             copyFigure: row.figure)
    }

    // MARK: Citations

    func citationItems(_ key: FigureKey) -> [Item] {
        var items: [Item] = []
        let allRows = resolver.rows(for: key)
        // Errata have a section of their own, with the reason they are wrong.
        let erratumRows = allRows.filter { $0.status.isSetAside }
        let rows = allRows.filter { !$0.status.isSetAside }
        let shown = ShownFigure.pick(key, rows: rows, resolver: resolver)
        let copyShown = shown.map { Citation.line($0, data) }
        items.append(Item(.heading("\(key.flow) \(key.period) \(key.measureLabel)"), search: key.description, selectable: false))
        items.append(Item(.paragraph(Citation.phrase(key, data)), selectable: false))
        items.append(.blank)
        guard let shown else {
            items.append(Item(.paragraph("No source gives this figure, and it cannot be worked out from others."), selectable: false))
            return items
        }
        let how: String
        let reportedRows = rows.filter { $0.status == .reported }
        let mostCited = reportedRows.map(\.observations.count).max() ?? 0
        if shown.isDerived {
            how = "derived: worked out by crossings, printed by no source"
        } else if rows.count == 1 {
            how = "as reported"
        } else if let c = resolver.consensus(key), c.value == shown.value.value, shown.value.qualifier == .exact {
            how = shown.agrees ? "the precise value every source agrees with"
                               : "the precise value every source agrees with, but marked (why: below)"
        } else if shown.agrees {
            how = "the value most sources give; the others agree with it"
        } else if reportedRows.filter({ $0.observations.count == mostCited }).count > 1 {
            how = "sources disagree; shown: the first value listed (as many sources give each)"
        } else {
            how = "sources disagree; shown: the value most sources give"
        }
        items.append(Item(.field("Shown", "\(shown.display)  \(how)"), search: "shown \(shown.display)", cite: key, copy: copyShown))
        let count = Citation.uniquedIDs(rows.flatMap { $0.observations.map(\.sourceID) }).count
        let printers = switch count {
        case 0: "no source prints it"
        case 1: "1 source prints a value for it"
        default: "\(count) sources print a value for it"
        }
        items.append(Item(.field("Sources", printers), cite: key, copy: copyShown))
        if let q = shown.partialQuarters {
            items.append(Item(.field("Covers", "only \(q) of the \(key.period.quarterCount) quarters of \(key.period)"), cite: key, copy: copyShown))
        }
        switch resolver.changeAnswer(key) {
        case .change(let c):
            let both = c.partialCoverage.map { " (both cover \($0) quarters)" } ?? ""
            items.append(Item(.field("Y/Y", "\(c.display)\(c.isDerived ? "*" : "") on \(c.previousKey.period) (\(formatCount(c.previous.value)))\(both)"),
                              open: .citations(c.previousKey), cite: key, copy: copyShown))
        case .none(let reason):
            items.append(Item(.field("Y/Y", "none: \(reason)"), cite: key, copy: copyShown))
        case .unknown:
            break
        }
        for n in rows.first?.notes ?? [] {
            items.append(Item(.field("Note", visible(n)), search: "note \(n)", cite: key, copy: copyShown))
        }
        if let reasons = rows.first?.disputes, !shown.agrees, !reasons.isEmpty {
            items.append(.blank)
            items.append(.heading("Why it is marked !"))
            for reason in reasons { items.append(Item(.paragraph(visible(reason)), search: reason, cite: key, copy: copyShown)) }
        }

        if rows.count > 1 {
            items.append(.blank)
            let sourcesDisagree = !Resolver.allAgree(rows.filter { $0.status == .reported }.map(\.value))
            items.append(.heading(shown.agrees ? "Values side by side: they agree within their rounding"
                                  : sourcesDisagree ? "Values side by side: sources DISAGREE"
                                  : "Values side by side: they cannot all be true (why: above)"))
            for row in rows {
                let isShown = row.value == shown.value && (row.status == .derived) == shown.isDerived
                let diff = isShown ? "shown" : signed(row.value.value - shown.value.value)
                let who: String
                if let d = row.derivation {
                    who = "derived: \(d.formula) (\(d.worked))"
                } else {
                    who = row.observations.map { "\($0.sourceID) \($0.locator)" }.joined(separator: "; ")
                }
                let agrees = row.value.agrees(with: shown.value)
                items.append(Item(.alternative(value: row.value.compactDisplay + (row.status == .derived ? "*" : ""), difference: diff, who: who, agrees: agrees),
                                  search: "\(row.value.display) \(who)", open: row.observations.first.map { .source($0.sourceID) }, cite: key,
                                  copy: row.observations.first.map { Citation.line($0, data) } ?? copyShown))
            }
        }

        if let d = rows.first(where: { $0.status == .derived })?.derivation {
            items.append(.blank)
            items.append(.heading("Derived: worked out by crossings (\(Citation.kindLabel(d.kind))), printed by no source"))
            items.append(Item(.field("Formula", d.formula), search: d.formula, cite: key, copy: copyShown))
            items.append(Item(.field("Worked", d.worked), search: d.worked, cite: key, copy: copyShown))
            items.append(.blank)
            items.append(.heading("Parts (Enter: the citations of a part)"))
            for t in d.terms {
                let who = t.derivation.map { "derived: \($0.formula)" }
                    ?? t.observations.map { "\($0.sourceID) \($0.locator)" }.joined(separator: "; ")
                let value = formatCount(t.value) + (t.derivation == nil ? "" : "*")
                let label = "\(t.key.period) \(t.key.measureLabel)"
                items.append(Item(.line([Span(pad((t.sign < 0 ? "− " : "+ ") + label, 26)), Span(number(value, 10), .header),
                                         Span("  " + who, .dim)]),
                                  search: "\(label) \(value) \(who)", open: .citations(t.key), cite: t.key,
                                  copy: figure(t.key).map { Citation.line($0, data) }))
            }
            let parts = uniqueObservations(d.observations)
            items.append(.blank)
            items.append(.heading("Citations of the parts (\(parts.count))"))
            for (i, o) in parts.enumerated() { items += observationItems(o, index: i + 1, of: parts.count) }
        }

        let reported = rows.filter { $0.status == .reported }.flatMap(\.observations)
        if !reported.isEmpty {
            items.append(.blank)
            items.append(.heading("Every observation (\(reported.count))"))
            for (i, o) in reported.enumerated() { items += observationItems(o, index: i + 1, of: reported.count) }
        }
        // Printed, but set aside: part-period values beside whole-period ones, and errata with the reason.
        let aside = erratumRows.flatMap(\.observations)
        if !aside.isEmpty {
            items.append(.blank)
            items.append(.heading("Set aside, never used (\(aside.count))"))
            for (i, o) in aside.enumerated() {
                if let e = data.erratum(forObservation: o.id) {
                    let evidence = data.sourceByID[e.sourceID]?.outlet ?? e.sourceID
                    items.append(Item(.field("Erratum", visible("\(o.reported.display): \(e.reason) (evidence: \(evidence), \(e.locator))")),
                                      search: "erratum \(o.reported.display) \(e.reason)", open: .source(e.sourceID), cite: key))
                } else if let c = data.coverage(ofObservation: o.id) {
                    items.append(Item(.field("Part", "\(o.reported.display): covers only \(c.quarters) of \(key.period.quarterCount) quarters"),
                                      search: "part \(o.reported.display)", cite: key))
                }
                items += observationItems(o, index: i + 1, of: aside.count)
            }
        }
        return items
    }

    func uniqueObservations(_ obs: [Observation]) -> [Observation] {
        var seen = Set<String>()
        return obs.filter { seen.insert($0.id).inserted }
    }

    func signed(_ n: Int) -> String { n == 0 ? "±0" : (n > 0 ? "+" : "") + formatCount(n) }

    /// Everything about one observation, one field a line.
    func observationItems(_ o: Observation, index: Int, of total: Int) -> [Item] {
        let s = data.sourceByID[o.sourceID]
        let copy = Citation.line(o, data)
        var items: [Item] = []
        func add(_ label: String, _ value: String) {
            guard !value.isEmpty else { return }
            items.append(Item(.field(label, value), search: "\(label) \(value) \(o.sourceID)", open: .source(o.sourceID), cite: o.key, copy: copy))
        }
        items.append(.blank)
        items.append(Item(.line([Span("\(index)/\(total)  ", .dim), Span(o.reported.display, .header), Span("  ", .normal),
                                 Span("“\(o.printed)”", .accent), Span("  \(o.key.period) \(o.key.measureLabel)", .dim)]),
                          search: "\(o.printed) \(o.sourceID) \(o.key)", open: .source(o.sourceID), cite: o.key, copy: copy))
        add("Outlet", s?.outlet ?? o.sourceID)
        add("Date", s.map { $0.date.isEmpty ? "not known" : $0.date } ?? "")
        add("Title", s?.title ?? "")
        add("URL", s.map { $0.url.isEmpty ? "not known" : $0.url } ?? "")
        add("Where", o.locator + ((s?.file ?? "").isEmpty ? "" : " in \(s?.file ?? "")"))
        add("Chain", data.chain(of: o).joined(separator: " › "))
        add("Producer", o.producer)
        add("Credits", data.credit(of: o))
        add("Note", o.note)
        add("Source note", s?.note ?? "")
        add("Source", o.sourceID)
        add("Row", o.location.description)
        return items
    }

    // MARK: Timeline

    func timelineItems(facets: Facets) -> [Item] {
        data.events.filter { e in
            if let tag = facets.tag, !e.tags.contains(tag) { return false }
            if let source = facets.source, !e.dates.contains(where: { $0.sourceID == source }) { return false }
            if let d = e.date, !(facets.admits(year: d.start / 10000) || facets.admits(year: d.end / 10000)) { return false }
            return true
        }.map { e in
            let haystack = ([e.id, e.summary] + e.tags + e.dates.flatMap { [$0.label, $0.date, $0.printed, $0.sourceID, data.sourceByID[$0.sourceID]?.outlet ?? ""] })
                .joined(separator: " ")
            return Item(.event(e), search: haystack, open: .event(e.id), copy: Citation.shownLine(e, data), quarter: e.date?.quarter)
        }
    }

    func eventItems(_ id: String) -> [Item] {
        guard let e = event(id) else { return [Item(.paragraph("No event '\(id)'."), selectable: false)] }
        let copy = Citation.shownLine(e, data)
        var items: [Item] = []
        items.append(Item(.heading((e.date?.label ?? "date not known") + (e.datesDisagree ? "  (sources give different dates)" : "")),
                          search: e.date?.label ?? "", selectable: false))
        items.append(Item(.paragraph(e.summary), search: e.summary, copy: copy, quarter: e.date?.quarter))
        items.append(.blank)
        items.append(Item(.field("Tags", e.tags.joined(separator: ", ")), search: e.tags.joined(separator: " "), copy: copy, quarter: e.date?.quarter))
        items.append(Item(.field("Id", e.id), search: e.id, copy: copy, quarter: e.date?.quarter))
        items.append(Item(.field("Row", e.location.description), copy: copy, quarter: e.date?.quarter))
        items.append(.blank)
        items.append(.heading(e.datesDisagree ? "Dates by source: sources DISAGREE (Enter: the source)" : "Dates by source (Enter: the source)"))
        for d in e.dates {
            let s = data.sourceByID[d.sourceID]
            let lineCopy = visible("\(clipped(e.summary)) (\(Citation.line(e, date: d, data))).")
            func add(_ label: String, _ value: String) {
                guard !value.isEmpty else { return }
                items.append(Item(.field(label, value), search: "\(label) \(value) \(d.sourceID)", open: .source(d.sourceID), copy: lineCopy, quarter: d.quarter))
            }
            items.append(.blank)
            items.append(Item(.line([Span(d.label, .header), Span("  \(d.precision.rawValue)", .dim)]),
                              search: "\(d.label) \(d.date) \(d.sourceID)", open: .source(d.sourceID), copy: lineCopy, quarter: d.quarter))
            add("As printed", d.printed.isEmpty ? "" : "“\(d.printed)”")
            add("Outlet", s?.outlet ?? d.sourceID)
            add("Published", s.map { $0.date.isEmpty ? "not known" : $0.date } ?? "")
            add("URL", s.map { $0.url.isEmpty ? "not known" : $0.url } ?? "")
            add("Where", d.locator)
            add("Note", d.note)
            add("Source", d.sourceID)
        }
        return items
    }

    // MARK: Sources

    func sourceListItems(facets: Facets) -> [Item] {
        // Counts from the columns: putting every observation of a million-row source together to count it was the slow part.
        let figures = data.observations.countsBySource()
        return data.sources.filter { s in
            if let source = facets.source, s.id != source { return false }
            if let y = Int(s.date.prefix(4)), !facets.admits(year: y) { return false }
            return true
        }.map { s in
            let events = data.events.filter { $0.dates.contains { $0.sourceID == s.id } }.count
            return Item(.source(s, figures: figures[s.id] ?? 0, events: events),
                        search: "\(s.id) \(s.kind.rawValue) \(s.outlet) \(s.title) \(s.date) \(s.creditedAgency) \(s.chain.joined(separator: " "))",
                        open: .source(s.id), copy: Citation.shownLine(s))
        }
    }

    /// A source's fields, every figure it gives (one line each, made a screen at a time: `Items`)
    /// and the events it dates.
    func sourceItems(_ id: String, facets: Facets) -> Items {
        guard let s = source(id) else { return Items([Item(.paragraph("No source '\(id)'."), selectable: false)]) }
        let copy = Citation.shownLine(s)
        var items: [Item] = []
        items.append(Item(.heading(s.outlet), search: s.outlet, selectable: false))
        func add(_ label: String, _ value: String) {
            guard !value.isEmpty else { return }
            items.append(Item(.field(label, value), search: "\(label) \(value)", copy: copy))
        }
        add("Id", s.id)
        add("Kind", s.kind.rawValue)
        add("Title", s.title)
        add("Date", s.date.isEmpty ? "not known" : s.date)
        add("URL", s.url.isEmpty ? "not known" : s.url)
        add("Stored text", s.file)
        add("Credits", s.creditedAgency)
        add("Chain", s.chain.joined(separator: " › "))
        add("Licence", s.license)
        add("Copyright", s.copyright)
        add("Note", s.note)
        // The figures as row numbers in key order, from the columns: no observation is put together
        // until its line is drawn or selected (on a 675k-row package, building them all to sort them
        // took 17 s and 1.3 GB; issue 11).
        let rows = data.observations.rowsInKeyOrder(citing: s.id, period: { facets.admits($0) },
                                                    measure: { facets.measure == nil || facets.measure == $0 })
        items.append(.blank)
        items.append(.heading("Figures it backs (\(rows.count)) — Enter: all citations of the number"))
        let data = self.data
        let run = LazyRun(rows: rows, make: { Library.figureLine(data.observations[Int($0)], data) },
                          search: Library.figureSearch(data.observations))
        let events = data.events.filter { $0.dates.contains { $0.sourceID == s.id } }
        var tail: [Item] = [.blank, .heading("Events it dates (\(events.count))")]
        for e in events {
            for d in e.dates where d.sourceID == s.id {
                tail.append(Item(.line([Span(d.locator, .dim), Span("  \(d.label)  ", .header), Span(e.summary)]),
                                 search: "\(d.locator) \(d.label) \(e.summary)", open: .event(e.id), copy: Citation.shownLine(e, data), quarter: d.quarter))
            }
        }
        return Items(head: items, run: run, tail: tail)
    }

    /// One figure a source gives, as its page lists it.
    static func figureLine(_ o: Observation, _ data: Dataset) -> Item {
        // A number someone else produced (an estimate the outlet reports) names its producer: it is not the source's chain.
        let producer = data.usesSourceChain(o) ? "" : "  from \(o.producer)"
        return Item(.line([Span(o.locator, .dim), Span("  \(o.key)  ", .normal), Span(o.reported.display, .header),
                           Span("  “\(o.printed)”", .accent), Span(producer, .dim)]),
                    search: figureSearch(o), open: .citations(o.key), cite: o.key)
            .copying(o)
    }

    /// What `/` matches that line by.
    static func figureSearch(_ o: Observation) -> String {
        "\(o.locator) \(o.key) \(o.reported.display) \(o.printed)"
    }

    /// The same text for a row, made from the store's columns: no `Observation` put together, the
    /// key's words looked up per flow, period and measure (`/` makes it for every line of a page).
    static func figureSearch(_ store: ObservationStore) -> (Int32) -> String {
        let tables = store.keyTables
        let flows = tables.flows.map(\.description), periods = tables.periods.map(\.description)
        let anyFlow = tables.flows.first ?? Flow(citizens: "", destination: ""), anyPeriod = tables.periods.first ?? .year(0)
        let measures = tables.measures.map { FigureKey(flow: anyFlow, period: anyPeriod, measure: $0.measure, category: $0.category).measureLabel }
        return { row in
            let p = store.searchParts(ofRow: Int(row))
            return "\(p.locator) \(flows[p.flow]) \(periods[p.period]) \(measures[p.measure]) \(p.reported.display) \(p.reported.printed)"
        }
    }

    // MARK: Check

    /// The verdicts on one typed sentence: each claim, why, and the figures behind it (Enter opens their citations).
    func checkItems(_ sentence: String) -> [Item] {
        // A pasted sentence may run to the prompt's 5,000 characters: its start is shown, not 70 lines of
        // it, and each key on this page does not wrap all of it again (the explorer fuzzer's timeout).
        let shown = clipped(sentence, limit: 400)
        var items: [Item] = [.heading("Check"), Item(.paragraph("“\(shown)”"), search: sentence, selectable: false), .blank]
        let findings = Checker(resolver: resolver).check(document: sentence)
        guard !findings.isEmpty else {
            items.append(Item(.paragraph("No count of travellers in this sentence. A claim is a number with whose travel, which way and when, "
                                         + "e.g. “In 2024, 13,221 North Koreans entered Russia.”"), selectable: false))
            return items
        }
        for f in findings {
            let key = f.claim.key
            let role: Role = switch f.verdict {
            case .supported: .header
            case .contradicted: .warning
            case .disputed: .warning
            case .unverifiable: .dim
            }
            let copy = "“\(f.claim.printed)” — \(f.verdict.rawValue): \(f.message)"
            items.append(Item(.line([Span(f.verdict.rawValue.uppercased(), role), Span("  “\(f.claim.printed)”  ", .accent),
                                     Span(key?.description ?? "(flow or period not recognised)", .dim)]),
                              search: "\(f.verdict.rawValue) \(f.claim.printed)", open: key.map { .citations($0) }, cite: key, copy: copy))
            items.append(Item(.paragraph(f.message), search: f.message, selectable: false))
            for row in f.rows {
                let who = row.status == .derived
                    ? "= \(row.derivation?.formula ?? "")"
                    : row.observations.map { "\($0.sourceID) \($0.locator)" }.joined(separator: "; ")
                items.append(Item(.field(row.status == .derived ? "Derived" : "Reported", "\(row.value.display)  \(who)"),
                                  search: who, open: .citations(row.key), cite: row.key, copy: copy))
            }
            items.append(.blank)
        }
        return items
    }
}
