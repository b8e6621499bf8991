@testable import CrossingsUI
import CrossingsCore
import Testing

private let screen = Size(width: 80, height: 24)

/// Issue 14: a series for any category (`t` on a breakdown row), and `/` finding categories on every page.
@Suite("Series")
struct SeriesTests {
    /// The goal the issue names, as docs/explorer.md writes it: Counts by year, the latest year's
    /// breakdown, the study row, its series; Enter on a year opens who says so.
    static let goalKeys = ["t", "t", "Enter", "/", "st", "Enter", "t"]

    @Test("each row is the value the breakdown shows for that period and category, at every granularity")
    func sameAsBreakdown() throws {
        let library = State(data: try Fixture.dataset(), size: screen).library
        for flow in library.flows.prefix(2) {
            for granularity in [Period.Granularity.quarter, .half, .year] {
                let periods = library.periods(flow: flow, granularity: granularity)
                for measure in [Measure.purpose, .transport] {
                    var series: [String: [Period: ShownFigure?]] = [:]
                    for category in library.data.categories(of: measure) + [notStatedCategory] {
                        let key = FigureKey(flow: flow, period: .year(2024), measure: measure, category: category)
                        let rows = library.seriesItems(key, granularity: granularity, facets: Facets()).compactMap(\.countRow)
                        #expect(rows.map(\.period) == periods, "\(key) by \(granularity)")
                        series[category] = Dictionary(uniqueKeysWithValues: rows.map { ($0.period, $0.figure) })
                    }
                    for period in periods {
                        for row in library.breakdown(flow: flow, period: period, measure: measure, facets: Facets()) {
                            #expect(series[row.key.category]?[period] == .some(row.figure), "\(row.key)")
                        }
                    }
                }
            }
        }
    }

