import CrossingsCore

/// The smallest terminal the explorer draws in; below it, a notice.
public let minimumSize = Size(width: 32, height: 8)

/// Where things go on a screen of a given size.
struct Layout {
    var tooSmall: Bool
    var chartTop = 2
    var chartHeight = 0
    var axis = false
    var headerRow: Int?
    var listTop = 2
    var listHeight = 0
    /// Cells for item text (column 0 holds the selection mark).
    var listWidth = 0
    /// On wide screens, a pane right of a list shows what is behind the selected line.
    var preview: (x: Int, width: Int)?

    init(_ s: State, _ size: Size) {
        tooSmall = size.width < minimumSize.width || size.height < minimumSize.height
        guard !tooSmall else { return }
        let body = size.height - 4
        listWidth = size.width - 1
        switch s.current.page {
        case .counts, .breakdown, .timeline, .sources, .ranking:
            if size.width >= 110 {
                listWidth = 64
                preview = (listWidth + 3, size.width - listWidth - 3)
            }
        default: break
        }
        var y = 2
        if case .counts = s.current.page {
            chartHeight = body >= 30 ? 6 : body >= 16 ? 3 : body >= 8 ? 1 : 0
            axis = chartHeight > 0 && body >= 12
            chartTop = y
            y += chartHeight + (axis ? 1 : 0)
        }
        switch s.current.page {
        case .counts, .breakdown, .timeline, .sources, .ranking:
            headerRow = y
            y += 1
        default: break
        }
        listTop = y
        listHeight = max(0, size.height - 2 - y)
    }
}

/// Draws a state: the whole frame, as a grid of cells.
///
/// ```swift
/// let screen = render(state, Size(width: 80, height: 24))
/// print(screen.text)
/// ```
public func render(_ s: State, _ size: Size) -> Screen {
    var screen = Screen(size)
    let layout = Layout(s, size)
    if layout.tooSmall {
        drawTooSmall(&screen)
        return screen
    }
    drawTitle(s, &screen)
    drawCrumbs(s, &screen)
    drawPage(s, layout, &screen)
    drawStatus(s, &screen)
    drawFooter(s, &screen)
    s.overlay?.draw(s, &screen)
    return screen
}

func drawTooSmall(_ screen: inout Screen) {
    let w = screen.width, h = screen.height
    guard w > 0, h > 0 else { return }
    let lines = w >= 24 ? ["Terminal too small", "\(w)x\(h); needs \(minimumSize)", "enlarge it, or q to quit"]
        : ["Too small", "\(w)x\(h)", "q quits"]
    let top = max(0, (h - lines.count) / 2)
    for (i, line) in lines.enumerated() where top + i < h {
        let text = fit(line, w)
        screen.put(text, x: max(0, (w - cells(text)) / 2), y: top + i, style: Style(i == 0 ? .notice : .normal))
    }
}

func drawTitle(_ s: State, _ screen: inout Screen) {
    let w = screen.width
    screen.fill(x: 0, y: 0, width: w, style: Style(.title))
    var x = 0
    let brand = " crossings "
    func labels(_ short: Bool) -> [String] {
        TopView.allCases.map { v in
            let t = short ? v.shortTitle : v.title
            return v == s.view ? "[\(v.rawValue) \(t)]" : " \(v.rawValue) \(t) "
        }
    }
    let long = labels(false)
    let tabs = long.map(cells).reduce(0, +) + cells(brand) <= w ? long : labels(true)
    if w >= 50 { x += screen.put(brand, x: 0, y: 0, style: Style(.title)) }
    for (v, label) in zip(TopView.allCases, tabs) {
        x += screen.put(label, x: x, y: 0, style: Style(v == s.view ? .activeTab : .tab))
    }
    let origin = "\(s.library.data.origin): \(s.library.data.observations.count) figures "
    if x + cells(origin) + 2 <= w { screen.put(origin, x: w - cells(origin), y: 0, style: Style(.title)) }
}

