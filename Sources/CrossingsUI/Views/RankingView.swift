import CrossingsCore

extension PageKind { static let ranking = PageKind("ranking") }
extension Scope { public static let ranking = Scope("Ranking") }
extension Page {
    /// Every country for one period, most crossings first.
    public static let ranking = Page(.ranking)
}

/// Ranking: every country for one period (the ranking question's), most crossings first.
struct RankingView: PageView {
    var kind: PageKind { .ranking }
    var scope: Scope { .ranking }
    var hasColumnHeader: Bool { true }
    var hasPreview: Bool { true }

    /// With the filter menu's category or measure on (the ranking ranks totals), it says so.
    func crumbs(_ page: Page, after previous: Page?, in s: State) -> [String] {
        ["ranking", (s.ranking.direction == .exits ? "trips from Russia " : "entries into Russia ") + (s.library.rankingPeriod(s.ranking)?.description ?? "")]
            + (s.facets.totalsNote.map { [$0] } ?? [])
    }

    func header(_ s: State, width w: Int) -> String? {
        let c = RankColumns(width: w)
        let period = s.library.rankingPeriod(s.ranking)
        var change = period.map { "on \($0.yearEarlier)" } ?? "change"
        if cells(change) > c.change { change = "Y/Y" }
        return pad("#", c.rank, right: true) + " " + pad(c.code < 5 ? "" : "Code", c.code) + pad("Country", c.name)
            + pad(s.ranking.direction == .exits ? "Trips" : "Entries", c.value, right: true) + "  " + pad(change, c.change, right: true)
    }

    func items(_ page: Page, _ c: PageContext, _ library: Library) -> Items {
        Items(library.rankingItems(c.ranking, granularity: c.granularity, facets: c.facets))
    }

    /// The ranking question, besides the facets.
    func itemsKey(_ c: PageContext) -> PageContext {
        var key = c.facetsOnly
        key.ranking = c.ranking
        return key
    }

    /// Country, code, value, change; the `#` stays each country's rank by value.
    var sortColumns: [SortColumn] {
        func row(_ i: Item) -> RankRow? { if case .rank(let r) = i.content { r } else { nil } }
        return [
            .text("Country") { row($0)?.name },
            .text("Code") { row($0)?.code },
            SortColumn.number("value") { row($0)?.figure.map { Double($0.value.value) } }
                .header { s in [s.ranking.direction == .exits ? "Trips" : "Entries"] },
            SortColumn.number("change") { row($0)?.change?.percent }
                .header { s in [s.library.rankingPeriod(s.ranking).map { "on \($0.yearEarlier)" } ?? "change", "Y/Y"] },
        ]
    }

    func sortable(_ item: Item) -> Bool { if case .rank = item.content { true } else { false } }

    /// Every country listed, with its rank by value.
    var exports: Bool { true }
    func export(_ page: Page, _ items: Items, _ s: State) -> ExportTable? {
        guard let period = s.library.rankingPeriod(s.ranking) else { return nil }
        let rows: [RankRow] = items.compactMap { if case .rank(let r) = $0.content { r } else { nil } }
        return Export.ranking(rows, period: period, direction: s.ranking.direction, s.library.data)
    }

    func perform(_ action: Action, on s: inout State) -> Bool {
        switch action {
        case .previousPeriod: s.shiftRanking(by: -1)
        case .nextPeriod: s.shiftRanking(by: 1)
        case .rankingDirection:
            let period = s.library.rankingPeriod(s.ranking)
            s.ranking.direction = s.ranking.direction.reversed
            s.ranking.period = period
            s.resetRankingSelection()
            s.message = s.ranking.direction.phrase
        default: return false
        }
        return true
    }
}

/// Columns of the ranking; narrower numbers and codes on small screens.
struct RankColumns {
    var rank: Int
    var code: Int
    var name: Int
    var value: Int
    var change: Int
    var bar: Int
    init(width: Int) {
        let narrow = width < 60
        rank = narrow ? 3 : 4
        code = narrow ? 3 : 5
        value = narrow ? 9 : 11
        change = narrow ? 8 : 10
        let fixed = rank + 1 + code + value + 2 + change
        name = max(6, min(28, width - fixed - (narrow ? 0 : 8)))
        let free = width - fixed - name
        bar = free >= 6 ? free - 2 : 0
    }
}

