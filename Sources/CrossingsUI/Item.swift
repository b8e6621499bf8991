import CrossingsCore

/// One entry of a page's list: what it shows, what `/` matches it by, and
/// where Enter, `c`, `y` and `p` take it.
struct Item {
    enum Content {
        case count(CountRow)
        case category(BreakdownRow)
        case heading(String)
        case blank
        /// `Label   value`, the value wrapped under itself.
        case field(String, String)
        /// A paragraph, wrapped.
        case paragraph(String)
        /// One line, cut to fit.
        case line([Span])
        /// One of a key's values beside the others: value, difference from the shown one, who gives it.
        case alternative(value: String, difference: String, who: String, agrees: Bool)
        case event(Event)
        case source(Source, figures: Int, events: Int)
        /// A country in the ranking.
        case rank(RankRow)
    }

    /// The Counts row of a counts item (one flow or side by side).
    var countRow: CountRow? {
        if case .count(let r) = content { return r }
        return nil
    }

    var content: Content
    /// Lower-cased text `/` matches against.
    var search: String
    var selectable = true
    /// Enter goes here.
    var open: Page?
    /// `c` shows this number's citations.
    var cite: FigureKey?
    /// `y` copies this line.
    var copy: String?
    /// `p` jumps to the counts of this quarter.
    var quarter: Period?
    /// `C`: the second column's number, side by side.
    var citeOther: FigureKey?
    /// `y` copies this figure's citation line, worked out only when asked (long lists stay cheap to build).
    var copyFigure: ShownFigure?
    /// The same for one observation.
    var copyObservation: Observation?

    init(_ content: Content, search: String = "", selectable: Bool = true, open: Page? = nil,
         cite: FigureKey? = nil, copy: String? = nil, quarter: Period? = nil, citeOther: FigureKey? = nil,
         copyFigure: ShownFigure? = nil) {
        self.citeOther = citeOther
        self.copyFigure = copyFigure
        self.content = content
        self.search = search.lowercased()
        self.selectable = selectable
        self.open = open
        self.cite = cite
        self.copy = copy
        self.quarter = quarter
    }

    /// The item, copying an observation's citation line with `y` (worked out when asked).
    func copying(_ o: Observation) -> Item {
        var item = self
        item.copyObservation = o
        return item
    }

    static let blank = Item(.blank, selectable: false)
    static func heading(_ text: String) -> Item { Item(.heading(text), search: text, selectable: false) }

    /// `needle` is already lowercased, and has `count` characters: a needle longer than the
    /// item's text is not searched for.
    func matches(lowercased needle: String, count: Int) -> Bool {
        search.count >= count && search.contains(needle)
    }
}

/// A page's items after the `/` filter. Headings and blank lines go when a filter is on.
/// The filter is lowercased once, not once per item: a pasted filter of thousands of characters
/// made each key cost the page's length times the filter's (the fuzzer's find).
func visibleItems(_ all: [Item], filter: String) -> [Item] {
    guard !filter.isEmpty else { return all }
    let needle = filter.lowercased(), count = needle.count
    return all.filter { $0.selectable && $0.matches(lowercased: needle, count: count) }
}
