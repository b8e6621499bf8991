import CrossingsCore
@testable import CrossingsUI
import Testing

/// Issue 14, the chart's part: `p` opens the counts of the flow an event concerns, `f`/`F` cycle
/// KP-RU and RU-KP first, and the small things (a copied line shown whole, "1 country", the
/// Sources count column, Breakdown labels at 100 columns, the title's figure count).
@Suite("Chart: events, flows, small things")
struct ChartTests {
    static let size = Size(width: 80, height: 24)

    /// The keys that select an event on the Timeline (from its first line).
    static func timelineKeys(to id: String) throws -> [String] {
        // `g`: from the top (`2` alone selects the first event of the quarter selected on Counts).
        let start = try run(["2", "g"], size: size)
        let items = start.items(start.current.page)
        let i = try #require(items.firstIndex { if case .event(let e) = $0.content { e.id == id } else { false } }, "no event \(id)")
        let first = start.current.selected
        return ["2", "g"] + Array(repeating: "j", count: i - first)
    }

    @Test("f and F cycle KP-RU and RU-KP first, then the others")
    func flowCycle() throws {
        let state = try run([], size: Self.size)
        let flows = state.library.flows.map(\.description)
        #expect(Array(flows.prefix(2)) == ["KP-RU", "RU-KP"])
        #expect(state.flow.description == "KP-RU")
        #expect(try run(["f"], size: Self.size).flow.description == "RU-KP")
        #expect(try run(["f", "F"], size: Self.size).flow.description == "KP-RU")
        if flows.count > 2 { #expect(try run(["f", "f"], size: Self.size).flow.description == flows[2]) }
        #expect(try run(["F"], size: Self.size).flow.description == flows.last)
        // The same on a package with several countries.
        let countries = try Countries.run([], size: Self.size)
        #expect(Array(countries.library.flows.prefix(2)).map(\.description) == ["KP-RU", "RU-KP"])
    }

    @Test("an event's flow: RU-KP for Russians' trips to North Korea, else KP-RU")
    func concernedFlow() throws {
        let data = try Fixture.dataset()
        func flow(_ id: String) throws -> String { try #require(data.events.first { $0.id == id }).concernedFlow.description }
        #expect(try flow("first-russian-tour-group-2024") == "RU-KP")
        #expect(try flow("wonsan-kalma-russian-tours-begin") == "RU-KP")
        #expect(try flow("fsb-publishes-2025-q3") == "RU-KP")
        #expect(try flow("kp-study-entries-surge") == "KP-RU")
        #expect(try flow("kp-russia-flights-resume") == "KP-RU")
        #expect(try flow("putin-kim-partnership-treaty") == "KP-RU")
    }

    @Test("p on a tourism event opens RU-KP's counts of its quarter, whatever flow was viewed")
    func eventOpensItsFlow() throws {
        let keys = try Self.timelineKeys(to: "first-russian-tour-group-2024") + ["p"]
        let state = try run(keys, size: Self.size)
        #expect(state.view == .counts)
        #expect(state.flow.description == "RU-KP")
        #expect(state.countsPeriod?.description == "2024-Q1")
        assertSnapshot(render(state, Self.size).text, named: "chart-event-counts-ru-kp-80x24")
        // From RU-KP, an event about North Koreans' entries opens KP-RU again.
        let back = try run(["1", "f"] + Self.timelineKeys(to: "kp-study-entries-surge") + ["p"], size: Self.size)
        #expect(back.flow.description == "KP-RU")
        // And from the Event page.
        let page = try run(Self.timelineKeys(to: "first-russian-tour-group-2024") + ["Enter", "p"], size: Self.size)
        #expect(page.flow.description == "RU-KP")
    }

    @Test("the copied line is shown whole above the status line until the next key")
    func copiedLineWhole() throws {
        let (state, effects) = try session(["y"], size: Self.size)
        let line = try #require(copiedLines(effects).first)
        let screen = render(state, Self.size).text
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        // The rows above the status line, joined, hold the whole line.
        let joined = rows.joined(separator: " ")
        #expect(joined.contains("copied: " + line), "\(screen)")
        let next = press(["j"], on: state).state
        #expect(!render(next, Self.size).text.contains("copied:"))
    }

    @Test("one country in the ranking's status line is singular")
    func oneCountry() throws {
        let state = try run(["4"], size: Self.size)
        let text = render(state, Self.size).text
        #expect(!text.contains(" 1 countries"))
        if text.contains(" 1 country") { assertSnapshot(text, named: "chart-ranking-one-country-80x24") }
    }

    @Test("Breakdown labels get the room at 100 columns")
    func breakdownWide() throws {
        let size = Size(width: 100, height: 30)
        let state = try run(["k", "k", "Enter"], size: size)
        let text = render(state, size).text
        #expect(text.contains("vehicle and transport staff"))
        assertSnapshot(text, named: "chart-breakdown-2024-q3-100x30")
    }

    @Test("the Sources count column and the title's count take thousands separators")
    func separators() throws {
        let source = try #require(try Fixture.dataset().sources.first)
        #expect(sourceLine(source, figures: 66_675, events: 0, width: 80).map(\.text).joined().contains(" 66,675 "))
        let state = try run([], size: Self.size)
        let title = render(state, Self.size).text.split(separator: "\n").first.map(String.init) ?? ""
        #expect(title.contains("\(formatCount(state.library.data.observations.count)) figures"))
    }

    @Test("the chart marks the periods holding events, under its bars, and names the selected period's")
    func eventMarks() throws {
        let state = try run([], size: Self.size)
        let screen = render(state, Self.size)
        let rows = screen.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        assertSnapshot(screen.text, named: "chart-event-marks-80x24")
        // Row 4: the marks, under two rows of bars and above the axis.
        let marks = rows[4]
        #expect(marks.contains("◆"))
        #expect(rows[5].hasPrefix(" 2010"))
        // Every mark is an event's period, in the accent role (the selected one highlighted).
        for x in 0..<Self.size.width where screen.cell(x: x, y: 4).text == "◆" {
            #expect(screen.cell(x: x, y: 4).style.role == .accent)
        }
        // 2025-Q1, selected, holds events: the status line names them.
        let events = state.library.events(in: .quarter(2025, 1), facets: Facets())
        #expect(!events.isEmpty)
        #expect(rows[22].contains("◆ \(events.count) events"))
        // A quarter with none says nothing.
        let none = try run(["k", "k", "k", "k", "k", "k", "k", "k", "k", "k", "k", "k", "k", "k", "k", "k", "k", "k", "k"], size: Self.size)
        if let p = none.countsPeriod, none.library.events(in: p, facets: Facets()).isEmpty {
            let status = render(none, Self.size).text.split(separator: "\n", omittingEmptySubsequences: false)[22]
            #expect(!status.contains("◆"), "\(status)")
        }
    }

    @Test("an event dated only to a year marks the year, not its first quarter")
    func coarseDates() throws {
        let state = try run([], size: Self.size)
        for e in state.library.data.events {
            guard let d = e.date, d.precision == .year else { continue }
            let year = Period.year(d.start / 10000)
            #expect(state.library.events(in: year, facets: Facets()).contains(e))
            #expect(!state.library.events(in: d.quarter, facets: Facets()).contains(e))
        }
    }

    @Test("on a wide screen the preview lists the selected period's events; a small chart has no marks row")
    func previewAndSmall() throws {
        let wide = Size(width: 120, height: 40)
        assertSnapshot(render(try run([], size: wide), wide).text, named: "chart-event-marks-120x40")
        let small = Size(width: 40, height: 12)
        let state = try run([], size: small)
        let layout = Layout(state, small)
        #expect(!layout.marks)
        #expect(!render(state, small).text.split(separator: "\n").dropLast(2).contains { $0.contains("◆") })
    }

    @Test("side by side, the chart draws both flows: two bars a period, one legend naming both")
    func bothFlows() throws {
        let state = try run(["x"], size: Self.size)
        #expect(state.compare?.description == "RU-KP")
        let screen = render(state, Self.size)
        assertSnapshot(screen.text, named: "chart-both-flows-80x24")
        let rows = screen.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(rows[1].contains("█ KP-RU left  █ RU-KP right"))
        // Each flow's bars in its own role; derived bars keep theirs in both.
        var roles = Set<Role>()
        for y in 2..<4 { for x in 0..<Self.size.width where screen.cell(x: x, y: y).text != " " { roles.insert(screen.cell(x: x, y: y).style.role) } }
        #expect(roles.contains(.bar) && roles.contains(.accent))
        #expect(roles.isSubset(of: [.bar, .accent, .derivedBar, .dim]))
        // The legend's swatches are in the same roles.
        let swatches = (0..<Self.size.width).filter { screen.cell(x: $0, y: 1).text == "█" }.map { screen.cell(x: $0, y: 1).style.role }
        #expect(swatches == [.bar, .accent])
        // On a package of several countries, beside China.
        let countries = try Countries.run(["s", "c", "n", "Enter"], size: Self.size)
        assertSnapshot(render(countries, Self.size).text, named: "chart-both-flows-kp-cn-80x24")
    }
}
