import CrossingsCore

extension PageKind { static let source = PageKind("source") }
extension Scope { public static let source = Scope("Source") }
extension Page {
    /// One source and all it backs.
    public static func source(_ id: String) -> Page { Page(.source, .id(id)) }
}

/// Source: one source's fields, every figure it gives (made a screen at a time) and the events it dates.
struct SourceView: PageView {
    var kind: PageKind { .source }
    var scope: Scope { .source }
    func previewTitle(on scope: Scope) -> String? { "This source (\(Keymap.keyed(.open, in: scope, "all of it", short: false)))" }

    func crumbs(_ page: Page, after previous: Page?, in s: State) -> [String] { [page.text ?? ""] }

    func items(_ page: Page, _ c: PageContext, _ library: Library) -> Items {
        library.sourceItems(page.text ?? "", facets: c.facets)
    }
}

extension Library {
    /// A source's fields, every figure it gives (one line each, made a screen at a time: `Items`)
    /// and the events it dates.
    func sourceItems(_ id: String, facets: Facets) -> Items {
        guard let s = source(id) else { return Items([Item(.paragraph("No source '\(id)'."), selectable: false)]) }
        let copy = Citation.shownLine(s)
        var items: [Item] = []
        items.append(Item(.heading(s.outlet), search: s.outlet, selectable: false))
        // The outlet is the heading above.
        for (label, value) in s.fields(chain: " › ") where label != "Outlet" {
            // The URL a hyperlink where the terminal takes them (`.link`).
            items.append(Item(label == "URL" ? .link(label, url: s.url) : .field(label, value), search: "\(label) \(value)", copy: copy))
        }
        // The figures as row numbers in key order, from the columns: no observation is put together
        // until its line is drawn or selected (on a 675k-row package, building them all to sort them
        // took 17 s and 1.3 GB; issue 11).
        let rows = data.observations.rowsInKeyOrder(citing: s.id, period: { facets.admits($0) },
                                                    measure: { facets.measure == nil || facets.measure == $0 })
        items.append(.blank)
        items.append(.heading("Figures it backs (\(formatCount(rows.count))) — " + Keymap.keyed(.open, in: .source, "all citations of the number", short: false)))
        let data = self.data
        let run = LazyRun(rows: rows, make: { Library.figureLine(data.observations[Int($0)], data) },
                          search: Library.figureSearch(data.observations))
        let events = data.events.filter { $0.dates.contains { $0.sourceID == s.id } }
        var tail: [Item] = [.blank, .heading("Events it dates (\(events.count))")]
        for e in events {
            for d in e.dates where d.sourceID == s.id {
                tail.append(Item(.line([Span(d.locator, .dim), Span("  \(d.label)  ", .header), Span(e.summary)]),
                                 search: "\(d.locator) \(d.label) \(e.summary)", open: .event(e.id), copy: Citation.shownLine(e, data), quarter: d.period))
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
}
