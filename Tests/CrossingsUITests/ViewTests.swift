@testable import CrossingsUI
import CrossingsCore
import Testing

/// The rows of a screen as text.
private func rows(_ state: State, _ size: Size) -> [String] {
    render(state, size).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}

private let small = Size(width: 40, height: 12)

/// Each page kind as a component (issue 13): registered once, drawn on a small rectangle by its view.
@Suite("Views")
struct ViewTests {
    @Test("every page kind is registered once, and the scopes keep their order")
    func registry() {
        let kinds = Registry.all.map(\.kind)
        #expect(Set(kinds).count == kinds.count)
        // Today's scopes keep their order (the help and docs/keymap.md list them so); a new view's
        // scope comes after the pages', before the prompts and overlays.
        let names = Scope.allCases.map(\.rawValue)
        #expect(names.prefix(10) == ["Everywhere", "Counts", "Breakdown", "Citations", "Timeline", "Event", "Sources", "Source",
                                     "Check", "Ranking"])
        #expect(names.suffix(5) == ["Typing a filter", "Typing a sentence to check", "Country picker", "Filter menu", "Help"])
        #expect(names == ["Everywhere"] + Registry.all.map(\.scope.rawValue) + names.suffix(5))
        // `c` works on every page whose lines carry numbers, and only there.
        #expect(Keymap.keys(for: .cite, in: .counts) == [.char("c")] && Keymap.keys(for: .cite, in: .timeline).isEmpty)
        let key = FigureKey(flow: Flow(citizens: "KP", destination: "RU"), period: .year(2024), measure: .total)
        #expect(Page.breakdown(key.flow, key.period).view is BreakdownView)
        #expect(Page.citations(key).scope == .citations)
        #expect(Page.source("x").view.kind == .source)
        #expect(Page.check("a").subject == .text("a"))
        #expect(Page.counts == Page(.counts))
        #expect(Page.event("x") != Page.source("x"))
    }

    @Test("the layout follows what the view asks for: chart, column titles, preview pane")
    func layout() throws {
        let wide = Size(width: 120, height: 40)
        let counts = try run([], size: wide)
        let layout = Layout(counts, wide)
        #expect(layout.chartHeight > 0 && layout.headerRow != nil && layout.preview != nil)
        let event = try run(["2", "g", "j", "j", "j", "Enter"], size: wide)
        let eventLayout = Layout(event, wide)
        #expect(eventLayout.chartHeight == 0 && eventLayout.headerRow == nil && eventLayout.preview == nil)
        #expect(eventLayout.listTop == 2)
    }

    @Test("Counts at 40x12: the flow as its crumb, its columns, a derived value")
    func counts() throws {
        let s = try run([], size: small)
        #expect(s.current.page == .counts)
        let r = rows(s, small)
        #expect(r[1] == " KP-RU")
        #expect(r[3] == " Period         Value   Src Alt")
        // Src of a derived value: the sources behind its parts (9), not those of the reported values beside it.
        #expect(r.contains(" 2024-Q4        5,450*    9  +1  ██████"))
    }

    @Test("Breakdown at 40x12: its period as crumb, its columns, the total first")
    func breakdown() throws {
        let s = try run(["k", "k", "Enter"], size: small)
        #expect(s.current.page == .breakdown(Flow(citizens: "KP", destination: "RU"), .quarter(2024, 3)))
        let r = rows(s, small)
        #expect(r[1] == " KP-RU › 2024-Q3")
        #expect(r[2] == " Category        Value    Share")
        #expect(r[3] == "›Total           5,263")
        #expect(r[5] == " Purpose of travel")
    }

    @Test("Citations at 40x12: no column titles; the crumb says only what the breakdown did not")
    func citations() throws {
        let s = try run(["t", "t", "j", "Enter", "j", "j", "j", "j", "j", "Enter"], size: small)
        #expect(s.current.page.kind == .citations)
        #expect(crumbs(s) == ["KP-RU", "2024", "purpose", "study", "sources"])
        let r = rows(s, small)
        #expect(r[2] == " KP-RU 2024 purpose/study")
        #expect(r[6].hasPrefix("› Shown       7,887"))
    }

    @Test("Timeline and Event at 40x12")
    func timelineAndEvent() throws {
        let timeline = try run(["2", "g"], size: small)
        #expect(timeline.current.page == .timeline)
        #expect(rows(timeline, small)[2] == " Date         Event")
        let event = try run(["2", "g", "j", "j", "j", "Enter"], size: small)
        #expect(event.current.page == .event("ru-mfa-kp-workers-2020"))
        #expect(crumbs(event) == ["timeline", "ru-mfa-kp-workers-2020"])
        #expect(rows(event, small)[2] == " January 2020")
    }

    @Test("Sources and Source at 40x12")
    func sources() throws {
        let list = try run(["3"], size: small)
        #expect(list.current.page == .sources)
        let r = rows(list, small)
        // The count column has room for 66,675 (issue 14).
        #expect(r[2] == " Source                  Fig Ev  Outlet")
        #expect(r[3] == "›mediazona-2025-05-08      5  7  Media…")
        let one = try run(["3", "Enter"], size: small)
        #expect(one.current.page == .source("mediazona-2025-05-08"))
        #expect(rows(one, small)[3] == "› Id          mediazona-2025-05-08")
    }

    @Test("Check at 40x12: the sentence's verdicts")
    func check() throws {
        let s = try run(["v"] + typed("In 2024, 20,000 North Koreans entered Russia.") + ["Enter"], size: small)
        #expect(s.current.page == .check("In 2024, 20,000 North Koreans entered Russia."))
        let r = rows(s, small)
        #expect(r[1] == " KP-RU › check")
        #expect(r[2] == " Check")
        #expect(r[6] == "›CONTRADICTED  “20,000”  KP-RU 2024 to…")
    }

    @Test("Ranking at 40x12: its question in the crumb, its columns")
    func ranking() throws {
        let s = try run(["4"], size: small)
        #expect(s.current.page == .ranking)
        let r = rows(s, small)
        #expect(r[1].hasPrefix(" ranking › entries into Russia "))
        #expect(r[2].hasPrefix("   #    Country       Entries"))
    }

    @Test("a view's own actions: the page on screen takes them; sent from elsewhere they still work")
    func actions() throws {
        var s = try run([], size: small)
        #expect(!RankingView().perform(.nextFlow, on: &s))
        let flow = s.flow
        #expect(CountsView().perform(.nextFlow, on: &s))
        #expect(s.flow != flow)
        // `>` belongs to the ranking; sent straight from Counts it steps the ranking's period as before.
        let counts = try run([], size: small)
        let before = counts.library.rankingPeriod(counts.ranking)
        let after = advance(counts, .previousPeriod).state
        #expect(after.library.rankingPeriod(after.ranking) == before?.shifted(by: -1))
        #expect(after.current.page == .counts)
    }

    @Test("each view keys its items by what it depends on")
    func itemsKeys() throws {
        let s = try run([], size: small)
        var facets = Facets()
        facets.fromYear = 2020
        let context = PageContext(flow: s.flow, compare: s.flow.reversed, granularity: .year, facets: facets,
                                  ranking: RankingQuestion(period: .year(2023), direction: .exits))
        let counts = CountsView().itemsKey(context)
        #expect(counts.flow == s.flow && counts.compare == s.flow.reversed && counts.granularity == .year && counts.ranking == RankingQuestion())
        let ranking = RankingView().itemsKey(context)
        #expect(ranking.ranking == context.ranking && ranking.compare == nil && ranking.facets == facets)
        #expect(CitationsView().itemsKey(context).facets == Facets())
        #expect(SourceView().itemsKey(context) == context.facetsOnly)
        #expect(CheckView().itemsKey(context).facets == Facets())
    }
}
