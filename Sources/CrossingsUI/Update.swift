import CrossingsCore

/// The next state after an action. Pure: the same state and action give the
/// same result, and nothing outside the state changes.
///
/// ```swift
/// var s = State(data: dataset, size: Size(width: 80, height: 24))
/// for key in [Key.char("t"), .down, .enter] { s = update(s, .key(key)) }
/// ```
public func update(_ state: State, _ action: Action) -> State {
    var s = state
    s.apply(action)
    s.normalize()
    return s
}

extension State {
    /// The current page's items after the `/` filter.
    func pageItems(_ page: PageState? = nil) -> Items {
        let p = page ?? current
        return visibleItems(items(p.page), filter: p.filter)
    }

    /// A page's items before the `/` filter.
    func items(_ page: Page) -> Items {
        library.items(page, flow: flow, compare: compare, granularity: granularity, facets: facets, ranking: ranking)
    }

    var selectedItem: Item? {
        let items = pageItems()
        let i = current.selected
        return items.indices.contains(i) ? items[i] : nil
    }

    /// `field` with `text` typed after it, kept to `limit` characters (saying so when cut).
    mutating func typed(_ text: String, after field: String, limit: Int) -> String {
        let joined = field + text
        guard joined.count > limit else { return joined }
        message = "typing stops at \(formatCount(limit)) characters"
        return String(joined.prefix(limit))
    }

