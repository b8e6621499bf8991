import Testing
@testable import CrossingsUI
@testable import CrossingsCore

/// A source's page lists every figure the source gives; on a large package that is 675,000 lines,
/// so they are made a screen at a time (`Items`, `LazyRun`), never all at once (issue 11).
@Suite struct LazyPageTests {
    /// The source with the most figures (in the bundled data, the russia-in-out table: 410).
    /// The Sources view with the source of most figures selected (Enter opens its page).
    static func onLargestSource(_ size: Size) throws -> (Library, String, State) {
        let library = Library(try Fixture.dataset())
        let id = try largest(library)
        var state = State(library: library, size: size)
        for k in keys(["3"]) { state = advance(state, .key(k)).state }
        let row = try #require(state.pageItems().firstIndex { $0.open == .source(id) })
        while state.current.selected < row { state = advance(state, .key(.down)).state }
        return (library, id, state)
    }

    static func largest(_ library: Library) throws -> String {
        let counts = library.data.observations.countsBySource()
        return try #require(counts.max { $0.value < $1.value }).key
    }

    static func page(_ library: Library, _ id: String, _ facets: Facets = Facets()) -> Items {
        library.items(.source(id), flow: library.flows[0], granularity: .quarter, facets: facets)
    }

    /// The figures as the page used to list them: every observation built, filtered, sorted by key.
    static func wholeOrder(_ data: Dataset, _ id: String, _ facets: Facets) -> [String] {
        data.backing(id).observations.filter { o in
            (facets.measure == nil || facets.measure == o.key.measure) && facets.admits(o.key.period)
        }.sorted { $0.key < $1.key }.map(\.id)
    }

    @Test func openingASourcePageMakesNoLine() throws {
        let library = Library(try Fixture.dataset())
        let id = try Self.largest(library)
        let page = Self.page(library, id)
        let run = try #require(page.run)
        try #require(run.count > 200, "the largest bundled source should give a few screens of figures")
        // Its length, the heading's count and the status line's total need no line made.
        #expect(page.count == page.head.count + run.count + page.tail.count)
        #expect(page.selectableCount > run.count)
        #expect(page.head.last?.search.contains("figures it backs (\(run.count))") == true)
        #expect(run.itemsMade == 0)
        _ = page[page.head.count + run.count / 2]
        _ = page[page.head.count + run.count / 2]
        #expect(run.itemsMade == 1)
    }

    @Test func theRunIsInTheOrderTheWholePageHad() throws {
        let data = try Fixture.dataset()
        let library = Library(data)
        var narrowed = Facets()
        narrowed.measure = .transport
        var years = Facets()
        years.fromYear = 2015
        years.toYear = 2020
        for s in data.sources {
            for facets in [Facets(), narrowed, years] {
                let page = Self.page(library, s.id, facets)
                let rows = page.run?.rows ?? []
                #expect(rows.map { data.observations[Int($0)].id } == Self.wholeOrder(data, s.id, facets), "\(s.id) \(facets)")
            }
        }
    }

    @Test func aSourcePageOnScreenMakesAboutAScreenOfLines() throws {
        // The Sources view, its preview of the selected source, then that source's page.
        let (library, id, start) = try Self.onLargestSource(Size(width: 120, height: 40))
        var state = start
        for k in keys(["Enter", "End", "PgUp", "Up", "Home", "PgDn", "y"]) {
            state = advance(state, .key(k)).state
            _ = render(state, state.size)
        }
        let run = try #require(Self.page(library, id).run)
        // A handful of screens of 38 lines, not the page's 410 (a whole build makes every one).
        #expect(run.itemsMade < 200)
        #expect(run.itemsMade > 0)
        // Enter on a figure still opens its citations.
        let figure = try #require(state.selectedItem)
        for k in keys(["Enter"]) { state = advance(state, .key(k)).state }
        #expect(figure.cite != nil)
        #expect(state.current.page == figure.open)
    }

    @Test func theFilterTextFromTheColumnsIsTheLinesText() throws {
        let data = try Fixture.dataset()
        let fromColumns = Library.figureSearch(data.observations)
        for row in 0..<data.observations.count {
            #expect(fromColumns(Int32(row)) == Library.figureSearch(data.observations[row]), "row \(row)")
        }
    }

