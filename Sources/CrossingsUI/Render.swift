import CrossingsCore

func drawStatus(_ s: State, _ screen: inout Screen) {
    let y = screen.height - 2
    screen.fill(x: 0, y: y, width: screen.width, style: Style(.status))
    var parts: [String] = []
    if s.view == .counts {
        if let other = s.compare {
            parts.append("\(s.flow) vs \(other) by \(s.granularity.rawValue)")
        } else {
            parts.append("\(s.flow) by \(s.granularity.rawValue)")
        }
    }
    if s.view == .ranking, case .ranking = s.current.page, let period = s.library.rankingPeriod(s.ranking) {
        let n = s.library.ranking(period: period, exits: s.ranking.exits, facets: s.facets).filter { $0.figure != nil }.count
        parts.append("\(s.ranking.exits ? "RU-XX trips" : "XX-RU entries") \(period) · \(n) countries")
    }
    let all = s.items(s.current.page)
    if s.mode == .filtering || !s.current.filter.isEmpty {
        let shown = visibleItems(all, filter: s.current.filter).count
        let total = all.selectableCount
        parts.append("/\(s.current.filter)\(s.mode == .filtering ? "_" : "") \(shown) of \(total)")
    }
    parts.append(s.facets.isEmpty ? "no filters" : s.facets.summary)
    var text = " " + parts.joined(separator: " · ")
    if s.mode == .checking {
        // The end of the sentence stays in sight as it grows.
        let prompt = " check: "
        // Room for the message too ("typing stops at …"), which would be cut off after it.
        let note = s.message.isEmpty ? 0 : cells(" │ " + s.message)
        text = prompt + tail(s.checkText + "_", s.size.width - 1 - cells(prompt) - note)
    }
    if !s.message.isEmpty { text += " │ " + s.message }
    screen.put(fit(text, screen.width), x: 0, y: y, style: Style(.status))
}

func drawFooter(_ s: State, _ screen: inout Screen) {
    let y = screen.height - 1
    let scope: Scope = switch s.mode {
    case .filtering: .filter
    case .checking: .checking
    case .facets: .facets
    case .help: .help
    case .picking: .picker
    case .normal: s.current.page.scope
    }
    var x = 1
    var commands = Commands.footer(for: scope)
    if scope == .help { commands = [] }
    for c in commands {
        guard let key = c.keys.first, let label = c.footer else { continue }
        let need = cells(key.short) + 1 + cells(label)
        guard x + need < screen.width else { break }
        x += screen.put(key.short, x: x, y: y, style: Style(.key))
        x += screen.put(" " + label, x: x, y: y, style: Style(.footer))
        x += 2
    }
    if scope == .help {
        screen.put("↑↓ scroll · any other key closes", x: 1, y: y, style: Style(.footer))
    }
}

// MARK: Overlays

/// A framed box; returns the inner area.
func drawBox(_ screen: inout Screen, x: Int, y: Int, width: Int, height: Int, title: String) -> (x: Int, y: Int, width: Int, height: Int) {
    let style = Style(.overlay)
    for row in y..<(y + height) { screen.fill(x: x, y: row, width: width, style: style) }
    screen.put("┌" + String(repeating: "─", count: max(0, width - 2)) + "┐", x: x, y: y, style: style)
    screen.put("└" + String(repeating: "─", count: max(0, width - 2)) + "┘", x: x, y: y + height - 1, style: style)
    for row in (y + 1)..<max(y + 1, y + height - 1) {
        screen.put("│", x: x, y: row, style: style)
        screen.put("│", x: x + width - 1, y: row, style: style)
    }
    screen.put(" " + fit(title, width - 6) + " ", x: x + 2, y: y, style: Style(.overlayTitle))
    return (x + 2, y + 1, width - 4, height - 2)
}

/// The lines of the help overlay, from the registry, wrapped to a width.
func helpLines(_ s: State, width: Int) -> [[Span]] {
    var lines: [[Span]] = []
    let here = s.current.page.scope
    let keyWidth = width >= 60 ? 24 : 0
    func entry(_ keys: String, _ help: String, keyRole: Role = .key) {
        if keyWidth > 0 {
            for (i, line) in wrap(help, max(1, width - keyWidth)).enumerated() {
                lines.append([Span(i == 0 ? pad(keys, keyWidth - 1) + " " : String(repeating: " ", count: keyWidth), keyRole), Span(line)])
            }
        } else {
            lines.append([Span(fit(keys, width), keyRole)])
            for line in wrap(help, max(1, width - 2)) { lines.append([Span("  " + line)]) }
        }
    }
    lines.append([Span("Marks", .header)])
    for (mark, meaning) in [("*", "derived: worked out by crossings, printed by no source"), ("!", "the values cannot all be true: sources disagree, parts do not add up, or it rests on such a value (c says why)"),
                            ("p", "covers only part of its period (c says how much)"),
                            ("~  >  >=  <  <=", "about (or a round number), more than, at least, fewer than, at most, as the source hedged it"), ("·  blank", "no figure: a gap, never zero"),
                            ("Src", "how many sources stand behind the value (for a derived value: behind its parts)"),
                            ("Alt  +N", "how many other values exist for the period: c lists them side by side")] {
        entry(mark, meaning, keyRole: .warning)
    }
    // The keys of the page you are on first, then the rest.
    for scope in [here] + Scope.allCases.filter({ $0 != here }) {
        let commands = Commands.all.filter { $0.scopes.contains(scope) }
        guard !commands.isEmpty else { continue }
        lines.append([])
        lines.append([Span(scope.rawValue + (scope == here ? " (you are here)" : ""), .header)])
        if scope == .filter { entry("any character", "Added to the filter") }
        for c in commands { entry(c.keys.map(\.label).joined(separator: " "), c.help) }
    }
    return lines
}