    /// A paste goes into the prompt that is open, as one line: several lines pasted into `v` are one
    /// sentence to check, not a sentence and then keys (a `q` on the second line quit the explorer).
    mutating func paste(_ text: String) {
        // Only as much as the longest prompt holds is looked at: a paste of megabytes costs no more.
        var line = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars.prefix(TypingLimit.sentence * 2) {
            if scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}" {
                pendingSpace = !line.isEmpty
                continue
            }
            if pendingSpace { line.unicodeScalars.append(" "); pendingSpace = false }
            line.unicodeScalars.append(scalar)
        }
        if let action = overlay?.paste(line) { apply(action); return }
        let scope = current.page.scope
        func key(_ action: Action) -> String { Commands.keyLabel(for: action, in: scope, limit: 1) }
        message = "paste ignored: paste after \(key(.startCheck)) (check a sentence), \(key(.startFilter)) (filter) or \(key(.openPicker)) (pick a country)"
    }

    mutating func apply(_ action: Action) {
        message = ""
        // The overlays' own actions: opening one, typing into it, moving in it while it is open.
        for overlay in Overlays.all where overlay.apply(action, to: &self) { return }
        switch action {
        case .key(let key): handle(key)
        case .resize(let newSize): size = newSize
        case .paste(let text): paste(text)
        case .moveDown: move(by: 1)
        case .moveUp: move(by: -1)
        case .pageDown: page(by: 1)
        case .pageUp: page(by: -1)
        case .first: select(firstSelectable(from: 0, step: 1) ?? 0)
        case .last: select(firstSelectable(from: pageItems().count - 1, step: -1) ?? 0)
        case .open: open()
        case .back: back()
        case .cite: cite()
        case .nextFlow: switchFlow(by: 1)
        case .previousFlow: switchFlow(by: -1)
        case .cycleGranularity: cycleGranularity()
        case .show(let v):
            if view == v { stack = [stack.first ?? PageState(v.root)] }
            view = v
        case .nextView: view = TopView(rawValue: view.rawValue % TopView.allCases.count + 1) ?? .counts
        case .previousView: view = TopView(rawValue: (view.rawValue + TopView.allCases.count - 2) % TopView.allCases.count + 1) ?? .counts
        case .nextMatch: step(match: 1)
        case .previousMatch: step(match: -1)
        case .countsOfQuarter: countsOfQuarter()
        case .copy: copy()
        case .compareReverse:
            if compare == flow.reversed {
                compareOff()
            } else if library.spans[flow.reversed] == nil {
                message = "no \(flow.reversed) counts in this data"
            } else {
                startComparing(flow.reversed)
            }
        case .compareOff: compareOff()
        case .citeCompared:
            guard let key = selectedItem?.citeOther else { message = "no second column: s puts a flow beside this one"; return }
            guard selectedItem?.countRow?.compared != nil else { message = "no \(key.flow) figure for \(key.period)"; return }
            push(.citations(key))
        case .previousPeriod: shiftRanking(by: -1)
        case .nextPeriod: shiftRanking(by: 1)
        case .rankingDirection:
            let period = library.rankingPeriod(ranking)
            ranking.exits.toggle()
            ranking.period = period
            resetRankingSelection()
            message = ranking.exits ? "trips from Russia (RU-XX)" : "entries into Russia (XX-RU)"
        case .quit: quit = true
        // Handled by their overlay above.
        case .startFilter, .filterType, .filterErase, .filterAccept, .filterClear, .toggleHelp, .openFacets, .closeFacets,
             .facetUp, .facetDown, .facetNext, .facetPrevious, .facetsClear, .startCheck, .checkType, .checkErase, .checkCancel,
             .checkSubmit, .openPicker, .pickCompared, .pickerType, .pickerErase, .pickerDirection, .pickerClose, .pickerSelect: break
        }
    }

    // MARK: Countries

    mutating func startComparing(_ other: Flow) {
        let period = countsPeriod
        compare = other
        view = .counts
        selectCounts(period)
        message = "side by side: \(flow) and \(other) (\(library.data.describe(other)))"
    }

    mutating func compareOff() {
        guard compare != nil else { message = "one flow already"; return }
        let period = countsPeriod
        compare = nil
        selectCounts(period)
        message = "\(flow) alone"
    }

    // MARK: Ranking

    mutating func shiftRanking(by steps: Int) {
        guard let period = library.rankingPeriod(ranking) else { return }
        let next = period.shifted(by: steps)
        guard let span = library.quarterSpan(exits: ranking.exits),
              next.lastQuarter >= span.lowerBound, next.firstQuarter <= span.upperBound else {
            message = steps < 0 ? "no earlier period with data" : "no later period with data"
            return
        }
        ranking.period = next
        resetRankingSelection()
    }

    /// A new ranking starts at the top (the first page of the ranking view).
    mutating func resetRankingSelection() {
        var root = PageState(.ranking)
        root.filter = stacks[.ranking]?.first?.filter ?? ""
        stacks[.ranking] = [root]
    }

    /// Enter on a ranked country: its Counts, at the ranking's period.
    mutating func openRanked(_ row: RankRow) {
        let period = library.rankingPeriod(ranking)
        flow = row.flow
        if compare == flow { compare = nil }
        if let period { granularity = period.granularity == .range ? granularity : period.granularity }
        view = .counts
        selectCounts(period)
        message = "\(flow): \(library.data.describe(flow))"
    }

    /// A key, through the registry for the open overlay's scope or the page's: a command, else the
    /// scope's fallback (typed into a prompt, closing the help); on a page, a note that it does nothing.
    mutating func handle(_ key: Key) {
        let scope = keyScope
        if let action = Commands.action(for: key, in: scope) { apply(action); return }
        guard overlay == nil else { return }
        message = "\(key.label) does nothing here; " + Commands.hint(.toggleHelp, in: scope, "lists the keys")
    }

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
        guard s.count > 1 else { message = "at the top of \(view.title); q quits"; return }
        s.removeLast()
        stack = s
    }

    mutating func cite() {
        guard let key = selectedItem?.cite else { message = "no number on this line"; return }
        if case .citations(let k) = current.page, k == key { message = "these are its citations"; return }
        push(.citations(key))
    }

    // MARK: Counts

    /// The row of the counts list (unfiltered) for a period, if any.
    func countsIndex(of period: Period) -> Int? {
        let items = items(.counts)
        return items.firstIndex { $0.countRow?.period == period }
    }

    /// The selected period of the counts root, if any.
    var countsPeriod: Period? {
        guard let root = stacks[.counts]?.first else { return nil }
        let items = pageItems(root)
        guard items.indices.contains(root.selected), let r = items[root.selected].countRow else { return nil }
        return r.period
    }

    /// Selects the row holding a period (or the one containing it) on the counts root.
    mutating func selectCounts(_ period: Period?) {
        var root = PageState(.counts)
        root.filter = stacks[.counts]?.first?.filter ?? ""
        let items = pageItems(root)
        var index: Int?
        if let period {
            index = items.firstIndex { item in
                guard let r = item.countRow else { return false }
                return r.period.contains(period) || period.contains(r.period)
            }
        }
        // With nothing to keep, the latest period with a figure.
        if index == nil {
            index = items.lastIndex { $0.countRow.map { $0.figure != nil || $0.compared != nil } ?? false }
        }
        root.selected = index ?? 0
        root.top = max(0, root.selected - 3)
        stacks[.counts] = [root]
    }

    mutating func switchFlow(by step: Int) {
        let flows = library.flows
        guard !flows.isEmpty else { return }
        let period = countsPeriod
        let i = flows.firstIndex(of: flow) ?? 0
        flow = flows[(i + step + flows.count) % flows.count]
        selectCounts(period)
        message = "\(flow): \(library.data.describe(flow))"
    }

    mutating func cycleGranularity() {
        if view == .ranking {
            guard let period = library.rankingPeriod(ranking) else { return }
            let next: Period.Granularity = switch period.granularity {
            case .year: .quarter
            case .quarter: .half
            default: .year
            }
            ranking.period = period.converted(to: next)
            resetRankingSelection()
            return
        }
        let period = countsPeriod
        granularity = switch granularity {
        case .quarter: .half
        case .half: .year
        default: .quarter
        }
        selectCounts(period)
    }

    mutating func countsOfQuarter() {
        guard let quarter = selectedItem?.quarter else { message = "no date on this line"; return }
        granularity = .quarter
        view = .counts
        var root = PageState(.counts)
        root.filter = ""
        stacks[.counts] = [root]
        if let i = countsIndex(of: quarter) {
            root.selected = i
            stacks[.counts] = [root]
        } else {
            selectCounts(nil)
            message = "no \(flow) counts for \(quarter)"
        }
    }

    // MARK: Filter

    mutating func setFilter(_ text: String) {
        var p = current
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
        current = p
        let all = pageItems()
        if let kept, let i = all.firstIndex(search: kept.search, open: kept.open, unfilteredHint: keptAt) { select(i) }
    }

    mutating func step(match direction: Int) {
        guard !current.filter.isEmpty else { message = "no filter: / starts one"; return }
        let items = pageItems()
        guard !items.isEmpty else { message = "no match for “\(current.filter)”"; return }
        let n = items.count
        var i = current.selected
        for _ in 0..<n {
            i = (i + direction + n) % n
            if items[i].selectable { select(i); return }
        }
    }

    // MARK: Copy

    mutating func copy() {
        let item = selectedItem
        guard let whole = item?.copy ?? item?.copyFigure.map({ Citation.line($0, library.data) })
            ?? item?.copyObservation.map({ Citation.line($0, library.data) }) else {
            message = "nothing to copy on this line"; return
        }
        // A bounded line: a 3 MB title in a citation is copied (and printed on exit) by its start and length.
        let line = clipped(whole, limit: Clip.copy)
        copied.append(line)
        message = "copied: " + line
    }

    // MARK: Invariants

    /// Keeps the selection on a selectable item and in view.
    mutating func normalize() {
        for v in TopView.allCases where (stacks[v] ?? []).isEmpty { stacks[v] = [PageState(v.root)] }
        overlay?.normalize(&self)
        let items = pageItems()
        var p = current
        if items.isEmpty {
            p.selected = 0
            p.top = 0
            current = p
            return
        }
        p.selected = min(max(0, p.selected), items.count - 1)
        if !items[p.selected].selectable {
            p.selected = firstSelectableIndex(items, from: p.selected, step: 1) ?? firstSelectableIndex(items, from: p.selected, step: -1) ?? p.selected
        }
        let layout = Layout(self, size)
        p.top = scrolled(top: p.top, selected: p.selected, items: items, width: layout.listWidth - 1, height: layout.listHeight)
        current = p
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
