import CrossingsCore

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
