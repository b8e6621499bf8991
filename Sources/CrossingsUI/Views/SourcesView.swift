import CrossingsCore

extension PageKind { static let sources = PageKind("sources") }
extension Scope { public static let sources = Scope("Sources") }
extension Page {
    /// Every source.
    public static let sources = Page(.sources)
}

/// Sources: every source, with how many figures and events it backs.
struct SourcesView: PageView {
    var kind: PageKind { .sources }
    var scope: Scope { .sources }
    /// Its lines are events or sources, not numbers: `c` does nothing here.
    var citesNumbers: Bool { false }
    var hasColumnHeader: Bool { true }
    var hasPreview: Bool { true }

    func crumbs(_ page: Page, after previous: Page?, in s: State) -> [String] { ["sources"] }

    func header(_ s: State, width w: Int) -> String? {
        let c = SourceColumns(width: w)
        return pad("Source", c.id) + (c.wide ? pad("Kind", 9) + pad("Date", 11) : "") + pad("Fig", c.figures, right: true) + pad("Ev", 3, right: true) + "  Outlet"
    }

    /// Id, figures, events, date, kind, outlet.
    var sortColumns: [SortColumn] {
        func source(_ i: Item) -> (Source, Int, Int)? { if case .source(let s, let f, let e) = i.content { (s, f, e) } else { nil } }
        return [
            .text("Source") { source($0)?.0.id },
            .number("Fig") { source($0).map { Double($0.1) } },
            .number("Ev") { source($0).map { Double($0.2) } },
            SortColumn.text("Date") { source($0).flatMap { $0.0.date.isEmpty ? nil : $0.0.date } }.dates(),
            .text("Kind") { source($0)?.0.kind.rawValue },
            .text("Outlet") { source($0)?.0.outlet },
        ]
    }

    func items(_ page: Page, _ c: PageContext, _ library: Library) -> Items {
        Items(library.sourceListItems(facets: c.facets))
    }
}

struct SourceColumns {
    var id: Int
    var wide: Bool
    /// Room for `666,675` and a space before it; a larger count pushes the columns after it, never cut.
    var figures: Int
    init(width: Int) {
        wide = width >= 100
        figures = width >= 60 ? 8 : 7
        id = width >= 60 ? 31 : 20
    }
}

/// `rosstat-2024-q3                   12   3  Rosstat`
func sourceLine(_ src: Source, figures: Int, events: Int, width: Int) -> [Span] {
    let c = SourceColumns(width: width)
    var spans = [Span(pad(src.id, c.id), .header)]
    if c.wide { spans += [Span(pad(src.kind.rawValue, 9), .dim), Span(pad(src.date.isEmpty ? "?" : src.date, 11), .dim)] }
    spans += [Span(number(formatCount(figures), c.figures)), Span(pad(String(events), 3, right: true)), Span("  " + lineStart(src.outlet, width: width).text)]
    return spans
}

extension Library {
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
}
