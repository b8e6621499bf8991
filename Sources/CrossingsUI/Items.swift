import CrossingsCore

/// A page's lines, as `Library.items` gives them, before or after the `/` filter.
///
/// Most pages are a short list built whole (`head`). A source's page also has a long run of lines,
/// one per figure the source gives — 675,000 on a large package — between its head (the source's
/// fields) and its tail (the events it dates). That run is kept as row numbers (`LazyRun`, 4 bytes
/// a line) and each line is made into an `Item` only when it is asked for: a screen at a time, when
/// it is drawn or selected. Opening such a page costs a pass and a sort over integers, no strings;
/// building it whole took 17 s and 1.3 GB (issue 11).
///
/// ```swift
/// let page = library.items(.source(id), flow: flow, granularity: .quarter, facets: Facets())
/// page.count          // every line, nothing made
/// page[page.count / 2] // that line alone is made (and kept while it is on screen)
/// ```
struct Items: RandomAccessCollection {
    private(set) var head: [Item]
    private(set) var run: LazyRun?
    private(set) var tail: [Item] = []
    /// After the `/` filter on a page with a run: the positions kept in each part.
    private var picks: (head: [Int32], run: [Int32], tail: [Int32])?

    init(_ items: [Item]) {
        head = items
    }

    init(head: [Item], run: LazyRun, tail: [Item]) {
        self.head = head
        self.run = run
        self.tail = tail
    }

    var startIndex: Int { 0 }
    var endIndex: Int {
        if let picks { return picks.head.count + picks.run.count + picks.tail.count }
        return head.count + (run?.count ?? 0) + tail.count
    }

    subscript(i: Int) -> Item {
        if let picks {
            if i < picks.head.count { return head[Int(picks.head[i])] }
            let r = i - picks.head.count
            if r < picks.run.count, let run { return run.item(Int(picks.run[r])) }
            return tail[Int(picks.tail[r - picks.run.count])]
        }
        if i < head.count { return head[i] }
        let r = i - head.count, n = run?.count ?? 0
        if r < n, let run { return run.item(r) }
        return tail[r - n]
    }

    /// How many lines can be selected (the status line's "of N"), without making the run's lines:
    /// each of them can.
    var selectableCount: Int {
        if picks != nil { return count }
        return head.count { $0.selectable } + (run?.count ?? 0) + tail.count { $0.selectable }
    }

    /// The lines `/` keeps: selectable ones whose text holds the filter (headings and blank lines go).
    /// The run's lines are matched by their text alone, made one at a time and let go (`LazyRun.matching`).
    func filtered(_ text: String) -> Items {
        guard !text.isEmpty else { return self }
        // The filter is lowercased once, not once per line: a pasted filter of thousands of characters
        // made each key cost the page's length times the filter's (the fuzzer's find).
        let needle = text.lowercased(), count = needle.count
        guard let run, picks == nil else { return Items(filter { $0.selectable && $0.matches(lowercased: needle, count: count) }) }
        func kept(_ items: [Item]) -> [Int32] {
            items.indices.filter { items[$0].selectable && items[$0].matches(lowercased: needle, count: count) }.map { Int32($0) }
        }
        var out = self
        out.picks = (kept(head), run.matching(text), kept(tail))
        return out
    }

    /// The first line with this text and target, as `firstIndex(where:)` finds it, without making
    /// the run's lines before it when `hint` (where the line was, unfiltered) is in the run:
    /// lines of the same text are neighbours there (sorted by key, which their text holds).
    func firstIndex(search: String, open: Page?, unfilteredHint hint: Int?) -> Int? {
        guard let run, picks == nil, let hint, hint >= head.count, hint < head.count + run.count else {
            return firstIndex { $0.search == search && $0.open == open }
        }
        if let i = head.firstIndex(where: { $0.search == search && $0.open == open }) { return i }
        var r = hint - head.count
        guard run.item(r).search == search, run.item(r).open == open else {
            return firstIndex { $0.search == search && $0.open == open }
        }
        while r > 0 && run.searchText(r - 1) == search && run.item(r - 1).open == open { r -= 1 }
        return head.count + r
    }

    /// Where line `i` of this (filtered) list is in the unfiltered page; nil past its ends.
    func unfilteredPosition(_ i: Int) -> Int? {
        guard indices.contains(i) else { return nil }
        guard let picks, let run else { return i }
        if i < picks.head.count { return Int(picks.head[i]) }
        let r = i - picks.head.count
        if r < picks.run.count { return head.count + Int(picks.run[r]) }
        return head.count + run.count + Int(picks.tail[r - picks.run.count])
    }