    @Test func theFilterKeepsWhatTheWholeListKept() throws {
        let library = Library(try Fixture.dataset())
        let id = try Self.largest(library)
        let page = Self.page(library, id)
        let whole = Array(page)
        for text in ["2", "20", "201", "2019", "air", "AIR", "l16", "zzz", ""] {
            let lazy = visibleItems(page, filter: text)
            let expected = text.isEmpty ? whole : whole.filter { $0.selectable && $0.matches(lowercased: text.lowercased(), count: text.lowercased().count) }
            #expect(lazy.map(\.search) == expected.map(\.search), "filter \(text)")
            #expect(lazy.map(\.open) == expected.map(\.open), "filter \(text)")
        }
    }

    @Test func typingOnNarrowsWhatTheLastFilterKept() throws {
        let library = Library(try Fixture.dataset())
        let page = Self.page(library, try Self.largest(library))
        let run = try #require(page.run)
        let kept = visibleItems(page, filter: "2019").count
        #expect(run.linesSearched == run.count)
        try #require(kept > 0 && kept < run.count)
        // Typing on: only the lines "2019" kept are searched again.
        let narrowed = visibleItems(page, filter: "2019-Q3").count
        #expect(run.linesSearched - run.count <= kept)
        #expect(narrowed > 0 && narrowed < kept)
        // Remembered: the same filter again searches nothing.
        let searched = run.linesSearched
        #expect(visibleItems(page, filter: "2019-q3").count == narrowed)
        #expect(run.linesSearched == searched)
    }

    @Test func clearingTheFilterKeepsTheSelectedFigure() throws {
        let (_, _, start) = try Self.onLargestSource(Size(width: 120, height: 40))
        var state = start
        for k in keys(["Enter", "/", "2", "0", "1", "9", "Enter", "n", "n"]) { state = advance(state, .key(k)).state }
        let kept = try #require(state.selectedItem)
        for k in keys(["Esc"]) { state = advance(state, .key(k)).state }
        #expect(state.current.filter.isEmpty)
        let selected = try #require(state.selectedItem)
        #expect(selected.search == kept.search)
        // The first line with that text, as a search of the whole list finds it.
        #expect(state.current.selected == Array(state.pageItems()).firstIndex { $0.search == kept.search && $0.open == kept.open })
    }

    @Test func clearingAFilterThatKeptNothing() throws {
        let (_, _, start) = try Self.onLargestSource(Size(width: 80, height: 24))
        var state = start
        for k in keys(["Enter", "End", "/", "z", "z", "q", "Esc"]) {
            state = advance(state, .key(k)).state
            _ = render(state, state.size)
        }
        #expect(state.current.filter.isEmpty)
        #expect(state.selectedItem != nil)
    }

    @Test func theCachedPageCostsRowNumbersNotLines() throws {
        let library = Library(try Fixture.dataset())
        let id = try Self.largest(library)
        let page = Self.page(library, id)
        let run = try #require(page.run)
        let rows = MemoryCost.array(run.rows)
        // Opened: the fields and events built whole, the figures 4 bytes each, and what the cache counts.
        let opened = MemoryCost.items(page)
        #expect(opened == MemoryCost.items(page.head) + MemoryCost.items(page.tail) + rows)
        #expect(library.itemsCache.bytes == opened)
        // Built whole, the same page estimates many times more.
        #expect(MemoryCost.items(Array(page)) > 20 * opened)
    }

    @Test func theQuickMatchAnswersAsTheStringOne() {
        let texts = ["synthetic:L1752  AD-RU 2000-Q1 transport/air  408  “408”", "Mediazona ¶6 KP-RU 2024 total ~13,000 nearly 13,000",
                     "L16 KP-RU 2019-Q3 TOTAL 5,263 5,263", "a\r\nb", "", "ABC", "xabcabd"]
        for text in texts {
            for needle in ["2", "l17", "kp-ru 2019", "abd", "ABC", "a\r", "13,0", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"] {
                let lowered = needle.lowercased()
                guard LazyRun.isPlainASCII(lowered.utf8) else { continue }
                let quick = LazyRun.asciiContains(text, lowercased: Array(lowered.utf8))
                if LazyRun.isPlainASCII(text.utf8) {
                    #expect(quick == text.lowercased().contains(lowered), "\(text) / \(needle)")
                } else {
                    #expect(quick == nil, "\(text): not plain ASCII")
                }
            }
        }
    }
}