func drawHelp(_ s: State, _ screen: inout Screen) {
    let w = screen.width, h = screen.height
    let boxW = min(w, 100), boxH = h
    let inner = drawBox(&screen, x: (w - boxW) / 2, y: 0, width: boxW, height: boxH, title: "Keys — ? or Esc closes")
    let lines = helpLines(s, width: inner.width)
    let maxScroll = max(0, lines.count - inner.height)
    let scroll = min(s.helpScroll, maxScroll)
    for (n, line) in lines.dropFirst(scroll).prefix(inner.height).enumerated() {
        screen.put(line.map { Span($0.text, $0.role == .normal ? .overlay : $0.role) }, x: inner.x, y: inner.y + n, limit: inner.width)
    }
    if scroll < maxScroll { screen.put("↓ more", x: inner.x + inner.width - 6, y: inner.y + inner.height, style: Style(.overlayTitle)) }
}

func drawFacets(_ s: State, _ screen: inout Screen) {
    let w = screen.width, h = screen.height
    let boxW = min(w, 60), boxH = min(h, Facet.allCases.count + 4)
    let inner = drawBox(&screen, x: (w - boxW) / 2, y: max(0, (h - boxH) / 2), width: boxW, height: boxH, title: "Filters — ←→ change, x clear, Esc close")
    for (n, facet) in Facet.allCases.enumerated() where n < inner.height {
        let selected = n == s.facetCursor
        let line = [Span(selected ? "› " : "  ", .key), Span(pad(facet.title, 11), .overlayTitle), Span("‹ " + s.facetValue(facet) + " ›", .overlay)]
        screen.put(line, x: inner.x, y: inner.y + n, selected: selected, limit: inner.width)
    }
    let hint = "applies to: Counts, Breakdown, Timeline, Sources"
    if Facet.allCases.count < inner.height { screen.put(fit(hint, inner.width), x: inner.x, y: inner.y + Facet.allCases.count + 1, style: Style(.overlay)) }
}

// MARK: Country picker

/// Where the picker goes on a screen, and how many countries it lists.
struct PickerLayout {
    var x = 0, y = 0, width = 0, height = 0
    /// Lines for countries.
    var rows = 0
    init(_ size: Size) {
        width = min(size.width, 78)
        height = max(0, size.height - 2)
        x = (size.width - width) / 2
        y = 1
        // Frame (2), search line, blank, column heads.
        rows = max(1, height - 5)
    }
}

func drawPicker(_ s: State, _ screen: inout Screen) {
    let layout = PickerLayout(s.size)
    guard layout.height >= 6 else { return }
    let title = s.picker.purpose == .compare ? "Beside \(s.flow): pick a flow — ↵ select, ←→ in/out, Esc close"
                                             : "Countries — type a name or code, ↵ select, ←→ in/out, Esc close"
    let inner = drawBox(&screen, x: layout.x, y: layout.y, width: layout.width, height: layout.height, title: title)
    let matches = s.pickerMatches
    let countries = s.library.countries
    let count = "\(matches.count) of \(countries.count)"
    screen.put([Span("search: ", .overlayTitle), Span(s.picker.query + "_", .overlay)], x: inner.x, y: inner.y, limit: inner.width - cells(count) - 1)
    screen.put(count, x: inner.x + inner.width - cells(count), y: inner.y, style: Style(.overlay))
    // Code, name, then the two flows; the years they cover when there is room.
    let years = inner.width >= 70
    let flowWidth = years ? 17 : 8
    let nameWidth = max(6, inner.width - 2 - 5 - flowWidth * 2)
    let head = "  " + pad("Code", 5) + pad("Country", nameWidth) + pad("Entries", flowWidth) + pad("Trips", flowWidth)
    screen.put(fit(head, inner.width), x: inner.x, y: inner.y + 2, style: Style(.overlayTitle))
    guard !matches.isEmpty else {
        screen.put(fit("no country matches “\(s.picker.query)”; Backspace erases", inner.width), x: inner.x, y: inner.y + 3, style: Style(.overlay))
        return
    }
    func flowCell(_ flow: Flow?, chosen: Bool) -> String {
        guard let flow else { return pad("  —", flowWidth) }
        var text = flow.description
        if years, let span = s.library.spans[flow] {
            text += span.lowerBound.year == span.upperBound.year ? " \(span.lowerBound.year)" : " \(span.lowerBound.year)–\(span.upperBound.year)"
        }
        return pad(chosen ? "[\(text)]" : " \(text) ", flowWidth)
    }
    let rows = layout.rows
    for n in 0..<rows {
        let index = s.picker.top + n
        guard matches.indices.contains(index) else { break }
        let c = countries[matches[index]]
        let selected = index == s.picker.selected
        let chosen = c.flow(exits: s.picker.exits)
        let line = [Span(selected ? "› " : "  ", .key), Span(pad(c.code, 5), .overlayTitle), Span(pad(c.name, nameWidth), .overlay),
                    Span(flowCell(c.entries, chosen: selected && chosen == c.entries && c.entries != nil), .overlay),
                    Span(flowCell(c.exits, chosen: selected && chosen == c.exits && c.exits != nil), .overlay)]
        screen.put(line, x: inner.x, y: inner.y + 3 + n, selected: selected, limit: inner.width)
    }
    if s.picker.top + rows < matches.count { screen.put("↓", x: inner.x + inner.width - 1, y: inner.y + 2 + rows, style: Style(.overlayTitle)) }
    if s.picker.top > 0 { screen.put("↑", x: inner.x + inner.width - 1, y: inner.y + 3, style: Style(.overlayTitle)) }
}
