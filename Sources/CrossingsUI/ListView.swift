import CrossingsCore

// The list a page shows: its chart or other rows above, column titles, lines, scroll hints, and the
// preview pane beside it. What each line and title says comes from the page's view (`Page.view`).

func drawPage(_ s: State, _ layout: Layout, _ screen: inout Screen) {
    let all = s.items(s.current.page)
    let items = visibleItems(all, filter: s.current.filter)
    s.current.page.view.drawAboveList(s, all, layout, &screen)
    if let row = layout.headerRow { drawHeader(s, row, width: layout.listWidth - 1, &screen) }
    if let preview = layout.preview { drawPreview(s, items, layout, preview, &screen) }
    guard !items.isEmpty else {
        let note = s.current.filter.isEmpty ? "nothing to show here" : FilterPrompt.noMatchNote(s)
        // Wrapped over the list's rows (a category's hint takes two at 80 columns).
        let width = layout.listWidth - 1
        var lines = width > 0 ? wrap(note, width) : []
        if lines.count > layout.listHeight, layout.listHeight > 0 {
            lines = Array(lines.prefix(layout.listHeight))
            lines[lines.count - 1] = fit(lines[lines.count - 1] + "…", width)
        }
        for (i, line) in lines.enumerated() where i < layout.listHeight {
            screen.put(line, x: 1, y: layout.listTop + i, style: Style(.dim), limit: width)
        }
        return
    }
    let selected = min(max(0, s.current.selected), items.count - 1)
    // A message shown whole on rows above the status line covers the list's last rows: the
    // selection is scrolled clear of them (after `p` it had sat under a two-row note).
    let covered = messageRows(s, width: screen.width, height: screen.height).map { rows in
        max(0, layout.listTop + layout.listHeight - (screen.height - 2 - rows.count))
    } ?? 0
    let top = scrolled(top: s.current.top, selected: selected, items: items, width: layout.listWidth - 1,
                       height: max(1, layout.listHeight - covered))
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
    let sections = s.current.page.kind == .breakdown ? sectionScales(all) : [:]
    var y = layout.listTop
    for j in shownItems {
        // One column less than the list: the last one is for the ↑ ↓ hints, which must never
        // sit on top of a number's last digit or sign.
        var itemScale = scale
        if case .category(let r) = items[j].content, let own = sections[r.key.measure] { itemScale = own }
        let lines = itemLines(items[j], width: layout.listWidth - 1, scale: itemScale)
        for (n, line) in lines.enumerated() where y < layout.listTop + layout.listHeight {
            let isSelected = j == selected
            if isSelected && n == 0 { screen.put("›", x: 0, y: y, style: Style(.key, selected: false)) }
            screen.put(line, x: 1, y: y, selected: isSelected, limit: layout.listWidth - 1)
            // The list's columns only: across a preview pane the highlight made the pane's row look selected.
            if isSelected { screen.select(row: y, from: 1, width: layout.listWidth) }
            y += 1
        }
    }
    // A scroll hint when there is more below or above.
    if top > 0 { screen.put("↑", x: layout.listWidth, y: layout.listTop, style: Style(.dim)) }
    if i < items.count { screen.put("↓", x: layout.listWidth, y: layout.listTop + layout.listHeight - 1, style: Style(.dim)) }
}

/// Breakdown's bars, each section on its own scale: purposes and modes of transport against the
/// period's total (a part's bar is its share of the crossings; against the largest row on screen,
/// an estimate of 11,000 troops, business 167 of 295 got `▎`), the estimates against their own
/// largest value. A section whose largest part is above the total (the values cannot all be
/// true, marked `!`) is scaled to that part, so no bar is cut off at the column's end.
func sectionScales(_ items: Items) -> [Measure: Int] {
    var total = 0
    var largest: [Measure: Int] = [:]
    for item in items {
        guard case .category(let r) = item.content, let v = r.figure?.value.value else { continue }
        if r.key.measure == .total { total = max(total, v) } else { largest[r.key.measure] = max(largest[r.key.measure] ?? 0, v) }
    }
    var scales: [Measure: Int] = [:]
    for (measure, top) in largest { scales[measure] = measure == .estimate ? top : max(total, top) }
    return scales
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
    // A number's citations; a line leading to a page that previews itself (an event, a source).
    if let key = item.cite {
        target = .citations(key)
        title = CitationsView().previewTitle(on: s.current.page.scope) ?? ""
    } else if let open = item.open, let previewTitle = open.view.previewTitle(on: s.current.page.scope), open.kind != .citations {
        target = open
        title = previewTitle
    }
    guard let target else {
        screen.put(fit("no figure on this line", pane.width), x: pane.x, y: 2, style: Style(.dim))
        return
    }
    var y = 2
    // On a chart, the selected period's timeline events first (at most half the pane), then its citations.
    if let (period, events) = s.selectedPeriodEvents {
        screen.put(fit("◆ Events in \(period)", pane.width), x: pane.x, y: y, style: Style(.accent))
        y += 1
        let room = max(1, (bottom - 2) / 2 - 1)
        for (i, e) in events.enumerated() where i < room {
            let more = events.count - i - 1
            if i == room - 1, more > 0 {
                screen.put(fit("… and \(more + 1) more on the Timeline", pane.width), x: pane.x, y: y, style: Style(.dim))
            } else {
                screen.put(eventLine(e, width: pane.width), x: pane.x, y: y, limit: pane.width)
            }
            y += 1
        }
        y += 1
    }
    screen.put(fit(title, pane.width), x: pane.x, y: y, style: Style(.dim))
    y += 1
    for entry in s.items(target) {
        for line in itemLines(entry, width: pane.width, scale: 0) {
            guard y < bottom else { return }
            screen.put(line, x: pane.x, y: y, limit: pane.width)
            y += 1
        }
    }
}

/// The page's column titles, from its view.
func drawHeader(_ s: State, _ y: Int, width w: Int, _ screen: inout Screen) {
    let view = s.current.page.view
    guard var text = view.header(s, width: w) else { return }
    if let order = s.sorts[view.kind], view.sortColumns.indices.contains(order.column) {
        let column = view.sortColumns[order.column]
        text = markSorted(text, titles: column.headerTitles?(s) ?? [column.title], descending: order.descending)
    }
    screen.put(fit(text, w), x: 1, y: y, style: Style(.header))
}
