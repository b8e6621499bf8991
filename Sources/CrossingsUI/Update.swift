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

/// The facets of the filter menu, in menu order.
public enum Facet: Int, CaseIterable, Sendable {
    case flow, fromYear, toYear, tag, source, measure, status

    public var title: String {
        switch self {
        case .flow: "Flow"
        case .fromYear: "From year"
        case .toYear: "To year"
        case .tag: "Tag"
        case .source: "Source"
        case .measure: "Measure"
        case .status: "Values"
        }
    }
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
        switch mode {
        case .checking: apply(.checkType(line))
        case .filtering: apply(.filterType(line))
        case .picking: apply(.pickerType(line))
        default: message = "paste ignored: paste after v (check a sentence), / (filter) or o (pick a country)"
        }
    }

    mutating func apply(_ action: Action) {
        message = ""
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
        case .moveDown where mode == .picking: picker.selected += 1
        case .moveUp where mode == .picking: picker.selected -= 1
        case .pageDown where mode == .picking: picker.selected += max(1, PickerLayout(size).rows - 1)
        case .pageUp where mode == .picking: picker.selected -= max(1, PickerLayout(size).rows - 1)
        case .moveDown: if mode == .help { helpScroll += 1 } else { move(by: 1) }
        case .moveUp: if mode == .help { helpScroll = max(0, helpScroll - 1) } else { move(by: -1) }
        case .pageDown: if mode == .help { helpScroll += max(1, size.height - 3) } else { page(by: 1) }
        case .pageUp: if mode == .help { helpScroll = max(0, helpScroll - max(1, size.height - 3)) } else { page(by: -1) }
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
        case .startFilter: mode = .filtering
        case .filterType(let text): setFilter(typed(text, after: current.filter, limit: TypingLimit.filter))
        case .filterErase:
            var f = current.filter
            if !f.isEmpty { f.removeLast() }
            setFilter(f)
        case .filterAccept: mode = .normal
        case .filterClear:
            mode = .normal
            clearFilter()
        case .nextMatch: step(match: 1)
        case .previousMatch: step(match: -1)
        case .toggleHelp:
            mode = mode == .help ? .normal : .help
            helpScroll = 0
        case .openFacets:
            mode = .facets
        case .closeFacets: mode = .normal
        case .facetUp: facetCursor = (facetCursor + Facet.allCases.count - 1) % Facet.allCases.count
        case .facetDown: facetCursor = (facetCursor + 1) % Facet.allCases.count
        case .facetNext: changeFacet(by: 1)
        case .facetPrevious: changeFacet(by: -1)
        case .facetsClear: facets = Facets()
        case .copy: copy()
        case .startCheck:
            mode = .checking
            checkText = ""
        case .checkType(let text): checkText = typed(text, after: checkText, limit: TypingLimit.sentence)
        case .checkErase: if !checkText.isEmpty { checkText.removeLast() }
        case .checkCancel: mode = .normal
        case .checkSubmit:
            mode = .normal
            let sentence = checkText.trimmingCharacters(in: .whitespaces)
            if sentence.isEmpty {
                message = "nothing to check"
            } else {
                stack = stack + [PageState(.check(sentence))]
            }
        case .openPicker: openPicker(.show)
        case .pickCompared: openPicker(.compare)
        case .pickerType(let text):
            picker.query = typed(text, after: picker.query, limit: TypingLimit.picker)
            picker.selected = 0
            picker.top = 0
        case .pickerErase:
            if !picker.query.isEmpty { picker.query.removeLast() }
            picker.selected = 0
            picker.top = 0
        case .pickerDirection: picker.exits.toggle()
        case .pickerClose: mode = .normal
        case .pickerSelect: pickerSelect()
        case .quit: quit = true
        case .nextFlow, .previousFlow, .compareReverse, .compareOff, .citeCompared, .countsOfQuarter,
             .previousPeriod, .nextPeriod, .rankingDirection:
            break // a view's own: its `perform` took it above
        }
    }

    // MARK: Countries

    mutating func openPicker(_ purpose: Picker.Purpose) {
        var p = Picker()
        p.purpose = purpose
        // Start on the direction (and the country) on screen.
        let current = purpose == .compare ? (compare ?? flow) : flow
        p.exits = !current.isEntry
        if let i = library.countries.firstIndex(where: { $0.code == current.partner }) {
            p.selected = i
            p.top = max(0, i - 2)
        }
        picker = p
        mode = .picking
    }

    /// The picker's matches for what was typed.
    var pickerMatches: [Int] { library.matches(picker.query) }

    mutating func pickerSelect() {
        let matches = pickerMatches
        guard matches.indices.contains(picker.selected) else { message = "no country matches “\(picker.query)”"; return }
        let entry = library.countries[matches[picker.selected]]
        guard let chosen = entry.flow(exits: picker.exits) else { return }
        mode = .normal
        switch picker.purpose {
        case .show:
            let period = view == .counts ? countsPeriod : nil
            flow = chosen
            if compare == chosen { compare = nil }
            view = .counts
            selectCounts(period)
            message = "\(flow): \(library.data.describe(flow))"
        case .compare:
            guard chosen != flow else { message = "\(chosen) is already shown; pick another flow"; return }
            startComparing(chosen)
        }
    }

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

    /// A key, through the registry for the current mode and page.
    mutating func handle(_ key: Key) {
        switch mode {
        case .filtering:
            if let c = Commands.command(for: key, in: .filter) { apply(c.action); return }
            if case .char(let ch) = key { apply(.filterType(String(ch))) }
        case .checking:
            if let c = Commands.command(for: key, in: .checking) { apply(c.action); return }
            if case .char(let ch) = key { apply(.checkType(String(ch))) }
        case .picking:
            if let c = Commands.command(for: key, in: .picker) { apply(c.action); return }
            if case .char(let ch) = key { apply(.pickerType(String(ch))) }
        case .help:
            if let c = Commands.command(for: key, in: .help) { apply(c.action) } else { mode = .normal }
        case .facets:
            if let c = Commands.command(for: key, in: .facets) { apply(c.action) }
        case .normal:
            if let c = Commands.command(for: key, in: current.page.scope) {
                apply(c.action)
            } else {
                message = "\(key.label) does nothing here; ? lists the keys"
            }
        }
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
        if current.page == .citations(key) { message = "these are its citations"; return }
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

    // MARK: Facets

    /// The values a facet can take, as labels; index 0 is "any" (except for flow).
    func facetOptions(_ facet: Facet) -> [String] {
        switch facet {
        case .flow: library.flows.map(\.description)
        case .fromYear, .toYear: ["any"] + library.years.map(String.init)
        case .tag: ["any"] + library.tags
        case .source: ["any"] + library.data.sources.map(\.id)
        case .measure: ["any", "purpose", "transport", "estimate"]
        case .status: StatusFacet.allCases.map(\.rawValue)
        }
    }

    func facetValue(_ facet: Facet) -> String {
        switch facet {
        case .flow: flow.description
        case .fromYear: facets.fromYear.map(String.init) ?? "any"
        case .toYear: facets.toYear.map(String.init) ?? "any"
        case .tag: facets.tag ?? "any"
        case .source: facets.source ?? "any"
        case .measure: facets.measure?.rawValue ?? "any"
        case .status: facets.status.rawValue
        }
    }

    mutating func changeFacet(by step: Int) {
        guard let facet = Facet(rawValue: facetCursor) else { return }
        let options = facetOptions(facet)
        guard !options.isEmpty else { return }
        let i = options.firstIndex(of: facetValue(facet)) ?? 0
        let value = options[(i + step + options.count) % options.count]
        let period = countsPeriod
        switch facet {
        case .flow: if let f = library.flows.first(where: { $0.description == value }) { flow = f }
        case .fromYear:
            facets.fromYear = Int(value)
            if let a = facets.fromYear, let b = facets.toYear, a > b { facets.toYear = a }
        case .toYear:
            facets.toYear = Int(value)
            if let a = facets.fromYear, let b = facets.toYear, a > b { facets.fromYear = b }
        case .tag: facets.tag = value == "any" ? nil : value
        case .source: facets.source = value == "any" ? nil : value
        case .measure: facets.measure = Measure(rawValue: value)
        case .status: facets.status = StatusFacet(rawValue: value) ?? .all
        }
        if view == .counts && stack.count == 1 { selectCounts(period) }
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
        if mode == .help {
            let lines = helpLines(self, width: min(size.width, 100) - 4).count
            helpScroll = min(max(0, helpScroll), max(0, lines - (size.height - 2)))
        }
        if mode == .picking {
            let n = pickerMatches.count
            picker.selected = min(max(0, picker.selected), max(0, n - 1))
            let rows = max(1, PickerLayout(size).rows)
            if picker.selected < picker.top { picker.top = picker.selected }
            if picker.selected >= picker.top + rows { picker.top = picker.selected - rows + 1 }
            picker.top = max(0, min(picker.top, max(0, n - rows)))
        }
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

/// How much a prompt holds. Every key redoes work in the length of what was typed (matching,
/// drawing the prompt), so a paste of megabytes made each key slow (the explorer fuzzer pasted
/// 21,000 characters into the picker: 2.6 s of CPU for the session); no country name, filter or
/// sentence needs more.
enum TypingLimit {
    static let picker = 100
    static let filter = 500
    /// The claim reader cuts a sentence at 3,000 characters anyway.
    static let sentence = 5_000
}
