import CrossingsCore

extension PageKind { static let citations = PageKind("citations") }
extension Scope { public static let citations = Scope("Citations") }
extension Page {
    /// Every observation (or formula and parts) behind one number.
    public static func citations(_ key: FigureKey) -> Page { Page(.citations, .figure(key)) }
}

/// Citations: the shown value of one number, how it was chosen, its alternatives, its derivation and
/// every observation behind it.
struct CitationsView: PageView {
    var kind: PageKind { .citations }
    var scope: Scope { .citations }
    func previewTitle(on scope: Scope) -> String? { "Behind this number (\(Keymap.keyed(.cite, in: scope, "all of it")))" }

    /// What the page before did not already say about the number.
    func crumbs(_ page: Page, after previous: Page?, in s: State) -> [String] {
        guard let k = page.figure else { return [] }
        var out: [String] = []
        if let (f, period) = previous?.period, previous?.kind == .breakdown, f == k.flow, period == k.period {
            out.append(k.measure.rawValue)
            if !k.category.isEmpty { out.append(k.category) }
        } else if let series = previous?.figure, previous?.kind == .series, series.with(period: k.period) == k {
            out.append(k.period.description) // a period of a category's series: the series said the rest
        } else if previous?.kind == .counts, k.flow == s.flow {
            out.append(k.period.description)
            out.append(k.measureLabel)
        } else {
            out.append("\(k.flow) \(k.period) \(k.measureLabel)")
        }
        out.append("sources")
        return out
    }

    func items(_ page: Page, _ c: PageContext, _ library: Library) -> Items {
        guard let key = page.figure else { return Items([]) }
        return Items(library.citationItems(key))
    }

    /// Nothing but the number: facets do not narrow its citations.
    func itemsKey(_ c: PageContext) -> PageContext {
        var key = c.facetsOnly
        key.facets = Facets()
        return key
    }
}

extension Library {
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
        items.append(Item(.field("Shown", "\(shown.display)  \(how)"), search: "shown \(shown.display) \(key.measureLabel) \(categoryLabel(key))", cite: key, copy: copyShown))
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
            items.append(.heading("Parts (\(Keymap.keyed(.open, in: .citations, "the citations of a part", short: false)))"))
            for t in d.terms {
                let who = t.derivation.map { "derived: \($0.formula)" }
                    ?? t.observations.map { "\($0.sourceID) \($0.locator)" }.joined(separator: "; ")
                let value = formatCount(t.value) + (t.derivation == nil ? "" : "*")
                let label = "\(t.key.period) \(t.key.measureLabel)"
                items.append(Item(.line([Span(pad((t.sign < 0 ? "− " : "+ ") + label, 26)), Span(number(value, 10), .header),
                                         Span("  " + who, .dim)]),
                                  search: "\(label) \(categoryLabel(t.key)) \(value) \(who)", open: .citations(t.key), cite: t.key,
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
        func add(_ label: String, _ value: String, link: Bool = false) {
            guard !value.isEmpty else { return }
            items.append(Item(link ? .link(label, url: s?.url ?? "") : .field(label, value), search: "\(label) \(value) \(o.sourceID)",
                              open: .source(o.sourceID), cite: o.key, copy: copy))
        }
        items.append(.blank)
        items.append(Item(.line([Span("\(index)/\(total)  ", .dim), Span(o.reported.display, .header), Span("  ", .normal),
                                 Span("“\(o.printed)”", .accent), Span("  \(o.key.period) \(o.key.measureLabel)", .dim)]),
                          search: "\(o.printed) \(o.sourceID) \(o.key) \(categoryLabel(o.key))", open: .source(o.sourceID), cite: o.key, copy: copy))
        add("Outlet", s?.outlet ?? o.sourceID)
        add("Date", s.map { $0.date.isEmpty ? "not known" : $0.date } ?? "")
        add("Title", s?.title ?? "")
        add("URL", s.map { $0.url.isEmpty ? "not known" : $0.url } ?? "", link: true)
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
}