    @Test("the goal: study entries each year since 2010, and who says so, in under ten keys")
    func goal() throws {
        let words = Self.goalKeys + ["Enter"]
        #expect(keys(words).count < 10)
        let s = try run(Self.goalKeys, size: screen)
        let study = FigureKey(flow: s.flow, period: .year(2024), measure: .purpose, category: "study")
        #expect(s.current.page == .series(study))
        let rows = s.pageItems().compactMap(\.countRow)
        #expect(rows.first?.period == .year(2010))
        #expect(rows.map(\.period) == s.library.periods(flow: s.flow, granularity: .year))
        func value(_ year: Int) -> String? { rows.first { $0.period == .year(year) }?.figure?.display }
        #expect(value(2012) == "6,636")
        #expect(value(2019) == "~3,200")
        #expect(value(2024) == "7,887")
        #expect(value(2013) == nil)
        // Each value is the breakdown's for that year.
        for row in rows { #expect(row.figure == s.library.figure(study.with(period: row.period))) }
        // The screen shows them with their sources, gaps blank in the list and `·` in the chart.
        let text = render(s, screen).text
        #expect(text.contains("2024           7,887     6"))
        #expect(text.contains("2012           6,636     3"))
        // Who says so: Enter on the selected year (the ninth key), and `c` on every year with a figure.
        let cited = press(["Enter"], on: s).state
        #expect(cited.current.page == .citations(study))
        #expect(render(cited, screen).text.contains("6 sources print a value for it"))
        for (i, row) in rows.enumerated() where row.figure != nil {
            var at = s
            at.select(i)
            let c = press(["c"], on: at).state
            #expect(c.current.page == .citations(study.with(period: row.period)))
            #expect(c.pageItems().contains { $0.search.contains("study") })
        }
    }

    @Test("t on the series cuts it again, keeping the period; Counts below keeps it too")
    func cycles() throws {
        let s = try run(["k", "k", "Enter", "j", "j", "j", "j", "j", "t"], size: screen)
        #expect(s.current.page.kind == .series)
        #expect(s.selectedItem?.countRow?.period == .quarter(2024, 3))
        let halves = press(["t"], on: s).state
        #expect(halves.current.page == s.current.page && halves.granularity == .half)
        #expect(halves.selectedItem?.countRow?.period == .half(2024, 2))
        let years = press(["t"], on: halves).state
        #expect(years.selectedItem?.countRow?.period == .year(2024))
        #expect(years.stack.count == s.stack.count)
        let counts = press(["Esc", "Esc"], on: years).state
        #expect(counts.current.page == .counts && counts.countsPeriod == .year(2024))
    }

    @Test("y copies a period's value with its citation; c on a gap says there is no number")
    func copyAndGap() throws {
        let (s, effects) = try session(["k", "k", "Enter", "j", "j", "j", "j", "j", "t", "y"], size: screen)
        let line = try #require(copiedLines(effects).first)
        #expect(line.contains("3,765") && line.contains("study"), "\(line)")
        var gap = s
        let i = try #require(s.pageItems().firstIndex { $0.countRow?.period == .quarter(2023, 4) })
        gap.select(i)
        let after = press(["c"], on: gap).state
        #expect(after.current.page == s.current.page && after.message == "no number on this line")
    }

    @Test("t on the breakdown's Total row gives the total's series: Counts' values")
    func totalSeries() throws {
        let s = try run(["k", "k", "Enter", "t"], size: screen)
        #expect(s.current.page == .series(FigureKey(flow: s.flow, period: .quarter(2024, 3), measure: .total)))
        let counts = try run([], size: screen)
        #expect(s.pageItems().compactMap(\.countRow) == counts.pageItems().compactMap(\.countRow))
    }

    @Test("/study finds study rows on the breakdown")
    func filterBreakdown() throws {
        let s = try run(["t", "t", "Enter", "/", "study"], size: screen)
        let rows = s.pageItems().compactMap { if case .category(let r) = $0.content { r } else { nil } }
        #expect(rows.map(\.key.category) == ["study"])
        let label = try run(["t", "t", "Enter", "/", "vehicle"], size: screen).pageItems()
        #expect(label.count == 1)
    }

    @Test("/study keeps every row of the study series; a period narrows it")
    func filterSeries() throws {
        let s = try run(["t", "t", "Enter", "/", "st", "Enter", "t", "/", "study"], size: screen)
        #expect(s.current.page.kind == .series)
        #expect(s.pageItems().count == s.items(s.current.page).count)
        let narrowed = press(["Esc", "/", "2024"], on: s).state
        #expect(narrowed.pageItems().compactMap(\.countRow?.period) == [.year(2024)])
    }

    @Test("/study and a category's label find its lines on a citations page")
    func filterCitations() throws {
        let s = try run(["t", "t", "Enter", "/", "st", "Enter", "t", "Enter", "/", "study"], size: screen)
        #expect(s.current.page.kind == .citations)
        let shown = s.pageItems()
        #expect(shown.count > 1 && shown.first?.search.hasPrefix("shown") == true)
        // A category's label finds its lines too (private visit is `private` in the data).
        let privateVisit = try run(["t", "t", "Enter", "/", "private", "Enter", "Enter", "/", "private", "Space", "visit"], size: screen)
        #expect(privateVisit.current.page == .citations(FigureKey(flow: s.flow, period: .year(2024), measure: .purpose, category: "private")))
        #expect(privateVisit.pageItems().count > 1)
    }
}

/// Issue 14: the filter menu's years also hold the ranking: its period stays within them.
@Suite("Ranking within the years")
struct RankingYearsTests {
    @Test("a to-year before the ranking's period moves it to the last period within; > stops there, < goes on")
    func toYear() throws {
        let s = try run(["4", "m", "j", "j", "Left", "Left", "Left", "Left", "Esc"], size: screen)
        let to = try #require(s.facets.toYear)
        let period = try #require(s.library.rankingPeriod(s.ranking))
        #expect(s.facets.admits(period))
        #expect(period == .year(to))
        let later = press([">"], on: s).state
        #expect(later.library.rankingPeriod(later.ranking) == period)
        #expect(later.message == "no later period within these years")
        let earlier = press(["<"], on: s).state
        #expect(earlier.library.rankingPeriod(earlier.ranking) == .year(to - 1))
        // By quarter, it stays within the years too.
        let quarters = press(["t", ">"], on: s).state
        let q = try #require(quarters.library.rankingPeriod(quarters.ranking))
        #expect(q.granularity == .quarter && q.lastQuarter.year == to)
    }

