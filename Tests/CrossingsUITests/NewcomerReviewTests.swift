import CrossingsCore
@testable import CrossingsUI
import Testing

/// Found by the newcomer review of issue 14 (explorer behaviour): a quarter's events reachable at
/// 80×24, Esc after a filter that found nothing, a category named on a page without categories, a
/// series and the filter menu's category, `p` with a category chosen, a ranking of gaps.
@Suite struct NewcomerReviewTests {
    let size = Size(width: 80, height: 24)

    /// The keys that choose a category in the filter menu: `m`, down to Category, `→` `n` times, Esc.
    static func category(_ n: Int) -> [String] { ["m"] + Array(repeating: "j", count: 6) + Array(repeating: "Right", count: n) + ["Esc"] }

    static func events(_ s: State) -> [Event] {
        s.pageItems().compactMap { if case .event(let e) = $0.content { e } else { nil } }
    }

    // MARK: 1. A period's events

    /// Enter on 2025-Q1 (three events, `◆` on the chart): its breakdown ends with them, in timeline
    /// order; Enter opens one, `c` its sources' dates (the Event page), `y` copies it as the Timeline does.
    @Test func aBreakdownEndsWithItsPeriodsEvents() throws {
        let start = try run([], size: size)
        let period = try #require(start.countsPeriod)
        #expect(period.description == "2025-Q1")
        #expect(render(start, size).text.contains("◆ 3 events (↵ lists them): FSB border data"))
        let breakdown = try run(["Enter", "G"], size: size)
        let expected = breakdown.library.events(in: period, facets: Facets())
        #expect(expected.count == 3)
        #expect(Self.events(breakdown).map(\.id) == expected.map(\.id))
        // The last line of the page is the last event, selected by G.
        guard case .event(let last)? = breakdown.selectedItem?.content else { Issue.record("G did not select an event"); return }
        #expect(last.id == expected.last?.id)
        assertSnapshot(render(breakdown, size).text, named: "breakdown-events-2025-q1-80x24")
        #expect(press(["Enter"], on: breakdown).state.current.page == .event(last.id))
        #expect(press(["c"], on: breakdown).state.current.page == .event(last.id))
        let copied = copiedLines(press(["y"], on: breakdown).effects)
        #expect(copied == [Citation.shownLine(last, breakdown.library.data)])
        // The lines are not numbers: the export is the figures alone, as before.
        let table = try #require(update(breakdown, .export).effects.first.flatMap { if case .export(let t) = $0 { t } else { nil } })
        #expect(!table.csv.contains(last.summary.prefix(30)))
    }

    /// A period without events has no Events section (2024-Q3: none dated wholly inside it).
    @Test func aPeriodWithoutEventsHasNoSection() throws {
        let s = try run(["k", "k", "Enter"], size: size)
        #expect(s.library.events(in: .quarter(2024, 3), facets: Facets()).isEmpty)
        #expect(Self.events(s).isEmpty)
        #expect(!s.pageItems().contains { if case .heading(let h) = $0.content { h.hasPrefix("Events") } else { false } })
    }

    /// `2` from Counts selects the first event of the selected period; from a period without events
    /// the Timeline is as it was left; from a breakdown, its period's first event.
    @Test func timelineFromCountsSelectsThePeriodsFirstEvent() throws {
        let s = try run(["2"], size: size)
        #expect(s.view == .timeline)
        let first = try #require(s.library.events(in: .quarter(2025, 1), facets: Facets()).first)
        guard case .event(let e)? = s.selectedItem?.content else { Issue.record("no event selected"); return }
        #expect(e.id == first.id)
        #expect(s.message == "◆ 2025-Q1: the first of its 3 events")
        // 2010-Q1 holds no event: the Timeline's own selection (its top) stays.
        let none = try run(["g", "2"], size: size)
        #expect(none.current.selected == 0)
        #expect(none.message.isEmpty)
        // From the 2024 breakdown: the first event of 2024.
        let year = try run(["t", "t", "Enter", "2"], size: size)
        let first2024 = try #require(year.library.events(in: .year(2024), facets: Facets()).first)
        guard case .event(let y)? = year.selectedItem?.content else { Issue.record("no event selected"); return }
        #expect(y.id == first2024.id)
        // A Timeline filter that hides the event is cleared, and the status line says so.
        let filtered = try run(["2", "/", "zzz", "Enter", "1", "2"], size: size)
        guard case .event(let f)? = filtered.selectedItem?.content else { Issue.record("no event selected"); return }
        #expect(f.id == first.id)
        #expect(filtered.current.filter.isEmpty)
        #expect(filtered.message.contains("filter /zzz cleared"))
    }

    // MARK: 2. Filters that find nothing

