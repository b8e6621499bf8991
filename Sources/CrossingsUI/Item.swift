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

    init(_ content: Content, search: String = "", selectable: Bool = true, open: Page? = nil,
         cite: FigureKey? = nil, copy: String? = nil, quarter: Period? = nil) {
        self.content = content
        self.search = search.lowercased()
        self.selectable = selectable
        self.open = open
        self.cite = cite
        self.copy = copy
        self.quarter = quarter
    }

    static let blank = Item(.blank, selectable: false)
    static func heading(_ text: String) -> Item { Item(.heading(text), search: text, selectable: false) }

    func matches(_ filter: String) -> Bool {
        filter.isEmpty || search.contains(filter.lowercased())
    }
}

/// A page's items after the `/` filter. Headings and blank lines go when a filter is on.
func visibleItems(_ all: [Item], filter: String) -> [Item] {
    guard !filter.isEmpty else { return all }
    return all.filter { $0.selectable && $0.matches(filter) }
}
