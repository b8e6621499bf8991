import CrossingsCore
@testable import CrossingsUI
import Testing

/// Issue 14, hostile review: the `m` menu took Measure=transport with Category=purpose/study, and
/// Counts then showed study entries under a status line saying "measure transport". Now the value
/// chosen last wins: a category sets the measure to its own, a measure clears a category of another.
@Suite struct FacetConsistencyTests {
    let size = Size(width: 80, height: 24)

    /// Sets a facet through the menu as a user would: the cursor to its line, then → until it shows the value.
    func choose(_ facet: Facet, _ value: String, on start: State) -> State {
        var s = start
        if s.mode != .facets { s = update(s, .key(.char("m"))).state }
        while s.facetCursor != facet.rawValue { s = update(s, .facetDown).state }
        for _ in 0..<s.facetOptions(facet).count where s.facetValue(facet) != value { s = update(s, .facetNext).state }
        return s
    }

    @Test func everyMeasureAndCategoryShowsWhatTheHeaderSays() throws {
        let start = try run([], size: size)
        let measures = start.facetOptions(.measure)
        let categories = start.facetOptions(.category)
        #expect(categories.count > 2)
        for measure in measures {
            for category in categories {
                for categoryLast in [true, false] {
                    let order: [(Facet, String)] = categoryLast ? [(.measure, measure), (.category, category)] : [(.category, category), (.measure, measure)]
                    var s = start
                    for (facet, value) in order { s = choose(facet, value, on: s) }
                    let what = "measure \(measure), category \(category), \(categoryLast ? "category" : "measure") last"
                    // The value chosen last stands; the other agrees with it.
                    let (last, value) = order[1]
                    #expect(s.facetValue(last) == value, "\(what)")
                    #expect(s.facets.isConsistent, "\(what): \(s.facets.summary)")
                    if !s.message.isEmpty { #expect(render(s, size).text.contains(s.message.prefix(40)), "\(what)") }
                    s = update(s, .key(.escape)).state
                    try expectCountsAsSaid(s, what)
                    try expectBreakdownAsSaid(s, what)
                }
            }
        }
    }

    /// Counts: each row is the figure of the key the crumbs name (the category, else the total), as
    /// the library gives it under these facets; the status line names the facets; the export says the same key.
    func expectCountsAsSaid(_ s: State, _ what: String) throws {
        let text = render(s, size).text
        let rows = text.split(separator: "\n", omittingEmptySubsequences: false)
        let key = s.facets.countedKey(flow: s.flow, period: .year(0))
        let said = crumbs(s)
        if key.measure == .total {
            // A measure facet with no category leaves the totals, and the header says so.
            #expect(said == [s.flow.description] + (s.facets.measure.map { ["totals, not \($0.rawValue)"] } ?? []), "\(what): \(said)")
        } else {
            #expect(said == [s.flow.description, key.measure.rawValue, s.library.categoryLabel(key)], "\(what): \(said)")
            #expect(s.facets.measure == nil || s.facets.measure == key.measure, "\(what)")
        }
        #expect(rows[size.height - 2].contains(s.facets.isEmpty ? "no filters" : s.facets.summary), "\(what): \(rows[size.height - 2])")
        let items = s.pageItems().compactMap(\.countRow)
        for row in items {
            let expected = s.library.figure(s.facets.countedKey(flow: s.flow, period: row.period), facets: s.facets)
            #expect(row.figure == expected, "\(what): \(row.period)")
        }
        // The selected row's number is the one on screen.
        if let row = s.selectedItem?.countRow, let f = row.figure {
            #expect(rows.contains { $0.hasPrefix("›\(row.period.description)") && $0.contains(f.value.compactDisplay) }, "\(what)")
        }
        let table = try #require(update(s, .export).effects.first.flatMap { if case .export(let t) = $0 { t } else { nil } })
        #expect(table.rows.allSatisfy { $0[2] == key.measure.rawValue && $0[3] == key.category }, "\(what)")
    }

    /// Breakdown: only the measure the status line names (with the total), never another's rows.
    func expectBreakdownAsSaid(_ s: State, _ what: String) throws {
        var b = s
        b.stack.append(PageState(.breakdown(s.flow, .year(2024))))
        b = update(b, .resize(size)).state
        let shown = b.pageItems().compactMap { if case .category(let r) = $0.content { r.key.measure } else { nil } }
        #expect(shown.first == .total, "\(what)")
        if let measure = s.facets.measure {
            #expect(shown.dropFirst().allSatisfy { $0 == measure }, "\(what): \(shown)")
        }
    }

    @Test func theMenuSaysWhatItChanged() throws {
        // Measure transport, then → on Category: its first value is a purpose, and the measure follows.
        var s = choose(.measure, "transport", on: try run([], size: size))
        s = update(s, .facetDown).state
        s = update(s, .facetNext).state
        let first = try #require(s.facets.category)
        #expect(first.hasPrefix("purpose/"))
        #expect(s.facets.measure == .purpose)
        #expect(s.message == "measure set to purpose, the measure of \(first)")
        #expect(render(s, size).text.contains(s.message))
        assertSnapshot(render(s, size).text, named: "facets-category-sets-measure-80x24")
        // Then → on Measure from purpose: transport, which clears the purpose category.
        s = update(s, .facetUp).state
        s = update(s, .facetNext).state
        #expect(s.facets.measure == .transport)
        #expect(s.facets.category == nil)
        #expect(s.message == "category \(first) cleared: not a category of transport")
        #expect(render(s, size).text.contains(s.message))
    }
}
