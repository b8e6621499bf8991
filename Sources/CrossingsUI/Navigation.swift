import CrossingsCore

// Moving through a page's list, drilling down and back, and the `/` filter: what every page does
// alike (a page's own actions are its view's, `PageView.perform`).

extension State {
    // MARK: Moving

    func firstSelectable(from index: Int, step: Int) -> Int? {
        let items = pageItems()
        var i = index
        while items.indices.contains(i) {
            if items[i].selectable { return i }
            i += step
        }
        return nil
    }

    mutating func select(_ index: Int) {
        var p = current
        p.selected = index
        current = p
    }

    mutating func move(by step: Int) {
        let from = current.selected
        if let i = firstSelectable(from: from + step, step: step) { select(i) }
    }

    /// Moves a screenful of lines.
    mutating func page(by direction: Int) {
        let items = pageItems()
        guard !items.isEmpty else { return }
        let layout = Layout(self, size)
        let width = layout.listWidth - 1
        var budget = max(1, layout.listHeight - 1)
        var i = current.selected
        while budget > 0 {
            let next = i + direction
            guard items.indices.contains(next) else { break }
            budget -= itemHeight(items[next], width: width)
            i = next
        }
        select(firstSelectable(from: i, step: direction) ?? firstSelectable(from: i, step: -direction) ?? current.selected)
    }

    // MARK: Drilling

    mutating func open() {
        guard let item = selectedItem else { message = "nothing to open"; return }
        if case .rank(let row) = item.content { openRanked(row); return }
        guard let target = item.open else { message = "nothing behind this line"; return }
        push(target)
    }

    mutating func push(_ page: Page) {
        guard current.page != page else { return }
        var s = stack
        s.append(PageState(page))
        stack = s
        select(firstSelectable(from: 0, step: 1) ?? 0)
    }

    mutating func back() {
        if !current.filter.isEmpty { clearFilter(); return }
        var s = stack
        guard s.count > 1 else { message = "at the top of \(view.title); " + Keymap.hint(.quit, in: current.page.scope, "quits"); return }
        s.removeLast()
        stack = s
    }

    mutating func cite() {
        // An event's citations are its sources' dates, on its page (a breakdown's Events, a source's events).
        if selectedItem?.cite == nil, let event = selectedItem?.open, event.kind == .event { push(event); return }
        guard let key = selectedItem?.cite else { message = "no number on this line"; return }
        if current.page == .citations(key) { message = "these are its citations"; return }
        push(.citations(key))
    }

    // MARK: Filter

    mutating func setFilter(_ text: String) {
        var p = current
        if p.filter.isEmpty && !text.isEmpty { p.beforeFilter = PageState.Spot(selected: p.selected, top: p.top) }
        // Erased to nothing: the list as it was, where it was.
        if text.isEmpty, let before = p.beforeFilter {
            p.filter = ""
            p.beforeFilter = nil
            p.selected = before.selected
            p.top = before.top
            current = p
            return
        }
        p.filter = text
        p.top = 0
        current = p
        select(firstSelectable(from: 0, step: 1) ?? 0)
    }

    mutating func clearFilter() {
        let kept = selectedItem
        let keptAt = pageItems().unfilteredPosition(current.selected)
        var p = current
        p.filter = ""
        let before = p.beforeFilter
        p.beforeFilter = nil
        current = p
        let all = pageItems()
        if let kept, let i = all.firstIndex(search: kept.search, open: kept.open, unfilteredHint: keptAt) {
            select(i)
        } else if let before {
            // Nothing matched (or nothing was selected): back where the filter began.
            p.selected = before.selected
            p.top = before.top
            current = p
        }
    }

    mutating func step(match direction: Int) {
        guard !current.filter.isEmpty else { message = "no filter: " + Keymap.hint(.startFilter, in: current.page.scope, "starts one"); return }
        let items = pageItems()
        guard !items.isEmpty else { message = "no match for “\(current.filter)”"; return }
        let n = items.count
        var i = current.selected
        for _ in 0..<n {
            i = (i + direction + n) % n
            if items[i].selectable { select(i); return }
        }
    }
}

func firstSelectableIndex(_ items: Items, from index: Int, step: Int) -> Int? {
    var i = index
    while items.indices.contains(i) {
        if items[i].selectable { return i }
        i += step
    }
    return nil
}

/// The first item on screen, so that the selected one is fully visible, the
/// heading just above it shows when there is room, and no space is wasted at the end.
func scrolled(top: Int, selected: Int, items: Items, width: Int, height: Int) -> Int {
    guard !items.isEmpty, height > 0 else { return 0 }
    let sel = min(max(0, selected), items.count - 1)
    // Every item takes a line at least, so none more than `height` above the selection can stay
    // on screen: starting there measures a screen of items, not every one since the old top
    // (`End` on a 675,000-line page). The loop below would drop them all the same.
    var top = min(max(0, top, sel - height + 1), sel)
    var heights: [Int: Int] = [:]
    func h(_ i: Int) -> Int {
        if let v = heights[i] { return v }
        let v = itemHeight(items[i], width: width)
        heights[i] = v
        return v
    }
    var used = 0
    for i in top...sel { used += h(i) }
    while top < sel && used > height { used -= h(top); top += 1 }
    // Show the headings just above the selection.
    while top > 0 && !items[top - 1].selectable && used + h(top - 1) <= height { top -= 1; used += h(top) }
    // Fill the screen when the list ends early.
    var below = 0
    var i = sel + 1
    while i < items.count && used + below <= height { below += h(i); i += 1 }
    while top > 0 && i >= items.count && used + below + h(top - 1) <= height { top -= 1; used += h(top) }
    return top
}
