import CrossingsCore
@testable import CrossingsUI
import Testing

/// Fixes from the hostile review of issue 14 (the explorer's part): numbers are what the header
/// names, one rule for Src, Alt and the marks side by side, events on a category's chart, and
/// counts that say what they count.
@Suite struct HostileReview14Tests {
    let size = Size(width: 80, height: 24)

    /// The filter menu's Measure row set to `measure` (any, purpose, transport, estimate: Right steps), then closed.
    func measureFacet(_ steps: Int, before: [String] = []) -> [String] {
        before + ["m", "j", "j", "j", "j", "j"] + Array(repeating: "Right", count: steps) + ["Esc"]
    }

    /// A measure facet alone does not make Counts a category's series: the header says these are totals.
    @Test func countsUnderAMeasureFacetSayItShowsTotals() throws {
        let state = try run(measureFacet(2), size: size)
        #expect(state.facets.measure == .transport)
        #expect(state.facets.category == nil)
        let text = render(state, size).text
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1].contains("KP-RU › totals, not transport"), "\(text)")
        // The numbers are the totals the header now names.
        #expect(text.contains("2024-Q3        5,263"), "\(text)")
        assertSnapshot(text, named: "counts-measure-totals-80x24")
    }

    @Test func theRankingUnderAMeasureFacetSaysItRanksTotals() throws {
        let state = try run(measureFacet(3, before: ["4"]), size: size)
        #expect(state.facets.measure == .estimate)
        let text = render(state, size).text
        #expect(text.split(separator: "\n")[1].contains("› totals, not estimate"), "\(text)")
        // A category (which sets its measure) is named rather than the measure.
        var facets = Facets()
        facets.measure = .purpose
        facets.category = "purpose/study"
        #expect(facets.totalsNote == "totals, not purpose/study")
        #expect(Facets().totalsNote == nil)
    }

    /// The same number has the same Src under every Values facet: a derived value counts the sources
    /// behind its parts, whatever reported values stand beside it.
    @Test func srcIsOneRuleUnderEveryValuesFacet() throws {
        let data = try Fixture.dataset()
        let resolver = Resolver(data)
        var compared = 0
        for flow in data.flows {
            for key in resolver.figures(FigureQuery(flows: [flow])).map(\.key) where key.period.granularity != .range {
                let rows = resolver.rows(for: key)
                let shown = StatusFacet.allCases.compactMap { ShownFigure.pick(key, rows: rows, resolver: resolver, status: $0) }
                for a in shown {
                    for b in shown where a.value == b.value && a.isDerived == b.isDerived {
                        #expect(a.sourceCount == b.sourceCount, "\(key): \(a.display) has Src \(a.sourceCount) and \(b.sourceCount)")
                        compared += 1
                    }
                }
            }
        }
        #expect(compared > 100)
        // The review's case: KP-RU 2024-Q4 5,450* counts the sources of its parts under "all" too.
        let key = FigureKey(flow: try Flow(parsing: "KP-RU"), period: .quarter(2024, 4), measure: .total)
        let rows = resolver.rows(for: key)
        let all = try #require(ShownFigure.pick(key, rows: rows, resolver: resolver, status: .all))
        let derived = try #require(ShownFigure.pick(key, rows: rows, resolver: resolver, status: .derivedOnly))
        #expect(all.isDerived && all.value.value == 5450 && all.alternatives > 0)
        #expect(all.sourceCount == derived.sourceCount)
        let derivation = try #require(all.rows.first { $0.status == .derived }?.derivation)
        let parts: Set<String> = Set(derivation.sourceIDs)
        #expect(all.sourceCount == parts.count)
    }

    /// Side by side: an Alt column per flow and the marks legend, so 13,221 and 9,985 say that other values exist.
    @Test func sideBySideShowsOtherValuesAndTheLegend() throws {
        let state = try run(["x", "t", "t"], size: size)
        let text = render(state, size).text
        #expect(text.contains("Src Alt"), "\(text)")
        let y2024 = try #require(text.split(separator: "\n").first { $0.hasPrefix(" 2024 ") || $0.hasPrefix("›2024 ") })
        #expect(y2024.contains("13,221") && y2024.contains("+2"), "\(y2024)")
        let y2025 = try #require(text.split(separator: "\n").first { $0.hasPrefix(" 2025 ") || $0.hasPrefix("›2025 ") })
        #expect(y2025.contains("9,985") && y2025.contains("+1"), "\(y2025)")
        // The legend explains the marks these rows carry (derived years, RU-KP's part-years `41p`), and no other.
        let legend = try #require(text.split(separator: "\n").dropFirst().first.map(String.init))
        #expect(legend.contains("* derived") && legend.contains("p part of period") && !legend.contains(">= at least"), "\(legend)")
        #expect(text.contains("41p") || text.contains("73p"), "\(text)")
        for line in text.split(separator: "\n") { #expect(cells(String(line)) <= 80) }
        assertSnapshot(text, named: "counts-beside-years-alt-80x24")
    }

    /// A category's series marks its events under the chart, as Counts does.
    @Test func aSeriesMarksItsEvents() throws {
        let counts = render(try run([], size: size), size).text.split(separator: "\n")
        let series = try run(["k", "k", "Enter", "j", "j", "j", "j", "j", "t"], size: size)
        #expect(series.current.page.kind == .series)
        let text = render(series, size).text
        #expect(text.contains("◆"), "\(text)")
        // The same row as Counts' for the same periods (the chart's window).
        let marksRow = try #require(counts.firstIndex { $0.contains("◆") })
        #expect(text.split(separator: "\n")[marksRow].contains("◆"))
    }

    /// The ranking's status line counts the countries listed (what `/` counts too), then those with a figure.
    @Test func theRankingCountsWhatItLists() throws {
        let state = try Countries.run(["4", "/", "K", "P", "Enter"], size: size)
        let status = render(state, size).text.split(separator: "\n").dropLast().last.map(String.init) ?? ""
        let listed = state.items(state.current.page).selectableCount
        #expect(status.contains("\(listed) countr"), "\(status)")
        #expect(status.contains("of \(listed)"), "\(status)")
    }
}