/// `KP-RU › 2024 › purpose › study › sources`
func crumbs(_ s: State) -> [String] {
    var out: [String] = []
    var previous: Page?
    for p in s.stack {
        switch p.page {
        case .counts:
            out.append(s.flow.description)
        case .breakdown(let f, let period):
            if f != s.flow { out.append(f.description) }
            out.append(period.description)
        case .citations(let k):
            switch previous {
            case .breakdown(let f, let period)? where f == k.flow && period == k.period:
                out.append(k.measure.rawValue)
                if !k.category.isEmpty { out.append(k.category) }
            case .counts? where k.flow == s.flow:
                out.append(k.period.description)
                out.append(k.measureLabel)
            default:
                out.append("\(k.flow) \(k.period) \(k.measureLabel)")
            }
            out.append("sources")
        case .timeline: out.append("timeline")
        case .event(let id): out.append(id)
        case .sources: out.append("sources")
        case .source(let id): out.append(id)
        case .check: out.append("check")
        case .ranking:
            out.append("ranking")
            out.append((s.ranking.exits ? "trips from Russia " : "entries into Russia ") + (s.library.rankingPeriod(s.ranking)?.description ?? ""))
        }
        previous = p.page
    }
    return out
}

func drawCrumbs(_ s: State, _ screen: inout Screen) {
    let text = crumbs(s).joined(separator: " › ")
    let w = screen.width - 1
    // Keep the end of the path: where you are matters most. Measured from the end, a cell at a
    // time: dropping the first character until the rest fitted was quadratic in a long id.
    let whole = tail(text, w)
    let shown = whole == visible(text) ? whole : "…" + tail(text, w - 1)
    screen.put(shown, x: 1, y: 1, style: Style(.crumb))
}

// MARK: Pages

func drawPage(_ s: State, _ layout: Layout, _ screen: inout Screen) {
    let all = s.items(s.current.page)
    let items = visibleItems(all, filter: s.current.filter)
    if case .counts = s.current.page, layout.chartHeight > 0 {
        drawChart(s, all, layout, &screen)
        let empty = all.allSatisfy { $0.countRow.map { $0.figure == nil && $0.compared == nil } ?? true }
        if empty {
            let hint = "no \(s.flow) figures by \(s.granularity.rawValue) with these filters; t: halves or years, m: filters"
            screen.put(fit(hint, screen.width - 2), x: 1, y: layout.chartTop, style: Style(.dim))
        }
    }
    if let row = layout.headerRow { drawHeader(s, row, width: layout.listWidth - 1, &screen) }
    if let preview = layout.preview { drawPreview(s, items, layout, preview, &screen) }
    guard !items.isEmpty else {
        let note = s.current.filter.isEmpty ? "nothing to show here" : "no line matches “\(s.current.filter)”; Esc clears the filter"
        screen.put(fit(note, layout.listWidth), x: 1, y: layout.listTop, style: Style(.dim))
        return
    }
    let selected = min(max(0, s.current.selected), items.count - 1)
    let top = scrolled(top: s.current.top, selected: selected, items: items, width: layout.listWidth - 1, height: layout.listHeight)
    // Bars are scaled to the largest value on screen.
    var shownItems: [Int] = []
    var used = 0
    var i = top
    while i < items.count && used < layout.listHeight {
        shownItems.append(i)
        used += itemHeight(items[i], width: layout.listWidth - 1)
        i += 1
    }
    var scale = 0
    for j in shownItems {
        switch items[j].content {
        case .count(let r): scale = max(scale, r.figure?.value.value ?? 0, r.compared?.value.value ?? 0)
        case .rank(let r): scale = max(scale, r.figure?.value.value ?? 0)
        case .category(let r) where r.key.measure != .total: scale = max(scale, r.figure?.value.value ?? 0)
        default: break
        }
    }
    var y = layout.listTop
    for j in shownItems {
        // One column less than the list: the last one is for the ↑ ↓ hints, which must never
        // sit on top of a number's last digit or sign.
        let lines = itemLines(items[j], width: layout.listWidth - 1, scale: scale)
        for (n, line) in lines.enumerated() where y < layout.listTop + layout.listHeight {
            let isSelected = j == selected
            if isSelected && n == 0 { screen.put("›", x: 0, y: y, style: Style(.key, selected: false)) }
            screen.put(line, x: 1, y: y, selected: isSelected, limit: layout.listWidth - 1)
            if isSelected { screen.select(row: y, from: 1) }
            y += 1
        }
    }
    // A scroll hint when there is more below or above.
    if top > 0 { screen.put("↑", x: layout.listWidth, y: layout.listTop, style: Style(.dim)) }
    if i < items.count { screen.put("↓", x: layout.listWidth, y: layout.listTop + layout.listHeight - 1, style: Style(.dim)) }
}