    /// Esc after `/study` (nothing on Counts) goes back to 2025-Q1, not to 2010-Q1; the same after Enter.
    @Test func escAfterANoMatchFilterRestoresTheSelection() throws {
        #expect(try run(["/", "study", "Esc"], size: size).countsPeriod?.description == "2025-Q1")
        #expect(try run(["/", "study", "Enter", "Esc"], size: size).countsPeriod?.description == "2025-Q1")
        #expect(try run(["k", "k", "/", "zzz", "BSpace", "BSpace", "BSpace", "Esc"], size: size).countsPeriod?.description == "2024-Q3")
        #expect(try run(["k", "k", "/", "zzz", "Esc"], size: size).countsPeriod?.description == "2024-Q3")
        // A filter that matched keeps what it selected (as before).
        #expect(try run(["/", "2019-Q2", "Esc"], size: size).countsPeriod?.description == "2019-Q2")
    }

    /// The text names a category on a page that lists none: the note says how to get to it, with the registry's keys.
    @Test func aCategoryNamedWhereNoneIsListed() throws {
        let counts = try run(["/", "study"], size: size)
        #expect(FilterPrompt.noMatchNote(counts)
                == "no line matches “study” here; Esc clears the filter. study is a category: ↵ on a period lists it, m picks it for every period")
        assertSnapshot(render(counts, size).text, named: "filter-category-hint-80x24")
        // By label or id, any case, and measure/id.
        for text in ["private visit", "PRIVATE", "purpose/private"] {
            #expect(FilterPrompt.noMatchNote(try run(["/"] + typed(text), size: size)).contains("private visit is a category"), "\(text)")
        }
        let ranking = try run(["4", "/", "rail"], size: size)
        #expect(FilterPrompt.noMatchNote(ranking).hasSuffix("rail is a category: 1 Counts, then ↵ on a period lists it, m picks it for every period"))
        // Not a category: the plain note.
        #expect(FilterPrompt.noMatchNote(try run(["/", "zzz"], size: size)) == "no line matches “zzz”; Esc clears the filter")
    }

    // MARK: 3. A series and the filter menu's category

    /// `m` → Category official on the study series makes it the official series: the crumbs name
    /// official alone and every value is official's for that period.
    @Test func aSeriesFollowsTheCategoryChosen() throws {
        let official = try run(["t", "t", "Enter", "/", "st", "Enter", "t"] + Self.category(1), size: size)
        #expect(official.current.page.kind == .series)
        #expect(official.current.page.figure?.category == "official")
        #expect(crumbs(official).joined(separator: " › ") == "KP-RU › 2024 › purpose › official › by year")
        // Business (with figures): every value is business's, as the breakdown of that year shows it.
        let series = try run(["t", "t", "Enter", "/", "st", "Enter", "t"] + Self.category(2), size: size)
        let key = try #require(series.current.page.figure)
        #expect(key.measure == .purpose && key.category == "business")
        #expect(crumbs(series).joined(separator: " › ") == "KP-RU › 2024 › purpose › business › by year")
        let rows = series.pageItems().compactMap(\.countRow)
        #expect(rows.contains { $0.figure != nil })
        for row in rows {
            #expect(row.figure == series.library.figure(key.with(period: row.period), facets: series.facets), "\(row.period)")
        }
        assertSnapshot(render(series, size).text, named: "series-follows-category-80x24")
        // Back on the breakdown, Counts names the category it shows.
        let back = press(["BSpace"], on: series).state
        #expect(crumbs(back).joined(separator: " › ") == "KP-RU › purpose › business › 2024")
    }

    /// The other way: `t` on a row while another category is chosen chooses the row's, or clears the
    /// choice for a row the menu does not offer (the total); the status line says so.
    @Test func openingASeriesChoosesItsCategory() throws {
        // study (5th), years, 2024, the business row.
        let business = try run(Self.category(5) + ["t", "t", "Enter", "j", "j", "t"], size: size)
        #expect(business.current.page.figure?.category == "business")
        #expect(business.facets.category == "purpose/business")
        #expect(business.message == "category filter set to purpose/business, this series' category (was purpose/study)")
        #expect(crumbs(business).joined(separator: " › ") == "KP-RU › 2024 › purpose › business › by year")
        let total = try run(Self.category(5) + ["t", "t", "Enter", "t"], size: size)
        #expect(total.current.page.figure?.measure == .total)
        #expect(total.facets.category == nil)
        #expect(total.message == "category filter purpose/study cleared: this series is of the total")
    }

    // MARK: 4. p with a category chosen

    /// From a tourism event with study chosen: RU-KP has no study figures, so its total, saying so;
    /// from a study event, KP-RU keeps study (it has figures for it).
    @Test func countsOfAnEventKeepTheCategoryOnlyWhereTheFlowHasIt() throws {
        let tour = try run(Self.category(5) + ChartTests.timelineKeys(to: "first-russian-tour-group-2024") + ["p"], size: size)
        #expect(tour.flow.description == "RU-KP")
        #expect(tour.facets.category == nil)
        #expect(tour.message == "counts of RU-KP, the flow this event concerns; category filter purpose/study cleared: RU-KP has no figures for it")
        #expect(tour.selectedItem?.countRow?.figure?.value.value == 870)
        assertSnapshot(render(tour, size).text, named: "event-counts-clears-category-80x24")
        let study = try run(Self.category(5) + ChartTests.timelineKeys(to: "kp-study-entries-surge") + ["p"], size: size)
        #expect(study.flow.description == "KP-RU")
        #expect(study.facets.category == "purpose/study")
        #expect(study.message == "counts of KP-RU, the flow this event concerns")
        #expect(study.pageItems().contains { $0.countRow?.figure != nil })
    }

    // MARK: 5. A ranking of gaps

    /// Entries in 2025: KP-RU has 2025-Q1 only, no figure for the year. Its row is a gap, and the
    /// count says the one country listed has no figure (it said `0 countries` over the row).
    @Test func aRankingCountsItsGapsAsListedNotAsZero() throws {
        let s = try run(["4", ">"], size: size)
        #expect(s.library.rankingPeriod(s.ranking)?.description == "2025")
        let rows = s.library.ranking(period: .year(2025), direction: .entries)
        #expect(rows.count == 1 && rows[0].figure == nil && rows[0].rank == nil)
        let text = render(s, size).text
        #expect(text.contains("XX-RU entries 2025 · 0 of 1 country with a figure"))
        assertSnapshot(text, named: "ranking-2025-gaps-80x24")
        #expect(try render(run(["4"], size: size), size).text.contains("XX-RU entries 2024 · 1 country ·"))
        #expect(try render(run(["4", "x"], size: size), size).text.contains("RU-XX trips 2024 · 1 of 5 countries with a figure"))
    }
}

