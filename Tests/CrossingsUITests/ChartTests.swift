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
        let start = try run(["2"], size: size)
        let items = start.items(start.current.page)
        let i = try #require(items.firstIndex { if case .event(let e) = $0.content { e.id == id } else { false } }, "no event \(id)")
        let first = start.current.selected
        return ["2"] + Array(repeating: "j", count: i - first)
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
}
