import CrossingsCore
@testable import CrossingsUI
import Testing

/// Issue 14, hostile review: Counts' note over an empty chart ran on under the preview pane's border
/// at 120×40 (`…t: halves or yea│s◆ Events`). Every page, on data that leaves it empty, draws only in
/// its own box: not on the title row, the status line or the footer, and not right of the list where
/// a preview pane is (there only the pane draws).
@Suite struct ClippingTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 32, height: 8)]

    /// Pages with nothing to show: a flow or category with no figures, years with no data, a source
    /// that gives none of them, a period with no breakdown, a filter matching nothing.
    static func emptyCases() throws -> [(String, State)] {
        let start = State(data: try Fixture.dataset(), size: sizes[0])
        let library = start.library
        var out: [(String, State)] = []
        func add(_ name: String, _ change: (inout State) -> Void) {
            var s = start
            change(&s)
            out.append((name, update(s, .resize(s.size)).state))
        }
        let quiet = try #require(library.flows.first { library.counts(flow: $0, granularity: .quarter, facets: Facets()).allSatisfy { $0.figure == nil } }
                                 ?? library.flows.last)
        add("counts, a flow with no figures") { $0.flow = quiet }
        add("counts, a category with no figures") {
            $0.flow = quiet
            $0.facets.category = "purpose/study"
        }
        add("counts, years without data") {
            $0.facets.fromYear = 1901
            $0.facets.toYear = 1901
        }
        add("counts side by side, years without data") {
            $0.compare = Flow(citizens: "RU", destination: "KP")
            $0.facets.fromYear = 1901
            $0.facets.toYear = 1901
        }
        add("counts, derived only from a source") {
            $0.facets.status = .derivedOnly
            $0.facets.source = library.data.sources.last?.id
        }
        for view in [TopView.timeline, .sources, .ranking] {
            add("\(view.title), years without data") {
                $0.view = view
                $0.facets.fromYear = 1901
                $0.facets.toYear = 1901
                $0.facets.tag = "no-such-tag"
            }
        }
        add("breakdown of a period with no figures") { $0.stack.append(PageState(.breakdown(quiet, .year(1901)))) }
        add("series of a category with no figures") {
            $0.stack.append(PageState(.series(FigureKey(flow: quiet, period: .year(1901), measure: .purpose, category: "study"))))
        }
        add("citations of a figure nobody gives") {
            $0.stack.append(PageState(.citations(FigureKey(flow: quiet, period: .year(1901), measure: .total))))
        }
        add("a filter matching nothing") { $0.current.filter = "zzzz-no-such-line" }
        return out
    }

    @Test func emptyPagesDrawInsideTheirBox() throws {
        for (name, base) in try Self.emptyCases() {
            for size in Self.sizes {
                let s = update(base, .resize(size)).state
                let layout = Layout(s, size)
                guard !layout.tooSmall else { continue }
                var page = Screen(size)
                drawPage(s, layout, &page)
                var pane = Screen(size)
                if let p = layout.preview { drawPreview(s, visibleItems(s.items(s.current.page), filter: s.current.filter), layout, p, &pane) }
                for y in 0..<size.height {
                    for x in 0..<size.width {
                        let cell = page.cell(x: x, y: y)
                        if y == 0 || y >= size.height - 2 {
                            #expect(cell == .blank, "\(name) at \(size): the page drew “\(cell.text)” at \(x),\(y), outside its rows")
                        } else if let p = layout.preview, x >= p.x - 2 {
                            #expect(cell == pane.cell(x: x, y: y),
                                    "\(name) at \(size): “\(cell.text)” at \(x),\(y) is in the preview pane but not the pane's:\n\(page.text)")
                        }
                    }
                }
            }
        }
    }

    /// The note itself is whole at 120×40, wrapped within the list's columns.
    @Test func theEmptyChartNoteWrapsWithinTheList() throws {
        let size = Size(width: 120, height: 40)
        let s = try #require(try Self.emptyCases().first { $0.0 == "counts, a flow with no figures" }?.1)
        let text = render(update(s, .resize(size)).state, size).text
        #expect(text.contains("with these filters; t: halves or"))
        #expect(text.contains(" years, m: filters "))
    }
}