/// `   1 CN   China                  1,234,567*    +12.3%  ████`
func rankLine(_ row: RankRow, width: Int, scale: Int) -> [Span] {
    let c = RankColumns(width: width)
    var spans = [Span(pad(row.rank.map(String.init) ?? "", c.rank, right: true) + " ", .dim), Span(pad(row.code, c.code), .header),
                 // A blank always between the name and the value, even when the name fills its column
                 // (`Kazakhstan4,324,856*` read as one word at 38 columns).
                 Span(pad(row.name, c.name - 1) + " ")]
    guard let f = row.figure else { return spans }
    spans.append(Span(number(f.value.compactDisplay, c.value), f.isDerived ? .derived : .normal))
    spans.append(Span(f.slotMark, .derived))
    spans.append(Span(f.agrees ? " " : "!", .warning))
    let change = row.change?.display ?? (row.noChange != nil ? "n/a" : "")
    let falling = row.change.map { $0.difference < 0 } ?? false
    spans.append(Span(number(change, c.change), falling ? .warning : .dim))
    if c.bar > 0 { spans.append(Span("  " + bar(f.value.value, scale: scale, width: c.bar), f.isDerived ? .derivedBar : .bar)) }
    return spans
}

extension Library {
    /// The period a ranking question means: its own, or the latest year with data.
    func rankingPeriod(_ q: RankingQuestion) -> Period? {
        q.period ?? latestYear(q.direction)
    }

    func rankingItems(_ q: RankingQuestion, granularity: Period.Granularity, facets: Facets) -> [Item] {
        guard let period = rankingPeriod(q) else {
            return [Item(.paragraph("No country has a figure in this data package."), selectable: false)]
        }
        let rows = ranking(period: period, direction: q.direction, facets: facets)
        return rows.map { row in
            let key = FigureKey(flow: row.flow, period: period, measure: .total)
            return Item(.rank(row), search: "\(row.code) \(row.name) \(row.flow) \(row.figure?.display ?? "")",
                        open: .counts, cite: row.figure == nil ? nil : key,
                        copyFigure: row.figure)
        }
    }
}

extension State {
    mutating func shiftRanking(by steps: Int) {
        guard let period = library.rankingPeriod(ranking) else { return }
        let next = period.shifted(by: steps)
        // The filter menu's years hold the ranking (issue 14): `[` `]` stop at their ends.
        guard facets.admits(next) else {
            // The years are on the status line beside it (`to 2022`).
            message = "no \(steps < 0 ? "earlier" : "later") period within these years"
            messageInFull = true  // whole above the status line when the line is full (`no later …`)
            return
        }
        guard let span = library.quarterSpan(ranking.direction),
              next.lastQuarter >= span.lowerBound, next.firstQuarter <= span.upperBound else {
            message = steps < 0 ? "no earlier period with data" : "no later period with data"
            messageInFull = true
            return
        }
        ranking.period = next
        resetRankingSelection()
    }

    /// The filter menu's years hold the ranking (issue 14): a ranking period outside them moves to the
    /// nearest period of the same length within them (a year before them: their first; after: their last).
    mutating func keepRankingWithinYears() {
        guard let period = library.rankingPeriod(ranking), !facets.admits(period) else { return }
        let end: Period
        if let from = facets.fromYear, period.lastQuarter.year < from {
            end = .quarter(from, 1)
        } else if let to = facets.toYear, period.firstQuarter.year > to {
            end = .quarter(to, 4)
        } else {
            return
        }
        ranking.period = end.converted(to: period.granularity)
        resetRankingSelection()
    }

    /// A new ranking starts at the top (the first page of the ranking view).
    mutating func resetRankingSelection() {
        var root = PageState(.ranking)
        root.filter = stacks[.ranking]?.first?.filter ?? ""
        stacks[.ranking] = [root]
    }

    /// Enter on a ranked country: its Counts, at the ranking's period.
    mutating func openRanked(_ row: RankRow) {
        let period = library.rankingPeriod(ranking)
        flow = row.flow
        if compare == flow { compare = nil }
        if let period { granularity = period.granularity == .range ? granularity : period.granularity }
        view = .counts
        selectCounts(period)
        message = "\(flow): \(library.data.describe(flow))"
    }

}

/// How many countries the ranking lists, and how many of them have a figure: a country listed with
/// a blank value is a gap, so `0 countries` over a listed KP row (entries, 2025: only 2025-Q1 has a
/// figure) read as a zero. `1 country`, `1 of 5 countries with a figure`, `0 of 1 country with a figure`.
func rankedCount(_ rows: [RankRow]) -> String {
    let n = rows.count { $0.figure != nil }
    if n == rows.count { return "\(formatCount(n)) \(n == 1 ? "country" : "countries")" }
    return "\(formatCount(n)) of \(formatCount(rows.count)) \(rows.count == 1 ? "country" : "countries") with a figure"
}