    /// Estimated bytes kept (`MemoryCost`): the lines built whole, the run's rows and what it memoises.
    var memoryCost: Int {
        MemoryCost.items(head) + MemoryCost.items(tail) + (run?.memoryCost ?? 0)
            + (picks.map { MemoryCost.array($0.head) + MemoryCost.array($0.run) + MemoryCost.array($0.tail) } ?? 0)
    }
}

/// A long run of a page's lines kept as row numbers, each made into an `Item` when asked for.
/// It remembers the lines made last (about a screen's worth, for the several looks a frame takes at
/// each) and the lines the last few `/` filters kept, as positions; nothing else.
final class LazyRun {
    /// One number per line (for a source page, the observation's row, in the page's order).
    let rows: [Int32]
    private let make: (Int32) -> Item
    private let text: (Int32) -> String
    private var made: [Int: Item] = [:]
    private var matches: [String: [Int32]] = [:]
    /// Lines remembered at most (a few screens); past it the memo starts again.
    static let memoLimit = 512
    /// Filters remembered at most: each is up to 4 bytes a line.
    static let filterLimit = 4
    /// How many `Item`s it has made in all (tests: opening a page does not build it whole).
    private(set) var itemsMade = 0
    /// How many lines' text the `/` filter has gone through in all.
    private(set) var linesSearched = 0

    /// `make` builds a row's line; `search` its text for `/` as `make` gives it to `Item`
    /// (before lower-casing), without building the rest.
    init(rows: [Int32], make: @escaping (Int32) -> Item, search: @escaping (Int32) -> String) {
        self.rows = rows
        self.make = make
        self.text = search
    }

    var count: Int { rows.count }

    /// Line `i` of the run.
    func item(_ i: Int) -> Item {
        if let m = made[i] { return m }
        if made.count >= LazyRun.memoLimit { made.removeAll(keepingCapacity: true) }
        let item = make(rows[i])
        itemsMade += 1
        made[i] = item
        return item
    }

    /// Line `i`'s text for `/`, lower-cased as `Item.search` is.
    func searchText(_ i: Int) -> String {
        made[i]?.search ?? text(rows[i]).lowercased()
    }

    /// The positions of the lines whose text holds `filter`, as `Item.matches` tests it. Every
    /// line's text is made and let go; only the positions kept. A longer filter holding one already
    /// worked out (typing on) goes only through the lines that one kept.
    func matching(_ filter: String) -> [Int32] {
        let needle = filter.lowercased()
        if let known = matches[needle] { return known }
        var from: [Int32]?
        for (previous, kept) in matches where !previous.isEmpty && needle.contains(previous) {
            if from == nil || kept.count < from!.count { from = kept }
        }
        var out: [Int32] = []
        let bytes = Array(needle.utf8)
        let ascii = LazyRun.isPlainASCII(bytes)
        func test(_ i: Int) {
            linesSearched += 1
            let found: Bool
            if ascii, let quick = LazyRun.asciiContains(text(rows[i]), lowercased: bytes) { found = quick }
            else { found = searchText(i).contains(needle) }
            if found { out.append(Int32(i)) }
        }
        if let from { for i in from { test(Int(i)) } } else { for i in 0..<rows.count { test(i) } }
        if matches.count >= LazyRun.filterLimit { matches.removeAll() }
        matches[needle] = out
        return out
    }

    /// ASCII without a carriage return: each byte is a `Character` (CR LF would make one of two).
    static func isPlainASCII<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        bytes.allSatisfy { $0 < 0x80 && $0 != 13 }
    }

    /// Whether `text`, lower-cased, holds `needle` (lower-cased plain ASCII), byte by byte; nil when
    /// `text` is not plain ASCII. The same answer as `text.lowercased().contains(needle)` there, at a
    /// fraction of its cost: `/` goes through every line of a 675,000-line page this way.
    static func asciiContains(_ text: String, lowercased needle: [UInt8]) -> Bool? {
        var text = text
        return text.withUTF8 { t -> Bool? in
            var plain = true
            for b in t where b >= 0x80 || b == 13 { plain = false; break }
            guard plain else { return nil }
            guard !needle.isEmpty else { return true }
            guard needle.count <= t.count else { return false }
            @inline(__always) func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b | 0x20 : b }
            let first = needle[0]
            var i = 0
            let last = t.count - needle.count
            while i <= last {
                if lower(t[i]) == first {
                    var k = 1
                    while k < needle.count && lower(t[i + k]) == needle[k] { k += 1 }
                    if k == needle.count { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// Estimated bytes kept: the rows, the lines made, the filters' positions.
    var memoryCost: Int {
        MemoryCost.array(rows) + MemoryCost.items(Array(made.values)) + made.count * 16
            + matches.reduce(0) { $0 + MemoryCost.string($1.key) + MemoryCost.array($1.value) }
    }
}
