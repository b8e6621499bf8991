import CrossingsCore

/// The `m` filter menu: one line per facet, ←→ change its value, x clears them all.
struct FacetsOverlay: Overlay {
    var mode: Mode { .facets }
    var scope: Scope { .facets }

    func draw(_ s: State, _ screen: inout Screen) { drawFacets(s, &screen) }

    func apply(_ action: Action, to s: inout State) -> Bool {
        let n = Facet.allCases.count
        switch action {
        case .openFacets: s.mode = .facets
        case .closeFacets: s.mode = .normal
        case .facetUp: s.facetCursor = (s.facetCursor + n - 1) % n
        case .facetDown: s.facetCursor = (s.facetCursor + 1) % n
        case .facetNext: s.changeFacet(by: 1)
        case .facetPrevious: s.changeFacet(by: -1)
        case .facetsClear: s.facets = Facets()
        default: return false
        }
        return true
    }

    /// `Filters — ←→ change, x clear, Esc close`; worked out once, as the registry is fixed (a frame costs less).
    static let title: String = {
        let change = Keymap.arrows(for: [.facetPrevious, .facetNext], in: .facets) + " " + (Keymap.label(of: .facetNext, in: .facets) ?? "")
        return "Filters — " + [change, Keymap.hint(.facetsClear, in: .facets, "clear"), Keymap.hint(.closeFacets, in: .facets)].joined(separator: ", ")
    }()
}

/// The facets of the filter menu, in menu order.
public enum Facet: Int, CaseIterable, Sendable {
    case flow, fromYear, toYear, tag, source, measure, category, status

    public var title: String {
        switch self {
        case .flow: "Flow"
        case .fromYear: "From year"
        case .toYear: "To year"
        case .tag: "Tag"
        case .source: "Source"
        case .measure: "Measure"
        case .category: "Category"
        case .status: "Values"
        }
    }
}

extension State {
    /// The values a facet can take, as labels; index 0 is "any" (except for flow).
    func facetOptions(_ facet: Facet) -> [String] {
        switch facet {
        case .flow: library.flows.map(\.description)
        case .fromYear, .toYear: ["any"] + library.years.map(String.init)
        case .tag: ["any"] + library.tags
        case .source: ["any"] + library.data.sources.map(\.id)
        case .measure: ["any", "purpose", "transport", "estimate"]
        case .category: ["any"] + [Measure.purpose, .transport].flatMap { m in library.data.categories(of: m).map { "\(m.rawValue)/\($0)" } }
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
        case .category: facets.category ?? "any"
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
            keepRankingWithinYears()
        case .toYear:
            facets.toYear = Int(value)
            if let a = facets.fromYear, let b = facets.toYear, a > b { facets.fromYear = b }
            keepRankingWithinYears()
        case .tag: facets.tag = value == "any" ? nil : value
        case .source: facets.source = value == "any" ? nil : value
        case .measure:
            facets.measure = Measure(rawValue: value)
            // A category of another measure would contradict it (measure transport over study entries): it goes.
            if let measure = facets.measure, let category = facets.category, Facets.measure(ofCategory: category) != measure {
                facets.category = nil
                message = "category \(category) cleared: not a category of \(measure.rawValue)"
                messageInFull = true
            }
        case .category:
            facets.category = value == "any" ? nil : value
            // The measure follows the category: purpose/study under measure transport would show study entries said to be transport.
            if let category = facets.category, let measure = facets.measure, let own = Facets.measure(ofCategory: category), own != measure {
                facets.measure = own
                message = "measure set to \(own.rawValue), the measure of \(category)"
                messageInFull = true
            }
            seriesFollowsCategoryFacet()
        case .status: facets.status = StatusFacet(rawValue: value) ?? .all
        }
        if view == .counts && stack.count == 1 { selectCounts(period) }
    }
}

func drawFacets(_ s: State, _ screen: inout Screen) {
    let w = screen.width, h = screen.height
    // One row short of the screen at most: the footer's keys stay in sight on a small terminal.
    let boxW = min(w, 60), boxH = min(max(3, h - 1), Facet.allCases.count + 4)
    let inner = drawBox(&screen, x: (w - boxW) / 2, y: max(0, (h - boxH) / 2), width: boxW, height: boxH, title: FacetsOverlay.title)
    // Fewer rows than facets (32×8 shows 5 of 8): the rows scroll so the cursor's facet is always in
    // sight, never changed blind by ←→; ↑ ↓ in the last column say there are more.
    let facets = Facet.allCases
    let top = facetsTop(cursor: s.facetCursor, rows: inner.height, count: facets.count)
    let scrolls = inner.height < facets.count
    for row in 0..<min(inner.height, facets.count - top) {
        let n = top + row
        let facet = facets[n]
        let selected = n == s.facetCursor
        let line = [Span(selected ? "› " : "  ", .key), Span(pad(facet.title, 11), .overlayTitle), Span("‹ " + s.facetValue(facet) + " ›", .overlay)]
        screen.put(line, x: inner.x, y: inner.y + row, selected: selected, limit: inner.width - (scrolls ? 1 : 0))
    }
    if scrolls, inner.height > 0 {
        if top > 0 { screen.put("↑", x: inner.x + inner.width - 1, y: inner.y, style: Style(.overlay)) }
        if top + inner.height < facets.count { screen.put("↓", x: inner.x + inner.width - 1, y: inner.y + inner.height - 1, style: Style(.overlay)) }
    }
    let hint = "applies to Counts, Breakdown, Timeline, Sources, Ranking"
    if Facet.allCases.count + 1 < inner.height { screen.put(fit(hint, inner.width), x: inner.x, y: inner.y + Facet.allCases.count + 1, style: Style(.overlay)) }
}

/// The first facet the menu shows on `rows` rows: the first, until the cursor would fall below the
/// last row; then the cursor's row is the last but one (the next facet in sight; the last on one
/// or two rows, and at the end).
func facetsTop(cursor: Int, rows: Int, count: Int) -> Int {
    guard rows > 0, rows < count else { return 0 }
    let cursor = min(max(0, cursor), count - 1)
    return min(max(0, cursor - rows + (rows >= 3 ? 2 : 1)), count - rows)
}

extension Facets {
    /// The measure of a category facet's value: `purpose` for `purpose/study`.
    static func measure(ofCategory category: String) -> Measure? {
        guard let slash = category.firstIndex(of: "/") else { return nil }
        return Measure(rawValue: String(category[..<slash]))
    }

    /// The measure and category agree: no category of one measure under another (the filter menu keeps it so).
    var isConsistent: Bool {
        guard let measure, let category else { return true }
        return Facets.measure(ofCategory: category) == measure
    }
}

extension Facets {
    /// `totals, not purpose/study`, `totals, not transport`: what a view that shows only totals (the
    /// ranking; Counts under a measure with no category) says in its header while the filter menu names
    /// a category or a measure, so its numbers are what the header names. Nil with neither.
    var totalsNote: String? {
        if let category { return "totals, not \(category)" }
        if let measure { return "totals, not \(measure.rawValue)" }
        return nil
    }
}
