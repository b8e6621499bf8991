import CrossingsCore

/// The country picker (`o` to show a flow, `s` to put one beside it): type a name or code,
/// ↑↓ choose a country, ←→ entries or trips, Enter takes the flow.
struct PickerOverlay: Overlay {
    var mode: Mode { .picking }
    var scope: Scope { .picker }

    func draw(_ s: State, _ screen: inout Screen) { drawPicker(s, &screen) }

    func apply(_ action: Action, to s: inout State) -> Bool {
        let open = s.mode == .picking
        switch action {
        case .openPicker: s.openPicker(.show)
        case .pickCompared: s.openPicker(.compare)
        case .pickerType(let text):
            s.picker.query = s.typed(text, after: s.picker.query, limit: TypingLimit.picker)
            s.picker.selected = 0
            s.picker.top = 0
        case .pickerErase:
            if !s.picker.query.isEmpty { s.picker.query.removeLast() }
            s.picker.selected = 0
            s.picker.top = 0
        case .pickerDirection: s.picker.direction = s.picker.direction.reversed
        case .pickerClose: s.mode = .normal
        case .pickerSelect: s.pickerSelect()
        case .moveDown where open: s.picker.selected += 1
        case .moveUp where open: s.picker.selected -= 1
        case .pageDown where open: s.picker.selected += max(1, PickerLayout(s.size).rows - 1)
        case .pageUp where open: s.picker.selected -= max(1, PickerLayout(s.size).rows - 1)
        default: return false
        }
        return true
    }

    /// The selection on a match, and in view.
    func normalize(_ s: inout State) {
        let n = s.pickerMatches.count
        s.picker.selected = min(max(0, s.picker.selected), max(0, n - 1))
        let rows = max(1, PickerLayout(s.size).rows)
        if s.picker.selected < s.picker.top { s.picker.top = s.picker.selected }
        if s.picker.selected >= s.picker.top + rows { s.picker.top = s.picker.selected - rows + 1 }
        s.picker.top = max(0, min(s.picker.top, max(0, n - rows)))
    }

    func paste(_ line: String) -> Action? { .pickerType(line) }

    /// `Countries — type a name or code, ↵ select, ←→ in/out, Esc close`, or for `s`
    /// `Beside KP-RU: pick a flow — ↵ select, ←→ in/out, Esc close`.
    static func title(_ s: State) -> String {
        s.picker.purpose == .compare ? "Beside \(s.flow): pick a flow — " + keys : "Countries — " + typing + keys
    }

    /// `↵ select, ←→ in/out, Esc close`; worked out once, as the registry is fixed (a frame costs less).
    private static let keys: String = {
        let direction = Keymap.arrows(for: [.pickerDirection], in: .picker) + " " + (Keymap.label(of: .pickerDirection, in: .picker) ?? "")
        return [Keymap.hint(.pickerSelect, in: .picker), direction, Keymap.hint(.pickerClose, in: .picker)].joined(separator: ", ")
    }()

    /// `type a name or code, `
    private static let typing = Keymap.fallback(in: .picker).map { $0.footer + ", " } ?? ""
}

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

extension State {
    mutating func openPicker(_ purpose: Picker.Purpose) {
        var p = Picker()
        p.purpose = purpose
        // Start on the direction (and the country) on screen.
        let current = purpose == .compare ? (compare ?? flow) : flow
        p.direction = Direction(of: current)
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
        guard let chosen = entry.flow(picker.direction) else { return }
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
}

func drawPicker(_ s: State, _ screen: inout Screen) {
    let layout = PickerLayout(s.size)
    guard layout.height >= 6 else { return }
    let inner = drawBox(&screen, x: layout.x, y: layout.y, width: layout.width, height: layout.height, title: PickerOverlay.title(s))
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
        // "Backspace erases": the long name, which says more than ⌫.
        let note = "no country matches “\(s.picker.query)”; " + Keymap.hint(.pickerErase, in: .picker, "erases", short: false)
        screen.put(fit(note, inner.width), x: inner.x, y: inner.y + 3, style: Style(.overlay))
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
        let chosen = c.flow(s.picker.direction)
        let line = [Span(selected ? "› " : "  ", .key), Span(pad(c.code, 5), .overlayTitle), Span(pad(c.name, nameWidth), .overlay),
                    Span(flowCell(c.entries, chosen: selected && chosen == c.entries && c.entries != nil), .overlay),
                    Span(flowCell(c.exits, chosen: selected && chosen == c.exits && c.exits != nil), .overlay)]
        screen.put(line, x: inner.x, y: inner.y + 3 + n, selected: selected, limit: inner.width)
    }
    if s.picker.top + rows < matches.count { screen.put("↓", x: inner.x + inner.width - 1, y: inner.y + 2 + rows, style: Style(.overlayTitle)) }
    if s.picker.top > 0 { screen.put("↑", x: inner.x + inner.width - 1, y: inner.y + 3, style: Style(.overlayTitle)) }
}
