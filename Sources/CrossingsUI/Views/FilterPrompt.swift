import CrossingsCore

/// Typing after `/`: the list narrows as you type; Enter keeps the filter, Esc clears it.
/// Its text shows in the status line, with how many lines match.
struct FilterPrompt: Overlay {
    var mode: Mode { .filtering }
    var scope: Scope { .filter }

    func apply(_ action: Action, to s: inout State) -> Bool {
        switch action {
        case .startFilter: s.mode = .filtering
        case .filterType(let text): s.setFilter(s.typed(text, after: s.current.filter, limit: TypingLimit.filter))
        case .filterErase:
            var f = s.current.filter
            if !f.isEmpty { f.removeLast() }
            s.setFilter(f)
        case .filterAccept: s.mode = .normal
        case .filterClear:
            s.mode = .normal
            s.clearFilter()
        default: return false
        }
        return true
    }

    func paste(_ line: String) -> Action? { .filterType(line) }

    /// `/2024_ 3 of 12` while typing, `/2024 3 of 12` once kept; nil with no filter.
    /// Part of the page's status line, not in place of it: a kept filter shows there too.
    static func summary(_ s: State) -> String? {
        guard s.mode == .filtering || !s.current.filter.isEmpty else { return nil }
        let all = s.items(s.current.page)
        let shown = visibleItems(all, filter: s.current.filter).count
        return "/\(s.current.filter)\(s.mode == .filtering ? "_" : "") \(shown) of \(all.selectableCount)"
    }
}

extension FilterPrompt {
    /// What a page's list says when `/` matched nothing: how to clear the filter, and, when the text
    /// names a category (`study`, `private visit`, `rail`, `purpose/study`: an id or label of a purpose
    /// or mode of transport) on a page that lists none (Counts, Timeline, Ranking…), how to get to it.
    static func noMatchNote(_ s: State) -> String {
        let filter = s.current.filter
        var note = "no line matches “\(filter)”"
        let clear = Keymap.hint(.filterClear, in: .filter, "clears the filter", short: false)
        let kind = s.current.page.kind
        guard ![.breakdown, .series, .citations].contains(kind), let category = s.library.category(named: filter) else {
            return note + "; " + clear
        }
        note += " here; " + clear + ". \(category.label) is a category: "
        let scope = s.current.page.scope
        let open = Keymap.keyLabel(for: .open, in: .counts, limit: 1)
        if kind != .counts { note += Keymap.keyLabel(for: .show(.counts), in: scope, limit: 1) + " Counts, then " }
        note += "\(open) on a period lists it, " + Keymap.hint(.openFacets, in: scope, "picks it for every period")
        return note
    }
}

extension Library {
    /// The purpose or mode of transport a filter's text names (its id, label or `measure/id`), if any.
    func category(named text: String) -> CrossingsCore.Category? {
        let t = String(text.lowercased().drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        guard !t.isEmpty else { return nil }
        for measure in [Measure.purpose, .transport] {
            for id in data.categories(of: measure) {
                guard let c = data.category(measure, id) else { continue }
                if [c.id, c.label, "\(measure.rawValue)/\(c.id)"].contains(where: { $0.lowercased() == t }) { return c }
            }
        }
        return nil
    }
}
