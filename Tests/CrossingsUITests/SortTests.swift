import CrossingsCore
@testable import CrossingsUI
import Foundation
import Testing

/// `]` sorts a list page by its next column, `[` turns the sort round; only the order changes.
@Suite struct SortTests {
    let size = Size(width: 80, height: 24)

    func ranks(_ s: State) -> [RankRow] { s.pageItems().compactMap { if case .rank(let r) = $0.content { r } else { nil } } }

    @Test func rankingByCountryKeepsEachRankAndNumber() throws {
        let start = try Countries.run(["4"], size: size)
        let byValue = ranks(start)
        #expect(byValue.count > 3)
        let s = press(["]"], on: start).state
        #expect(s.sorts[.ranking] == SortOrder(column: 0, descending: false))
        let byName = ranks(s)
        #expect(byName.map(\.name) == byValue.map(\.name).sorted { $0.lowercased() < $1.lowercased() } || byName.last?.figure == nil)
        // Same rows, same ranks and values: only the order differs.
        #expect(Set(byName) == Set(byValue))
        #expect(render(s, size).text.contains("Country▲"))
        // `[` turns it round; the header says so.
        let reversed = press(["["], on: s).state
        #expect(render(reversed, size).text.contains("Country▼"))
        #expect(ranks(reversed).filter { $0.figure != nil }.map(\.name) == byName.filter { $0.figure != nil }.map(\.name).reversed()
                || ranks(reversed).count == byName.count)
        // Round all the columns and back to the page's own order.
        let columns = RankingView().sortColumns.count
        let back = press(Array(repeating: "]", count: columns + 1), on: start).state
        #expect(back.sorts[.ranking] == nil)
        #expect(ranks(back) == byValue)
        // The periods moved to < and >.
        let earlier = press(["<"], on: start).state
        #expect(earlier.library.rankingPeriod(earlier.ranking) == start.library.rankingPeriod(start.ranking)?.shifted(by: -1))
    }

    @Test func gapsStayLastAndTheSelectionFollowsItsLine() throws {
        let start = try Countries.run(["4", "Down"], size: size)
        let selected = try #require(start.selectedItem?.search)
        let s = press(["]", "]", "]"], on: start).state   // by value, largest first
        #expect(s.selectedItem?.search == selected)
        let rows = ranks(press(["["], on: s).state)   // smallest first: the gaps still last
        if let firstGap = rows.firstIndex(where: { $0.figure == nil }) {
            #expect(rows[firstGap...].allSatisfy { $0.figure == nil })
        }
        let values = rows.compactMap { $0.figure?.value.value }
        #expect(values == values.sorted())
    }

    @Test func breakdownSortsWithinEachSectionTheTotalStays() throws {
        let s = try run(["k", "k", "Enter", "]", "["], size: size)   // 2024-Q3, by value smallest first
        let items = s.pageItems()
        guard case .category(let first) = items[0].content else { Issue.record("the total is not first"); return }
        #expect(first.key.measure == .total)
        var sections: [[Int]] = [[]]
        for item in items {
            switch item.content {
            case .category(let r) where r.key.measure != .total: sections[sections.count - 1].append(r.figure?.value.value ?? Int.max)
            case .heading: sections.append([])
            default: break
            }
        }
        for values in sections { #expect(values == values.sorted()) }
        #expect(render(s, size).text.contains("Value▲"))
    }

    @Test func exportFollowsTheOrderShown() throws {
        let s = try Countries.run(["4", "]"], size: size)
        let t = try #require(update(s, .export).effects.first.flatMap { if case .export(let t) = $0 { t } else { nil } })
        #expect(t.rows.map { $0[2] } == ranks(s).map(\.name))
        // Each row keeps its rank by value.
        #expect(t.rows.map { $0[0] } == ranks(s).map { $0.rank.map(String.init) ?? "" })
    }

    @Test func pagesWithoutColumnsSaySo() throws {
        let s = try run(["]"], size: size)
        #expect(s.sorts.isEmpty)
        #expect(s.message.contains("does nothing here"))
    }

    @Test("sorted screens at 80x24", arguments: [("sort-ranking-by-country", ["4", "]"]), ("sort-sources-by-figures", ["3", "]", "]"]),
                                                   ("sort-timeline-latest-first", ["2", "g", "]"]), ("sort-breakdown-by-value", ["k", "k", "Enter", "]"])])
    func screens(_ name: String, _ words: [String]) throws {
        let state = name.hasPrefix("sort-ranking") ? try Countries.run(words, size: size) : try run(words, size: size)
        assertSnapshot(render(state, size).text, named: "\(name)-80x24")
    }
}

@Suite("Sort end to end under tmux", .timeLimit(.minutes(1)), .enabled(if: EndToEnd.tmux != nil, "tmux is not installed"),
       .enabled(if: EndToEnd.binary != nil, "the crossings executable is not built (swift build first)"))
struct SortEndToEndTests {
    @Test("] sorts the ranking by country, [ turns it round, the header shows it, < steps the period")
    func sortRanking() throws {
        try TmuxSession.scenario { t in
            try t.press("4", until: "Entries")
            try t.press("]", until: "Country▲", "sorted by Country")
            try t.press("[", until: "Country▼")
            try t.press("<", until: "entries into Russia 2023")
        }
    }
}
