import CrossingsCore
@testable import CrossingsUI
import Testing

/// Issue 14, hostile review: `drawChart` worked out which periods fit around the selection a
/// second time beside `ChartColumns` (which the event marks and the side-by-side chart use). It
/// takes its window from `ChartColumns` now; the goldens of every chart stayed byte for byte.
@Suite struct ChartWindowTests {
    /// The bars stand where the marks and the axis put their periods: each column of the window has
    /// a bar or a gap (`·`) at its x on the chart's bottom row, and nothing is drawn right of the window.
    @Test func barsFollowTheColumnsWindow() throws {
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 40, height: 12)] {
            for words in [[], ["g"], ["t"], ["t", "t"], ["k", "k", "Enter", "j", "j", "j", "j", "j", "t"]] {
                let s = try run(words, size: size)
                let layout = Layout(s, size)
                guard layout.chartHeight > 0 else { continue }
                let columns = ChartColumns(s, s.items(s.current.page), layout)
                let screen = render(s, size)
                let bottom = layout.chartTop + layout.chartHeight - 1
                for n in columns.window.indices {
                    let cell = screen.cell(x: 1 + n * columns.colWidth, y: bottom)
                    #expect(cell.text != " ", "\(words) at \(size): no bar for \(columns.window[n])")
                }
                let end = 1 + columns.window.count * columns.colWidth
                for x in end..<layout.listWidth { #expect(screen.cell(x: x, y: bottom).text == " ", "\(words) at \(size): a bar at \(x)") }
            }
        }
    }

    /// A category's series is one flow even while Counts shows two: its chart is the same with or without a second flow.
    @Test func aSeriesChartIgnoresTheComparedFlow() throws {
        let size = Size(width: 80, height: 24)
        let one = try run(["k", "k", "Enter", "j", "j", "j", "j", "j", "t"], size: size)
        var two = one
        two.compare = Flow(citizens: "RU", destination: "KP")
        let layout = Layout(one, size)
        let a = render(one, size).text.split(separator: "\n", omittingEmptySubsequences: false)
        let b = render(two, size).text.split(separator: "\n", omittingEmptySubsequences: false)
        for y in layout.chartTop..<(layout.headerRow ?? layout.listTop) { #expect(a[y] == b[y], "row \(y)") }
    }
}
