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
