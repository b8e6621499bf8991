import CrossingsCore

/// One entry of a page's list: what it shows, what `/` matches it by, and
/// where Enter, `c`, `y` and `p` take it.
///
/// Kept small (issue 11): a page can list thousands (a source's long pages make theirs a screen
/// at a time, `Items`; a whole one of the all-countries import was 66,000 items), so the
/// large payloads (a row with its figures, an event, a source) are boxed (`indirect`), and what
/// only `y`, `p` and `C` need is in one shared box, `Extras`, present only where set.
struct Item {
    enum Content {
        indirect case count(CountRow)
        indirect case category(BreakdownRow)
        case heading(String)
        case blank
        /// `Label   value`, the value wrapped under itself.
        case field(String, String)
        /// `Label   url`: a field whose value is a source's URL, wrapped like a field's, every line of
        /// it a hyperlink to the whole URL when `LinkCheck` passes it (`Span(_:_:url:)`), plain
        /// text otherwise. An empty URL shows "not known".
        case link(String, url: String)
        /// A paragraph, wrapped.
        case paragraph(String)
        /// One line, cut to fit.
        case line([Span])
        /// One of a key's values beside the others: value, difference from the shown one, who gives it.
        case alternative(value: String, difference: String, who: String, agrees: Bool)
        indirect case event(Event)
        indirect case source(Source, figures: Int, events: Int)
        /// A country in the ranking.
        indirect case rank(RankRow)
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
    /// What `y`, `p` and `C` use, boxed: most items have none of it.
    final class Extras: Sendable {
        let copy: String?
        let quarter: Period?
        let citeOther: FigureKey?
        let copyFigure: ShownFigure?
        let copyObservation: Observation?

        init(copy: String?, quarter: Period?, citeOther: FigureKey?, copyFigure: ShownFigure?, copyObservation: Observation?) {
            self.copy = copy
            self.quarter = quarter
            self.citeOther = citeOther
            self.copyFigure = copyFigure
            self.copyObservation = copyObservation
        }
    }
    private var extras: Extras?

    /// `y` copies this line.
    var copy: String? { extras?.copy }
    /// `p` jumps to the counts of this quarter.
    var quarter: Period? { extras?.quarter }
    /// `C`: the second column's number, side by side.
    var citeOther: FigureKey? { extras?.citeOther }
    /// `y` copies this figure's citation line, worked out only when asked (long lists stay cheap to build).
    var copyFigure: ShownFigure? { extras?.copyFigure }
    /// The same for one observation.
    var copyObservation: Observation? { extras?.copyObservation }

    init(_ content: Content, search: String = "", selectable: Bool = true, open: Page? = nil,
         cite: FigureKey? = nil, copy: String? = nil, quarter: Period? = nil, citeOther: FigureKey? = nil,
         copyFigure: ShownFigure? = nil) {
        self.content = Item.clipping(content)
        self.search = search.lowercased()
        self.selectable = selectable
        self.open = open
        self.cite = cite
        if copy != nil || quarter != nil || citeOther != nil || copyFigure != nil {
            extras = Extras(copy: copy, quarter: quarter, citeOther: citeOther, copyFigure: copyFigure, copyObservation: nil)
        }
    }

    /// The content with its data text clipped (`clipped`): every page's lines come through here,
    /// so a 3 MB title or note is laid out by its first `Clip.field` characters and its length,
    /// never whole on each key. Rows (`.count`, `.event`, `.source`…) are one line, cut by `fit`
    /// and `Screen.put`, which look only at what a line can show.
    static func clipping(_ content: Content) -> Content {
        switch content {
        case .heading(let text): .heading(clipped(text))
        case .field(let label, let value): .field(label, clipped(value))
        case .paragraph(let text): .paragraph(clipped(text))
        case .link(let label, let url): .link(label, url: url)
        case .line(let spans): .line(spans.map { span in
            var s = span
            s.text = clipped(span.text)
            return s
        })
        case .alternative(let value, let difference, let who, let agrees):
            .alternative(value: value, difference: difference, who: clipped(who), agrees: agrees)
        default: content
        }
    }

    /// The item, copying an observation's citation line with `y` (worked out when asked).
    func copying(_ o: Observation) -> Item {
        var item = self
        item.extras = Extras(copy: copy, quarter: quarter, citeOther: citeOther, copyFigure: copyFigure, copyObservation: o)
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
func visibleItems(_ all: Items, filter: String) -> Items {
    all.filtered(filter)
}
