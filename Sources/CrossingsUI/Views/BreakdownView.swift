import CrossingsCore

extension PageKind { static let breakdown = PageKind("breakdown") }
extension Scope { public static let breakdown = Scope("Breakdown") }
extension Page {
    /// Purposes and modes of transport of one period.
    public static func breakdown(_ flow: Flow, _ period: Period) -> Page { Page(.breakdown, .period(flow, period)) }
}

/// Breakdown: one period's total, then its purposes, modes of transport and estimates.
struct BreakdownView: PageView {
    var kind: PageKind { .breakdown }
    var scope: Scope { .breakdown }
    var hasColumnHeader: Bool { true }
    var hasPreview: Bool { true }

    /// The period, and the flow only when it is not the one Counts shows.
    func crumbs(_ page: Page, after previous: Page?, in s: State) -> [String] {
        guard let (f, period) = page.period else { return [] }
        return (f != s.flow ? [f.description] : []) + [period.description]
    }

    func header(_ s: State, width w: Int) -> String? {
        let c = BreakdownColumns(width: w)
        return pad("Category", c.label) + pad("Value", 11, right: true) + "  " + pad("Share", 7, right: true)
            + (c.src ? pad("Src", 4, right: true) + pad("Alt", 4, right: true) : "")
    }

    func items(_ page: Page, _ c: PageContext, _ library: Library) -> Items {
        guard let (f, p) = page.period else { return Items([]) }
        return Items(library.breakdownItems(flow: f, period: p, facets: c.facets))
    }

    /// Within each section: value, share, sources, name. The total stays on top.
    var sortColumns: [SortColumn] {
        func row(_ i: Item) -> BreakdownRow? { if case .category(let r) = i.content { r } else { nil } }
        return [
            .number("Value") { row($0)?.figure.map { Double($0.value.value) } },
            .number("Share") { row($0)?.share },
            .number("Src") { row($0)?.figure.map { Double($0.sourceCount) } },
            .text("Category") { row($0)?.label },
        ]
    }

    func sortable(_ item: Item) -> Bool { if case .category(let r) = item.content { r.key.measure != .total } else { false } }

    /// The total and each category with a line, in the order shown.
    var exports: Bool { true }
    func export(_ page: Page, _ items: Items, _ s: State) -> ExportTable? {
        guard let (f, p) = page.period else { return nil }
        let rows: [BreakdownRow] = items.compactMap { if case .category(let r) = $0.content { r } else { nil } }
        return Export.breakdown(rows, flow: f, period: p, s.library.data)
    }
}

/// Breakdown's columns: the label, value and marks, share, then (from 60 cells) sources and, as on
/// Counts, the other values for the number (`+1`, the Alt column), then a bar in what is left.
struct BreakdownColumns {
    var label: Int
    var src: Bool
    init(width: Int) {
        src = width >= 60
        // 28 cells at 80 columns; wider screens give long labels ("vehicle and transport staff") the room, up to 40.
        label = max(10, min(28, width - (src ? 40 : 30)), min(40, width - 52))
    }
}

func categoryLine(_ row: BreakdownRow, width: Int, scale: Int) -> [Span] {
    let c = BreakdownColumns(width: width)
    let isTotal = row.key.measure == .total
    // A value as wide as its column (`1,000-3,000`) has no blank of its own: the label gives up a
    // cell for one, so a cut label never runs into it (`t…1,000-3,000` read as one word).
    let label = (isTotal ? "" : "  ") + row.label
    let wide = row.figure.map { cells($0.value.compactDisplay) >= 11 } ?? false
    var spans = [Span(wide ? pad(label, c.label - 1) + " " : pad(label, c.label), isTotal ? .header : .normal)]
    guard let f = row.figure else { return spans }
    spans.append(Span(number(f.value.compactDisplay, 11), f.isDerived ? .derived : .normal))
    spans.append(Span(f.slotMark, .derived))
    spans.append(Span(f.agrees ? " " : "!", .warning))
    let share = row.share.map { (row.shareApproximate ? "~" : "") + percent($0) } ?? ""
    spans.append(Span(pad(share, 7, right: true), .dim))
    if c.src {
        spans.append(Span(pad(String(f.sourceCount), 4, right: true), .dim))
        spans.append(Span(pad(f.alternatives > 0 ? "+\(f.alternatives)" : "", 4, right: true), .dim))
    }
    // An estimate is often a range wider than the column (`11,000-12,000`), which pushes the columns
    // after it: the estimates' bars leave 4 cells for that, the same for every row so they compare.
    let used = c.label + 13 + 7 + (c.src ? 8 : 0) + 2 + (row.key.measure == .estimate ? 4 : 0)
    if !isTotal, width - used > 0 {
        spans.append(Span("  " + bar(f.value.value, scale: scale, width: width - used), f.isDerived ? .derivedBar : .bar))
    }
    return spans
}

extension Library {
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
        // The period's timeline events (those dated wholly within it, as the chart's `◆` marks them):
        // at 80×24 the status line on Counts could only name the first.
        let events = events(in: period, facets: facets)
        if !events.isEmpty {
            items.append(.blank)
            items.append(.heading("Events in \(period) (" + Keymap.keyed(.open, in: .breakdown, "the event and its sources", short: false) + ")"))
            for e in events { items.append(eventItem(e)) }
        }
        return items
    }

    func categoryItem(_ row: BreakdownRow) -> Item {
        Item(.category(row), search: "\(row.key.measure.rawValue) \(row.key.category) \(row.label) \(row.figure?.display ?? "")",
             open: row.figure == nil ? nil : .citations(row.key), cite: row.figure == nil ? nil : row.key,
             copyFigure: row.figure)
    }
}