@Suite("Newcomer review end to end under tmux", .timeLimit(.minutes(1)), .enabled(if: EndToEnd.tmux != nil, "tmux is not installed"),
       .enabled(if: EndToEnd.binary != nil, "the crossings executable is not built (swift build first)"))
struct NewcomerReviewEndToEndTests {
    @Test("Enter lists a quarter's events, 2 selects the first; /study says it is a category and Esc goes back; the 2025 ranking counts its gap")
    func eventsFilterAndRanking() throws {
        let t = try TmuxSession(width: 80, height: 24)
        t.wait(for: "2025-Q1          295")
        t.wait(for: "◆ 3 events (↵ lists them): FSB border data")
        try t.keys("Enter", "G")
        t.wait(for: "Events in 2025-Q1 (Enter: the event and its sources)")
        t.wait(for: "›early February 2025")
        try t.keys("Escape")
        t.wait(for: "KP-RU by quarter")
        try t.keys("2")
        t.wait(for: "◆ 2025-Q1: the first of its 3 events")
        t.wait(for: "›2025-Q1                data,education")
        try t.keys("1", "/", "study")
        t.wait(for: "study is a category: ↵ on")
        t.wait(for: "a period lists it, m picks it for every period")
        try t.keys("Escape")
        t.wait(for: "›2025-Q1          295")
        try t.keys("4", ">")
        t.wait(for: "XX-RU entries 2025 · 0 of 1 country with a figure")
        try t.keys("q")
        t.expectRestored(exit: 0)
    }

    @Test("m on a series makes it the chosen category's series; p from a tourism event with study chosen shows RU-KP's total, saying so")
    func seriesAndCategory() throws {
        let t = try TmuxSession(width: 80, height: 24)
        t.wait(for: "2025-Q1          295")
        try t.keys("t", "t", "Enter")
        t.wait(for: "KP-RU › 2024")
        try t.keys("/", "st", "Enter", "t")
        t.wait(for: "KP-RU › 2024 › purpose › study › by year")
        try t.keys("m", "j", "j", "j", "j", "j", "j", "Right", "Right", "Escape")
        t.wait(for: "KP-RU › 2024 › purpose › business › by year")
        t.wait(for: "›2024           3,098     3")
        // Study chosen, then p from the first Russian tour group (a tourism event: RU-KP).
        try t.keys("m", "Right", "Right", "Right", "Escape")
        t.wait(for: "KP-RU › 2024 › purpose › study › by year")
        let steps = try ChartTests.timelineKeys(to: "first-russian-tour-group-2024").filter { $0 == "j" }.count
        try t.keys("2", "g")
        t.wait(for: "›2017")
        for _ in 0..<steps { try t.keys("j") }
        t.wait(for: "›9 February 2024")
        try t.keys("p")
        t.wait(for: "category filter purpose/study")
        t.wait(for: "cleared: RU-KP has no figures for it")
        t.wait(for: "›2024-Q1          870")
        t.wait(for: "RU-KP by quarter · no filters")
        try t.keys("q")
        t.expectRestored(exit: 0)
    }
}
