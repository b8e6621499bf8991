/// The two bottom lines of every screen: the status line (what is shown, the filter, a message,
/// or the prompt being typed) and the footer (the keys that work here, from the registry).

func drawStatus(_ s: State, _ screen: inout Screen) {
    let y = screen.height - 2
    screen.fill(x: 0, y: y, width: screen.width, style: Style(.status))
    if let prompt = s.overlay?.status(s) {
        screen.put(fit(prompt, screen.width), x: 0, y: y, style: Style(.status))
        return
    }
    var text = statusText(s)
    if let rows = messageRows(s, width: screen.width, height: screen.height) {
        drawMessageRows(rows, above: y, &screen)
    } else if !s.message.isEmpty {
        text = s.messageFirst ? " " + s.message : text + " │ " + s.message
    }
    screen.put(fit(text, screen.width), x: 0, y: y, style: Style(.status))
}

/// What the status line says before any message: what is shown, the filter, the facets.
func statusText(_ s: State) -> String {
    var parts: [String] = []
    if s.view == .counts {
        if let other = s.compare {
            parts.append("\(s.flow) vs \(other) by \(s.granularity.rawValue)")
        } else {
            parts.append("\(s.flow) by \(s.granularity.rawValue)")
        }
    }
    if s.view == .ranking, case .ranking = s.current.page, let period = s.library.rankingPeriod(s.ranking) {
        let rows = s.library.ranking(period: period, direction: s.ranking.direction, facets: s.facets)
        parts.append("\(s.ranking.direction == .exits ? "RU-XX trips" : "XX-RU entries") \(period) · " + rankedCount(rows))
    }
    if let filter = FilterPrompt.summary(s) { parts.append(filter) }
    parts.append(s.facets.isEmpty ? "no filters" : s.facets.summary)
    if s.message.isEmpty, let note = periodEventsNote(s) { parts.append(note) }
    return " " + parts.joined(separator: " · ")
}

/// The rows a message longer than the status line takes just above it (a copied citation, a
/// failed export's reason), so it can be read in full before the next key; nil when it fits on the
/// status line, is not to be shown whole, or the screen has no room for two rows. Up to a third of
/// the screen, its last row ending in `…` when even that is short; a message shown first (a failed
/// export's reason and path) may take every row but the title's (at 32×8, five rows of 30 cells).
/// The list scrolls its selection clear of these rows (`drawList`).
func messageRows(_ s: State, width: Int, height: Int) -> [String]? {
    guard !s.message.isEmpty, s.messageInFull, s.overlay?.status(s) == nil else { return nil }
    let whole = s.messageFirst ? " " + s.message : statusText(s) + " │ " + s.message
    guard cells(whole) > width else { return nil }
    let rowWidth = width - 2
    let room = s.messageFirst ? height - 3 : min(6, (height - 4) / 3)
    guard room >= 2, rowWidth >= 10 else { return nil }
    var lines = wrap(s.message, rowWidth)
    if lines.count > room {
        lines = Array(lines.prefix(room))
        lines[room - 1] = fit(lines[room - 1] + "…", rowWidth)  // fit ends an overlong row in `…` itself
    }
    return lines
}

func drawMessageRows(_ lines: [String], above y: Int, _ screen: inout Screen) {
    let top = y - lines.count
    for (i, line) in lines.enumerated() {
        screen.fill(x: 0, y: top + i, width: screen.width, style: Style(.status))
        screen.put(line, x: 1, y: top + i, style: Style(.status))
    }
}

func drawFooter(_ s: State, _ screen: inout Screen) {
    let y = screen.height - 1
    if let text = s.overlay?.footer(s) {
        screen.put(text, x: 1, y: y, style: Style(.footer))
        return
    }
    var x = 1
    for c in Keymap.footer(for: s.keyScope) {
        guard let key = c.keys.first, let label = c.footer else { continue }
        let need = cells(key.short) + 1 + cells(label)
        guard x + need < screen.width else { break }
        x += screen.put(key.short, x: x, y: y, style: Style(.key))
        x += screen.put(" " + label, x: x, y: y, style: Style(.footer))
        x += 2
    }
}