/// What is behind the selected line (its citations, the event, the source), beside the list.
func drawPreview(_ s: State, _ items: Items, _ layout: Layout, _ pane: (x: Int, width: Int), _ screen: inout Screen) {
    let bottom = layout.listTop + layout.listHeight
    for y in 2..<bottom { screen.put("│", x: pane.x - 2, y: y, style: Style(.dim)) }
    let selected = s.current.selected
    guard items.indices.contains(selected) else { return }
    let item = items[selected]
    var target: Page?
    var title = ""
    if let key = item.cite {
        target = .citations(key)
        title = "Behind this number (c: all of it)"
    } else if let open = item.open {
        switch open {
        case .event: target = open; title = "This event (Enter: all of it)"
        case .source: target = open; title = "This source (Enter: all of it)"
        default: break
        }
    }
    guard let target else {
        screen.put(fit("no figure on this line", pane.width), x: pane.x, y: 2, style: Style(.dim))
        return
    }
    screen.put(fit(title, pane.width), x: pane.x, y: 2, style: Style(.dim))
    var y = 3
    for entry in s.items(target) {
        for line in itemLines(entry, width: pane.width, scale: 0) {
            guard y < bottom else { return }
            screen.put(line, x: pane.x, y: y, limit: pane.width)
            y += 1
        }
    }
}

func drawHeader(_ s: State, _ y: Int, width w: Int, _ screen: inout Screen) {
    let text: String
    switch s.current.page {
    case .counts where s.compare != nil:
        let c = CompareColumns(width: w)
        func side(_ flow: Flow) -> String {
            pad(flow.description, 11, right: true) + "  " + (c.src ? pad("Src", 4, right: true) : "") + (c.bar > 0 ? String(repeating: " ", count: c.bar + 2) : "")
        }
        text = pad("Period", 9) + side(s.flow) + " " + side(s.compare ?? s.flow)
    case .ranking:
        let c = RankColumns(width: w)
        let period = s.library.rankingPeriod(s.ranking)
        var change = period.map { "on \($0.yearEarlier)" } ?? "change"
        if cells(change) > c.change { change = "Y/Y" }
        text = pad("#", c.rank, right: true) + " " + pad(c.code < 5 ? "" : "Code", c.code) + pad("Country", c.name)
            + pad(s.ranking.exits ? "Trips" : "Entries", c.value, right: true) + "  " + pad(change, c.change, right: true)
    case .counts:
        let head = pad("Period", 9) + pad("Value", 11, right: true) + "  " + pad("Src", 4, right: true) + pad("Alt", 4, right: true)
        // The longest legend that fits; `?` lists every mark (< and <= too).
        let legends = ["* derived ! disagree ~ about > over >= at least p part of period", "* derived ! disagree ~ about > over >= at least",
                       "* derived ! disagree ~ about >= at least"]
        if let legend = legends.first(where: { cells(head) + 3 + cells($0) <= w }) { text = head + "   " + legend } else { text = head }
    case .breakdown:
        let c = BreakdownColumns(width: w)
        text = pad("Category", c.label) + pad("Value", 11, right: true) + "  " + pad("Share", 7, right: true) + (c.src ? pad("Src", 4, right: true) : "")
    case .timeline:
        let c = TimelineColumns(width: w)
        text = pad("Date", c.date) + "   " + (c.tags > 0 ? pad("Tags", c.tags) + " " : "") + "Event"
    case .sources:
        let c = SourceColumns(width: w)
        text = pad("Source", c.id) + (c.wide ? pad("Kind", 9) + pad("Date", 11) : "") + pad("Fig", 4, right: true) + pad("Ev", 3, right: true) + "  Outlet"
    default:
        return
    }
    screen.put(fit(text, w), x: 1, y: y, style: Style(.header))
}

