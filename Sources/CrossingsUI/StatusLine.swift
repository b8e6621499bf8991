/// The two bottom lines of every screen: the status line (what is shown, the filter, a message,
/// or the prompt being typed) and the footer (the keys that work here, from the registry).

func drawStatus(_ s: State, _ screen: inout Screen) {
    let y = screen.height - 2
    screen.fill(x: 0, y: y, width: screen.width, style: Style(.status))
    if let prompt = s.overlay?.status(s) {
        screen.put(fit(prompt, screen.width), x: 0, y: y, style: Style(.status))
        return
    }
    var parts: [String] = []
    if s.view == .counts {
        if let other = s.compare {
            parts.append("\(s.flow) vs \(other) by \(s.granularity.rawValue)")
        } else {
            parts.append("\(s.flow) by \(s.granularity.rawValue)")
        }
    }
    if s.view == .ranking, case .ranking = s.current.page, let period = s.library.rankingPeriod(s.ranking) {
        // The countries listed (what `/`'s "1 of 223" counts), and how many of them have a figure.
        let rows = s.library.ranking(period: period, direction: s.ranking.direction, facets: s.facets)
        let n = rows.count, withFigure = rows.filter { $0.figure != nil }.count
        let counted = "\(n) \(n == 1 ? "country" : "countries")" + (withFigure == n ? "" : ", \(withFigure) with a figure")
        parts.append("\(s.ranking.direction == .exits ? "RU-XX trips" : "XX-RU entries") \(period) · " + counted)
    }
    if let filter = FilterPrompt.summary(s) { parts.append(filter) }
    parts.append(s.facets.isEmpty ? "no filters" : s.facets.summary)
    if s.message.isEmpty, let note = periodEventsNote(s) { parts.append(note) }
    var text = " " + parts.joined(separator: " · ")
    if !s.message.isEmpty {
        if s.messageFirst {
            // A failed export's reason and path, whole: on rows above when the line is short, up to every
            // row but the title's (at 32×8, five rows of 30 cells).
            let whole = " " + s.message
            if cells(whole) <= screen.width || !s.messageInFull || !drawMessageRows(s.message, above: y, room: screen.height - 3, &screen) {
                text = whole
            }
        } else {
            let whole = text + " │ " + s.message
            if cells(whole) <= screen.width || !s.messageInFull || !drawMessageRows(s.message, above: y, &screen) { text = whole }
        }
    }
    screen.put(fit(text, screen.width), x: 0, y: y, style: Style(.status))
}

/// A message longer than the status line has room for (a copied citation) wrapped on rows just
/// above it, so it can be read in full before the next key; up to a third of the screen, its
/// last row ending in `…` when even that is short (`room` rows instead: a failed export's reason
/// may take the page). False when there is no room for two rows.
func drawMessageRows(_ message: String, above y: Int, room: Int? = nil, _ screen: inout Screen) -> Bool {
    let width = screen.width - 2
    let room = room ?? min(6, (screen.height - 4) / 3)
    guard room >= 2, width >= 10 else { return false }
    var lines = wrap(message, width)
    if lines.count > room {
        lines = Array(lines.prefix(room))
        lines[room - 1] = fit(lines[room - 1] + "…", width)  // fit ends an overlong row in `…` itself
    }
    let top = y - lines.count
    for (i, line) in lines.enumerated() {
        screen.fill(x: 0, y: top + i, width: screen.width, style: Style(.status))
        screen.put(line, x: 1, y: top + i, style: Style(.status))
    }
    return true
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
