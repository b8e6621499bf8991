import CrossingsCore

/// The next state after an action, and what the backend is to do about it (copy a line, quit,
/// check a sentence). Pure: the same state and action give the same result, and nothing outside
/// the state changes; the effects are values (`Effect`), performed by the backend.
///
/// ```swift
/// var s = State(data: dataset, size: Size(width: 80, height: 24))
/// for key in [Key.char("t"), .down, .enter] { s = update(s, .key(key)).state }
/// update(s, .key(.char("q"))).effects   // [.quit]
/// ```
public func update(_ state: State, _ action: Action) -> (state: State, effects: [Effect]) {
    var s = state
    s.outbox = []
    s.apply(action)
    s.normalize()
    let effects = s.outbox
    s.outbox = []
    return (s, effects)
}

extension State {
    /// The current page's items after the `/` filter.
    func pageItems(_ page: PageState? = nil) -> Items {
        let p = page ?? current
        return visibleItems(items(p.page), filter: p.filter)
    }

    /// A page's items before the `/` filter.
    func items(_ page: Page) -> Items {
        let items = library.items(page, flow: flow, compare: compare, granularity: granularity, facets: facets, ranking: ranking,
                                  findings: page.kind == .check ? page.text.flatMap { checks[$0] } : nil)
        // `]` `[`: the same lines in another order (`Sort.swift`).
        let view = page.view
        guard let order = sorts[page.kind], view.sortColumns.indices.contains(order.column) else { return items }
        return items.sorted(by: view.sortColumns[order.column], descending: order.descending, sortable: view.sortable)
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
        func key(_ action: Action) -> String { Keymap.keyLabel(for: action, in: scope, limit: 1) }
        message = "paste ignored: paste after \(key(.startCheck)) (check a sentence), \(key(.startFilter)) (filter) or \(key(.openPicker)) (pick a country)"
    }

    mutating func apply(_ action: Action) {
        if refusedWhileTooSmall(action) { return }
        message = ""
        messageFirst = false
        messageInFull = false
        // The overlays' own actions: opening one, typing into it, moving in it while it is open.
        for overlay in Overlays.all where overlay.apply(action, to: &self) { return }
        // A page's own actions first (the page on screen, then the others: an action sent straight,
        // by a test or the fuzzer, does what it did from any page).
        let here = current.page.view
        if here.perform(action, on: &self) { return }
        for view in Registry.all where view.kind != here.kind {
            if view.perform(action, on: &self) { return }
        }
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
        case .cycleGranularity: cycleGranularity()
        case .show(let v):
            if view == v { stack = [stack.first ?? PageState(v.root)] }
            view = v
        case .nextView: view = TopView(rawValue: view.rawValue % TopView.allCases.count + 1) ?? .counts
        case .previousView: view = TopView(rawValue: (view.rawValue + TopView.allCases.count - 2) % TopView.allCases.count + 1) ?? .counts
        case .nextMatch: step(match: 1)
        case .previousMatch: step(match: -1)
        case .copy: copy()
        case .quit: outbox.append(.quit)
        case .checked(let sentence, let findings): checks[sentence] = findings
        case .export: export()
        case .nextSortColumn: nextSortColumn()
        case .reverseSort: reverseSort()
        case .exported(let path, let rows): exported(path, rows: rows)
        case .exportFailed(let why):
            // Shown whole (the path and the reason, wrapped above the status line when long): `Not a d…` said nothing.
            message = "not exported: " + why
            messageFirst = true
            messageInFull = true
        case .openURL: openURL()
        case .urlOpened(let url, let program):
            message = "opened with \(program): " + url
            messageFirst = true
            messageInFull = true
        case .urlCopied(let url):
            message = "no xdg-open or open to open it with; copied: " + url
            messageFirst = true
            messageInFull = true
        case .urlRefused(let why):
            message = "not opened: " + why
            messageFirst = true
            messageInFull = true
        case .nextFlow, .previousFlow, .compareReverse, .compareOff, .citeCompared, .countsOfQuarter,
             .previousPeriod, .nextPeriod, .rankingDirection, .openSeries:
            break // a view's own: its `perform` took it above
        // Handled by their overlay above.
        case .startFilter, .filterType, .filterErase, .filterAccept, .filterClear, .toggleHelp, .openFacets, .closeFacets,
             .facetUp, .facetDown, .facetNext, .facetPrevious, .facetsClear, .startCheck, .checkType, .checkErase, .checkCancel,
             .checkSubmit, .openPicker, .pickCompared, .pickerType, .pickerErase, .pickerDirection, .pickerClose, .pickerSelect: break
        }
    }

    // MARK: Too small

    /// Behind the "too small" notice nothing can be seen, so only what the notice offers acts: its
    /// quit key (whatever overlay is open underneath: `q` quits, as the notice says), a resize, and
    /// the backend's answers to effects asked for before. Every other key, paste or action is
    /// refused, leaving the state as it was: no file exported, no URL opened, nothing copied or
    /// checked, and no unseen move or filter to surprise the user once the terminal is large again.
    /// True when refused (a `q` is turned into the quit here).
    mutating func refusedWhileTooSmall(_ action: Action) -> Bool {
        guard size.tooSmall else { return false }
        switch action {
        case .resize, .quit, .checked, .exported, .exportFailed, .urlOpened, .urlCopied, .urlRefused:
            return false
        case .key(let key) where Keymap.command(for: key, in: .everywhere)?.action == .quit:
            outbox.append(.quit)
            return true
        default:
            return true
        }
    }

    // MARK: Countries

    mutating func startComparing(_ other: Flow) {
        let period = countsPeriod
        compare = other
        view = .counts
        selectCounts(period)
        message = "side by side: \(flow) and \(other) (\(library.data.describe(other)))"
        messageInFull = true  // which flow is which, whole: `(citize…` said nothing
    }

    mutating func compareOff() {
        guard compare != nil else { message = "one flow already"; return }
        let period = countsPeriod
        compare = nil
        selectCounts(period)
        message = "\(flow) alone"
    }

    /// A key, through the registry for the open overlay's scope or the page's: a command, else the
    /// scope's fallback (typed into a prompt, closing the help); on a page, a note that it does nothing.
    mutating func handle(_ key: Key) {
        let scope = keyScope
        if let action = Keymap.action(for: key, in: scope) { apply(action); return }
        guard overlay == nil else { return }
        message = "\(key.label) does nothing here; " + Keymap.hint(.toggleHelp, in: scope, "lists the keys")
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
        outbox.append(.copy(line))
        message = "copied: " + line
        messageInFull = true
    }

    // MARK: Invariants

    /// Keeps the selection on a selectable item and in view.
    mutating func normalize() {
        for v in TopView.allCases where (stacks[v] ?? []).isEmpty { stacks[v] = [PageState(v.root)] }
        // Only the verdicts of check pages still open are kept: looked at only when there are more
        // verdicts than open check pages (counted without hashing their sentences on every key).
        if !checks.isEmpty, checks.count > stacks.values.joined().count(where: { $0.page.kind == .check }) {
            let open = Set(stacks.values.joined().compactMap { $0.page.kind == .check ? $0.page.text : nil })
            checks = checks.filter { open.contains($0.key) }
        }
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