struct BreakdownColumns {
    var label: Int
    var src: Bool
    init(width: Int) {
        src = width >= 60
        label = min(28, max(10, width - (src ? 40 : 30)))
    }
}

struct TimelineColumns {
    var date: Int
    var tags: Int
    init(width: Int) {
        date = width >= 70 ? 20 : 10
        tags = width >= 90 ? 26 : width >= 70 ? 16 : 0
    }
}

struct SourceColumns {
    var id: Int
    var wide: Bool
    init(width: Int) {
        wide = width >= 100
        id = width >= 60 ? 31 : 20
    }
}

/// Rows an item takes at a width.
func itemHeight(_ item: Item, width: Int) -> Int {
    switch item.content {
    case .field(_, let value): return max(1, wrap(value, max(1, width - fieldLabelWidth - 1)).count)
    case .paragraph(let text): return max(1, wrap(text, max(1, width - 1)).count)
    default: return 1
    }
}

let fieldLabelWidth = 12

/// The lines an item draws, from column 1.
func itemLines(_ item: Item, width: Int, scale: Int) -> [[Span]] {
    switch item.content {
    case .blank:
        return [[]]
    case .heading(let text):
        return [[Span(fit(text, width), .header)]]
    case .line(let spans):
        return [spans]
    case .paragraph(let text):
        return wrap(text, max(1, width - 1)).map { [Span(" " + $0)] }
    case .field(let label, let value):
        let lines = wrap(value, max(1, width - fieldLabelWidth - 1))
        return lines.enumerated().map { i, line in
            [Span(i == 0 ? " " + pad(label, fieldLabelWidth - 1) + " " : String(repeating: " ", count: fieldLabelWidth + 1), .dim), Span(line)]
        }
    case .alternative(let value, let difference, let who, let agrees):
        return [[Span(number(value, 12), .header), Span("  " + number(difference, 8), agrees ? .dim : .warning),
                 Span(agrees ? "   " : " ! ", .warning), Span(who, .dim)]]
    case .count(let row):
        return [row.isPair ? comparedLine(row, width: width, scale: scale) : countLine(row, width: width, scale: scale)]
    case .rank(let row):
        return [rankLine(row, width: width, scale: scale)]
    case .category(let row):
        return [categoryLine(row, width: width, scale: scale)]
    case .event(let e):
        let c = TimelineColumns(width: width)
        let date = c.date >= 18 ? e.date?.label : e.date?.date
        var spans = [Span(pad(date ?? "?", c.date), .header), Span(e.datesDisagree ? " ! " : "   ", .warning)]
        if c.tags > 0 { spans.append(Span(pad(e.tags.joined(separator: ","), c.tags) + " ", .dim)) }
        let used = c.date + 3 + (c.tags > 0 ? c.tags + 1 : 0)
        spans.append(Span(fit(e.summary, width - used), e.tags.contains("data") ? .accent : .normal))
        return [spans]
    case .source(let src, let figures, let events):
        let c = SourceColumns(width: width)
        var spans = [Span(pad(src.id, c.id), .header)]
        if c.wide { spans += [Span(pad(src.kind.rawValue, 9), .dim), Span(pad(src.date.isEmpty ? "?" : src.date, 11), .dim)] }
        spans += [Span(pad(String(figures), 4, right: true)), Span(pad(String(events), 3, right: true)), Span("  " + lineStart(src.outlet, width: width).text)]
        return [spans]
    }
}

/// `2024-Q3       5,263      1   +1  ██████`
func countLine(_ row: CountRow, width: Int, scale: Int) -> [Span] {
    var spans = [Span(pad(row.period.description, 9))]
    guard let f = row.figure else { return spans }
    spans.append(Span(number(f.value.compactDisplay, 11), f.isDerived ? .derived : .normal))
    spans.append(Span(f.slotMark, .derived))
    spans.append(Span(f.agrees ? " " : "!", .warning))
    spans.append(Span(pad(String(f.sourceCount), 4, right: true), .dim))
    spans.append(Span(pad(f.alternatives > 0 ? "+\(f.alternatives)" : "", 4, right: true), .dim))
    let barWidth = width - 9 - 13 - 8 - 2
    if barWidth > 0 { spans.append(Span("  " + bar(f.value.value, scale: scale, width: barWidth), f.isDerived ? .derivedBar : .bar)) }
    return spans
}