    @Test("a from-year after the ranking's period moves it to the first period within")
    func fromYear() throws {
        var s = try run(["4", "t"], size: screen)
        let before = try #require(s.library.rankingPeriod(s.ranking))
        s.facets.fromYear = before.lastQuarter.year + 1
        s.keepRankingWithinYears()
        #expect(s.library.rankingPeriod(s.ranking) == .quarter(before.lastQuarter.year + 1, 1))
        let earlier = press(["<"], on: s).state
        #expect(earlier.library.rankingPeriod(earlier.ranking) == .quarter(before.lastQuarter.year + 1, 1))
    }
}

/// Issue 14: the filter menu offers categories: Counts then shows that category instead of the total.
@Suite("Category facet")
struct CategoryFacetTests {
    static let studyKeys = ["m", "j", "j", "j", "j", "j", "j", "Right", "Right", "Right", "Right", "Right", "Esc", "t", "t"]

    @Test("m, Category, study: Counts by year is the study series, cited and copied as study")
    func studyCounts() throws {
        let (s, _) = try session(Self.studyKeys, size: screen)
        #expect(s.facets.category == "purpose/study")
        #expect(s.current.page == .counts && s.granularity == .year)
        let study = FigureKey(flow: s.flow, period: .year(2024), measure: .purpose, category: "study")
        let series = s.library.seriesItems(study, granularity: .year, facets: s.facets).compactMap(\.countRow)
        #expect(s.pageItems().compactMap(\.countRow) == series)
        #expect(s.selectedItem?.countRow?.period == .year(2024))
        #expect(s.selectedItem?.cite == study)
        let text = render(s, screen).text
        #expect(text.contains("KP-RU › purpose › study"))
        #expect(text.contains("2024           7,887     6"))
        #expect(text.contains("purpose/study"))
        let cited = press(["c"], on: s).state
        #expect(cited.current.page == .citations(study))
        let copied = copiedLines(press(["y"], on: s).effects)
        #expect(copied.first?.contains("study") == true)
        // /study keeps every row of it (as on a series), /2024 narrows it to the year.
        let filtered = press(["/", "study"], on: s).state
        #expect(filtered.pageItems().count == s.pageItems().count)
        // Enter still opens the period's breakdown; x in the menu gives the total back.
        #expect(press(["Enter"], on: s).state.current.page == .breakdown(s.flow, .year(2024)))
        let cleared = press(["m", "x", "Esc"], on: s).state
        #expect(cleared.facets.category == nil)
        #expect(cleared.pageItems().compactMap(\.countRow).first { $0.period == .year(2024) }?.figure?.display == "13,221")
    }

    @Test("the ranking, which ranks totals, says so when the category is on")
    func rankingSaysTotals() throws {
        let s = press(["4"], on: try run(Self.studyKeys, size: screen)).state
        #expect(s.current.page == .ranking)
        #expect(render(s, screen).text.contains("ranking › entries into Russia 2024 › totals, not purpose/study"))
        let plain = try run(["4"], size: screen)
        #expect(s.pageItems().compactMap { if case .rank(let r) = $0.content { r } else { nil } }
            == plain.pageItems().compactMap { if case .rank(let r) = $0.content { r } else { nil } })
    }

    @Test("every category of the menu is one a breakdown shows")
    func options() throws {
        let s = try run([], size: screen)
        let options = s.facetOptions(.category).dropFirst()
        #expect(options.contains("purpose/study") && options.contains("transport/rail"))
        let shown = Set([Measure.purpose, .transport].flatMap { m in
            s.library.breakdown(flow: s.flow, period: .year(2024), measure: m, facets: Facets()).map(\.key.measureLabel)
        })
        for o in options { #expect(shown.contains(o), "\(o)") }
    }
}
