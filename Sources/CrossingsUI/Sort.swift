import CrossingsCore

/// `]` and `[`: the order of a list page's lines, by one of its columns.
///
/// There is no column cursor, so the two keys split the job: `]` moves the sort to the next column
/// (after the last, back to the page's own order), each column starting in the direction a reader
/// wants first (numbers largest first, text A to Z); `[` turns the current sort round. Every order
/// is two keys away at most from any other, and neither key needs a count or a prompt. The header
/// marks the column (`Entries ▼`). Only the order changes, never a number: the ranking's `#` is
/// still each country's rank by value; lines with no value for the column (a gap) stay last; in a
/// breakdown each section's categories are sorted among themselves, the total and the headings
/// stay where they are.
public struct SortOrder: Hashable, Sendable {
    /// Index into the view's `sortColumns`.
    public var column: Int
    public var descending: Bool
    public init(column: Int, descending: Bool) {
        self.column = column
        self.descending = descending
    }
}

/// What a line is sorted by in one column.
enum SortKey: Comparable {
    case number(Double)
    case text(String)
}

/// A column a list page can be sorted by: its title in the header, the direction it starts in,
/// and each line's key (nil: the line is not sorted, like a heading, or has no value here).
struct SortColumn {
    var title: String
    var descendingFirst: Bool
    var key: (Item) -> SortKey?
    /// How the header names the column, most likely first (nil: the title).
    var headerTitles: ((State) -> [String])? = nil
    /// The two directions in words, up then down: `A to Z`, `Z to A`.
    var words = ("smallest first", "largest first")

    func header(_ title: @escaping (State) -> [String]) -> SortColumn {
        var c = self
        c.headerTitles = title
        return c
    }

    /// A column of dates (as text, `2024-06-19`): latest first.
    func dates() -> SortColumn {
        var c = self
        c.descendingFirst = true
        c.words = ("earliest first", "latest first")
        return c
    }

    static func number(_ title: String, _ value: @escaping (Item) -> Double?) -> SortColumn {
        SortColumn(title: title, descendingFirst: true) { value($0).map(SortKey.number) }
    }

    static func text(_ title: String, _ value: @escaping (Item) -> String?) -> SortColumn {
        SortColumn(title: title, descendingFirst: false, key: { value($0).map { SortKey.text($0.lowercased()) } }, words: ("A to Z", "Z to A"))
    }
}

extension Items {
    /// The lines in a column's order: each run of lines with a place in the sort (`sortable`) is
    /// sorted within itself, stably; lines with no key go to the end of their run.
    func sorted(by column: SortColumn, descending: Bool, sortable: (Item) -> Bool) -> Items {
        guard run == nil else { return self }
        var out: [Item] = []
        var pending: [Item] = []
        func flush() {
            let keyed = pending.enumerated().map { (i: $0.offset, item: $0.element, key: column.key($0.element)) }
            out += keyed.sorted { a, b in
                switch (a.key, b.key) {
                case let (x?, y?): x == y ? a.i < b.i : (descending ? x > y : x < y)
                case (.some, nil): true
                case (nil, .some): false
                case (nil, nil): a.i < b.i
                }
            }.map(\.item)
            pending = []
        }
        for item in self {
            if sortable(item) { pending.append(item) } else { flush(); out.append(item) }
        }
        flush()
        return Items(out)
    }
}

/// The header with the sorted column's title marked `▲` or `▼`, in the room its padding leaves
/// (the header keeps its width, so the titles stay over their columns).
func markSorted(_ header: String, titles: [String], descending: Bool) -> String {
    let arrow = descending ? "▼" : "▲"
    guard let range = titles.lazy.compactMap({ header.range(of: $0) }).first else { return header }
    let before = header[..<range.lowerBound]
    // A right-aligned title (spaces before it): the arrow takes a space on its left.
    if before.hasSuffix("  ") {
        var h = header
        h.insert(contentsOf: arrow, at: range.upperBound)
        h.remove(at: h.index(before: range.lowerBound))
        return h
    }
    // A left-aligned one: the space after it.
    if range.upperBound < header.endIndex, header[range.upperBound] == " " {
        return header.replacingCharacters(in: range.upperBound..<header.index(after: range.upperBound), with: arrow)
    }
    if range.upperBound == header.endIndex { return header + arrow }
    if before.hasSuffix(" ") {
        var h = header
        h.insert(contentsOf: arrow, at: range.upperBound)
        h.remove(at: h.index(before: range.lowerBound))
        return h
    }
    return header
}

extension State {
    /// The sort of a page kind (nil: the page's own order).
    func sortOrder(_ kind: PageKind) -> SortOrder? { sorts[kind] }

    /// `]`: the next column, in its first direction; past the last, the page's own order.
    mutating func nextSortColumn() {
        let view = current.page.view
        let columns = view.sortColumns
        guard !columns.isEmpty else { message = "this page has no columns to sort by"; return }
        let next = (sorts[view.kind].map { $0.column + 1 }) ?? 0
        keepingSelection {
            if next >= columns.count { $0.sorts[view.kind] = nil } else {
                $0.sorts[view.kind] = SortOrder(column: next, descending: columns[next].descendingFirst)
            }
        }
        message = sortNote(view)
    }

    /// `[`: the current sort the other way round.
    mutating func reverseSort() {
        let view = current.page.view
        guard !view.sortColumns.isEmpty else { message = "this page has no columns to sort by"; return }
        guard var order = sorts[view.kind] else {
            message = "in the page's own order; " + Keymap.hint(.nextSortColumn, in: view.scope, "sorts by a column"); return
        }
        order.descending.toggle()
        keepingSelection { $0.sorts[view.kind] = order }
        message = sortNote(view)
    }

    func sortNote(_ view: any PageView) -> String {
        guard let order = sorts[view.kind], view.sortColumns.indices.contains(order.column) else { return "in the page's own order" }
        let column = view.sortColumns[order.column]
        return "sorted by \(column.title), " + (order.descending ? "▼ " + column.words.1 : "▲ " + column.words.0) + "; "
            + Keymap.hint(.reverseSort, in: view.scope, "turns it round")
    }

    /// Changes the order, the same line selected after it.
    mutating func keepingSelection(_ change: (inout State) -> Void) {
        let item = selectedItem
        change(&self)
        guard let item else { return }
        var p = current
        if let i = pageItems().firstIndex(search: item.search, open: item.open, unfilteredHint: nil) { p.selected = i }
        current = p
    }
}