/// Columns of the side-by-side table: per flow, the value, its marks, its sources and a bar.
struct CompareColumns {
    var src: Bool
    var bar: Int
    init(width: Int) {
        src = width >= 60
        let side = 13 + (src ? 4 : 0)
        let free = width - 9 - side * 2 - 1
        bar = free >= 8 ? (free - 4) / 2 : 0
    }
}

/// `2024-Q3       5,263   1  ████        1,204   2  █`
func comparedLine(_ row: CountRow, width: Int, scale: Int) -> [Span] {
    let c = CompareColumns(width: width)
    var spans = [Span(pad(row.period.description, 9))]
    func side(_ f: ShownFigure?, last: Bool) {
        guard let f else {
            if !last { spans.append(Span(String(repeating: " ", count: 13 + (c.src ? 4 : 0) + (c.bar > 0 ? c.bar + 2 : 0)))) }
            return
        }
        spans.append(Span(number(f.value.compactDisplay, 11), f.isDerived ? .derived : .normal))
        spans.append(Span(f.slotMark, .derived))
        spans.append(Span(f.agrees ? " " : "!", .warning))
        if c.src { spans.append(Span(pad(String(f.sourceCount), 4, right: true), .dim)) }
        if c.bar > 0 {
            let b = bar(f.value.value, scale: scale, width: c.bar)
            spans.append(Span("  " + (last ? b : pad(b, c.bar)), f.isDerived ? .derivedBar : .bar))
        }
    }
    side(row.figure, last: false)
    spans.append(Span(" "))
    side(row.compared, last: true)
    return spans
}

/// Columns of the ranking; narrower numbers and codes on small screens.
struct RankColumns {
    var rank: Int
    var code: Int
    var name: Int
    var value: Int
    var change: Int
    var bar: Int
    init(width: Int) {
        let narrow = width < 60
        rank = narrow ? 3 : 4
        code = narrow ? 3 : 5
        value = narrow ? 9 : 11
        change = narrow ? 8 : 10
        let fixed = rank + 1 + code + value + 2 + change
        name = max(6, min(28, width - fixed - (narrow ? 0 : 8)))
        let free = width - fixed - name
        bar = free >= 6 ? free - 2 : 0
    }
}

/// `   1 CN   China                  1,234,567*    +12.3%  ████`
func rankLine(_ row: RankRow, width: Int, scale: Int) -> [Span] {
    let c = RankColumns(width: width)
    var spans = [Span(pad(row.rank.map(String.init) ?? "", c.rank, right: true) + " ", .dim), Span(pad(row.code, c.code), .header),
                 Span(pad(row.name, c.name))]
    guard let f = row.figure else { return spans }
    spans.append(Span(number(f.value.compactDisplay, c.value), f.isDerived ? .derived : .normal))
    spans.append(Span(f.slotMark, .derived))
    spans.append(Span(f.agrees ? " " : "!", .warning))
    let change = row.change?.display ?? (row.noChange != nil ? "n/a" : "")
    let falling = row.change.map { $0.difference < 0 } ?? false
    spans.append(Span(number(change, c.change), falling ? .warning : .dim))
    if c.bar > 0 { spans.append(Span("  " + bar(f.value.value, scale: scale, width: c.bar), f.isDerived ? .derivedBar : .bar)) }
    return spans
}

func categoryLine(_ row: BreakdownRow, width: Int, scale: Int) -> [Span] {
    let c = BreakdownColumns(width: width)
    let isTotal = row.key.measure == .total
    var spans = [Span(pad((isTotal ? "" : "  ") + row.label, c.label), isTotal ? .header : .normal)]
    guard let f = row.figure else { return spans }
    spans.append(Span(number(f.value.compactDisplay, 11), f.isDerived ? .derived : .normal))
    spans.append(Span(f.slotMark, .derived))
    spans.append(Span(f.agrees ? " " : "!", .warning))
    let share = row.share.map { (row.shareApproximate ? "~" : "") + percent($0) } ?? ""
    spans.append(Span(pad(share, 7, right: true), .dim))
    if c.src { spans.append(Span(pad(String(f.sourceCount), 4, right: true), .dim)) }
    let used = c.label + 13 + 7 + (c.src ? 4 : 0) + 2
    if !isTotal, width - used > 0 {
        spans.append(Span("  " + bar(f.value.value, scale: scale, width: width - used), f.isDerived ? .derivedBar : .bar))
    }
    return spans
}

