import CrossingsCore

/// The smallest terminal the explorer draws in; below it, a notice.
public let minimumSize = Size(width: 32, height: 8)

extension Size {
    /// Below `minimumSize`: the screen is only the "too small" notice, and keys do next to nothing
    /// (`State.refusedWhileTooSmall`).
    var tooSmall: Bool { width < minimumSize.width || height < minimumSize.height }
}

/// Where things go on a screen of a given size.
struct Layout {
    /// The row of event marks, under the bars (the axis, if any, is under it).
    var marksRow: Int { chartTop + chartHeight }

    var tooSmall: Bool
    var chartTop = 2
    var chartHeight = 0
    var axis = false
    /// A row of event marks between the bars and the axis (`Layout.marksRow`).
    var marks = false
    var headerRow: Int?
    var listTop = 2
    var listHeight = 0
    /// Cells for item text (column 0 holds the selection mark).
    var listWidth = 0
    /// On wide screens, a pane right of a list shows what is behind the selected line.
    var preview: (x: Int, width: Int)?

    init(_ s: State, _ size: Size) {
        tooSmall = size.tooSmall
        guard !tooSmall else { return }
        let body = size.height - 4
        listWidth = size.width - 1
        let view = s.current.page.view
        if view.hasPreview && size.width >= 110 {
            listWidth = 64
            preview = (listWidth + 3, size.width - listWidth - 3)
        }
        var y = 2
        if view.hasChart {
            chartHeight = body >= 30 ? 6 : body >= 16 ? 3 : body >= 8 ? 1 : 0
            axis = chartHeight > 0 && body >= 12
            // Within the chart's budget: one of its bar rows when it has three or more, else none.
            marks = view.marksEvents && chartHeight >= 3
            if marks { chartHeight -= 1 }
            chartTop = y
            y += chartHeight + (marks ? 1 : 0) + (axis ? 1 : 0)
        }
        if view.hasColumnHeader {
            headerRow = y
            y += 1
        }
        listTop = y
        listHeight = max(0, size.height - 2 - y)
    }
}

/// Draws a state: the whole frame, as a grid of cells.
///
/// ```swift
/// let screen = render(state, Size(width: 80, height: 24))
/// print(screen.text)
/// ```
public func render(_ s: State, _ size: Size) -> Screen {
    var screen = Screen(size)
    let layout = Layout(s, size)
    if layout.tooSmall {
        drawTooSmall(&screen)
        return screen
    }
    drawTitle(s, &screen)
    drawCrumbs(s, &screen)
    drawPage(s, layout, &screen)
    drawStatus(s, &screen)
    drawFooter(s, &screen)
    s.overlay?.draw(s, &screen)
    return screen
}

func drawTooSmall(_ screen: inout Screen) {
    let w = screen.width, h = screen.height
    guard w > 0, h > 0 else { return }
    let quit = Keymap.keyLabel(for: .quit, in: .everywhere, limit: 1)
    let lines = w >= 24 ? ["Terminal too small", "\(w)x\(h); needs \(minimumSize)", "enlarge it, or \(quit) to quit"]
        : ["Too small", "\(w)x\(h)", "\(quit) quits"]
    let top = max(0, (h - lines.count) / 2)
    for (i, line) in lines.enumerated() where top + i < h {
        let text = fit(line, w)
        screen.put(text, x: max(0, (w - cells(text)) / 2), y: top + i, style: Style(i == 0 ? .notice : .normal))
    }
}

func drawTitle(_ s: State, _ screen: inout Screen) {
    let w = screen.width
    screen.fill(x: 0, y: 0, width: w, style: Style(.title))
    var x = 0
    let brand = " crossings "
    func labels(_ short: Bool) -> [String] {
        TopView.allCases.map { v in
            let t = short ? v.shortTitle : v.title
            return v == s.view ? "[\(v.rawValue) \(t)]" : " \(v.rawValue) \(t) "
        }
    }
    let long = labels(false), short = labels(true)
    let start = w >= 50 ? cells(brand) : 0
    func end(_ tabs: [String]) -> Int { start + tabs.map(cells).reduce(0, +) }
    // The data the screen shows (`full + bundled: 67,425 figures`) matters more than long tab
    // titles: they give way to it, then its label is cut (`…`, keeping its end: a path's last
    // folder, the last package layered); the count is never cut.
    let label = s.library.data.origin
    let count = ": \(formatCount(s.library.data.observations.count)) figures "
    let whole = label + count
    // Without the data, as before: long titles when they and the brand fit.
    var tabs = long.map(cells).reduce(0, +) + cells(brand) <= w ? long : short
    var origin: String?
    if end(long) + cells(whole) + 2 <= w {
        tabs = long
        origin = whole
    } else if end(short) + cells(whole) + 2 <= w {
        tabs = short
        origin = whole
    } else if w - end(short) - 2 - cells(count) >= 4 {
        // At least `…` and three characters of the label, or no label at all.
        tabs = short
        origin = "…" + tail(label, w - end(short) - 2 - cells(count) - 1) + count
    }
    if w >= 50 { x += screen.put(brand, x: 0, y: 0, style: Style(.title)) }
    for (v, label) in zip(TopView.allCases, tabs) {
        x += screen.put(label, x: x, y: 0, style: Style(v == s.view ? .activeTab : .tab))
    }
    if let origin, x + cells(origin) + 2 <= w { screen.put(origin, x: w - cells(origin), y: 0, style: Style(.title)) }
}

/// `KP-RU › 2024 › purpose › study › sources`
func crumbs(_ s: State) -> [String] {
    var out: [String] = []
    var previous: Page?
    for p in s.stack {
        out += p.page.view.crumbs(p.page, after: previous, in: s)
        previous = p.page
    }
    return out
}

func drawCrumbs(_ s: State, _ screen: inout Screen) {
    let text = crumbs(s).joined(separator: " › ")
    let w = screen.width - 1
    // Keep the end of the path: where you are matters most. Measured from the end, a cell at a
    // time: dropping the first character until the rest fitted was quadratic in a long id.
    let whole = tail(text, w)
    let shown = whole == visible(text) ? whole : "…" + tail(text, w - 1)
    screen.put(shown, x: 1, y: 1, style: Style(.crumb))
}
