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