/// A number right-aligned in `width` cells; never cut: a longer one pushes the columns after it.
func number(_ text: String, _ width: Int) -> String {
    cells(text) >= width ? visible(text) : pad(text, width, right: true)
}

/// `45.2%`
func percent(_ p: Double) -> String {
    let tenths = Int((p * 10).rounded())
    return "\(tenths / 10).\(abs(tenths % 10))%"
}

/// A horizontal bar in eighths of a cell.
func bar(_ value: Int, scale: Int, width: Int) -> String {
    guard scale > 0, width > 0, value > 0 else { return "" }
    let eighths = max(1, Int((Double(value) / Double(scale) * Double(width * 8)).rounded()))
    let full = min(width, eighths / 8)
    let rest = full < width ? eighths % 8 : 0
    let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    return String(repeating: "█", count: full) + partial[rest]
}

// MARK: Chart

/// The whole series as vertical bars, the selected period highlighted; gaps show as `·`.
func drawChart(_ s: State, _ items: Items, _ layout: Layout, _ screen: inout Screen) {
    let rows: [CountRow] = items.compactMap(\.countRow)
    guard !rows.isEmpty else { return }
    let avail = layout.listWidth - 1
    let colWidth = max(1, min(4, avail / rows.count))
    let fits = max(1, avail / colWidth)
    var selectedPeriod: Period?
    let pageItems = visibleItems(items, filter: s.current.filter)
    if pageItems.indices.contains(s.current.selected), let r = pageItems[s.current.selected].countRow { selectedPeriod = r.period }
    let selectedIndex = rows.firstIndex { $0.period == selectedPeriod } ?? rows.count - 1
    var start = 0
    if rows.count > fits { start = min(max(0, selectedIndex - fits / 2), rows.count - fits) }
    let window = rows[start..<min(rows.count, start + fits)]
    let maxValue = rows.compactMap { $0.figure?.value.value }.max() ?? 0
    let h = layout.chartHeight
    let blocks = ["", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    let barCells = colWidth > 1 ? colWidth - 1 : 1
    for (n, row) in window.enumerated() {
        let x = 1 + n * colWidth
        let isSelected = row.period == selectedPeriod
        guard let f = row.figure else {
            screen.put(String(repeating: "·", count: barCells), x: x, y: layout.chartTop + h - 1, style: Style(.dim, selected: isSelected))
            continue
        }
        let eighths = maxValue > 0 ? Int((Double(f.value.value) / Double(maxValue) * Double(h * 8)).rounded()) : 0
        let role: Role = f.isDerived ? .derivedBar : .bar
        for level in 0..<h {
            let y = layout.chartTop + h - 1 - level
            let filled = min(8, max(0, eighths - level * 8))
            let glyph = level == 0 && filled == 0 && f.value.value > 0 ? "▁" : blocks[filled]
            if glyph.isEmpty {
                if isSelected { screen.fill(x: x, y: y, width: barCells, style: Style(role, selected: true)) }
                continue
            }
            screen.put(String(repeating: glyph, count: barCells), x: x, y: y, style: Style(role, selected: isSelected))
        }
    }
    guard layout.axis else { return }
    let y = layout.chartTop + h
    var free = 1
    for (n, row) in window.enumerated() {
        let x = 1 + n * colWidth
        let startsYear: Bool = switch row.period {
        case .quarter(_, let q): q == 1
        case .half(_, let half): half == 1
        default: true
        }
        guard startsYear || n == 0, x >= free else { continue }
        let label = String(row.period.year)
        guard x + cells(label) <= layout.listWidth else { break }
        screen.put(label, x: x, y: y, style: Style(.dim))
        free = x + cells(label) + 1
    }
}
