import CrossingsCore
import CrossingsUI
import Testing

/// A named walk through the explorer: the keys pressed from the start.
struct Scenario: Sendable, CustomTestStringConvertible {
    var name: String
    var keys: [String]
    var testDescription: String { name }
}

let scenarios: [Scenario] = [
    Scenario(name: "counts", keys: []),
    Scenario(name: "counts-halves", keys: ["t"]),
    Scenario(name: "counts-years", keys: ["t", "t"]),
    Scenario(name: "counts-ru-kp", keys: ["f"]),
    Scenario(name: "counts-first", keys: ["g"]),
    Scenario(name: "counts-other-flow", keys: ["f", "f"]),
    Scenario(name: "breakdown-2024-q3", keys: ["k", "k", "Enter"]),
    Scenario(name: "breakdown-2024", keys: ["t", "t", "j", "Enter"]),
    // The example path: KP-RU › 2024 › purpose › study › sources
    Scenario(name: "citations-2024-study", keys: ["t", "t", "j", "Enter", "j", "j", "j", "j", "j", "Enter"]),
    Scenario(name: "citations-2024-q3-study", keys: ["k", "k", "Enter", "j", "j", "j", "j", "j", "Enter"]),
    Scenario(name: "citations-derived-2023-q4", keys: ["k", "k", "k", "k", "k", "c"]),
    Scenario(name: "citations-disagree-2023-q1", keys: ["k", "k", "k", "k", "k", "k", "k", "k", "c"]),
    Scenario(name: "citations-part", keys: ["k", "k", "k", "k", "k", "c", "G", "g", "j", "j", "j", "j", "j", "Enter"]),
    // Issue 14: a category's series (t on a breakdown row), by quarter and by year, and the goal's path.
    Scenario(name: "series-study-quarters", keys: ["k", "k", "Enter", "j", "j", "j", "j", "j", "t"]),
    Scenario(name: "series-study-years", keys: ["t", "t", "Enter", "/", "st", "Enter", "t"]),
    Scenario(name: "series-study-2024-citations", keys: ["t", "t", "Enter", "/", "st", "Enter", "t", "Enter"]),
    Scenario(name: "series-study-filter", keys: ["k", "k", "Enter", "j", "j", "j", "j", "j", "t", "/", "2024"]),
    // Issue 14: the filter menu's years hold the ranking (to year 2022, then ] at its end).
    Scenario(name: "ranking-within-years", keys: ["4", "m", "j", "j", "Left", "Left", "Left", "Left", "Esc", ">"]),
    // Issue 14: the filter menu's category: Counts shows study entries instead of the total, by year.
    Scenario(name: "counts-category-study", keys: ["m", "j", "j", "j", "j", "j", "j", "Right", "Right", "Right", "Right", "Right", "Esc", "t", "t"]),
    // `2` selects the first event of the quarter selected on Counts (2025-Q1 at the start); `g` the top.
    Scenario(name: "timeline", keys: ["2", "g"]),
    Scenario(name: "timeline-from-counts", keys: ["2"]),
    Scenario(name: "event", keys: ["2", "g", "j", "j", "j", "Enter"]),
    Scenario(name: "event-counts-of-quarter", keys: ["2", "g", "j", "j", "j", "j", "j", "j", "j", "j", "p"]),
    Scenario(name: "sources", keys: ["3"]),
    Scenario(name: "source", keys: ["3", "Enter"]),
    Scenario(name: "help", keys: ["?"]),
    Scenario(name: "help-on-timeline", keys: ["2", "g", "?"]),
    Scenario(name: "filter-typing", keys: ["/", "2024"]),
    Scenario(name: "filter-kept-next", keys: ["/", "2024", "Enter", "n"]),
    Scenario(name: "filter-timeline", keys: ["2", "/", "troops"]),
    Scenario(name: "facet-menu", keys: ["m", "j", "Right"]),
    Scenario(name: "facets-applied", keys: ["m", "j", "Right", "Right", "Right", "Right", "Right", "Right", "Right", "Right", "Right", "Right", "Right", "Right", "Esc"]),
    Scenario(name: "copy", keys: ["y"]),
    Scenario(name: "check-typing", keys: ["v"] + typed("In 2024, 20,000 North Koreans entered Russia.")),
    Scenario(name: "check", keys: ["v"] + typed("In 2024, 20,000 North Koreans entered Russia.") + ["Enter"]),
]

/// A sentence as the keys that type it.
func typed(_ text: String) -> [String] { text.map { $0 == " " ? "Space" : String($0) } }

let sizes: [Size] = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 40, height: 12)]

extension Size: CustomTestStringConvertible {
    public var testDescription: String { description }
}

@Suite("Screens")
struct SnapshotTests {
    @Test("every view at every size", arguments: scenarios, sizes)
    func screen(_ scenario: Scenario, _ size: Size) throws {
        let state = try run(scenario.keys, size: size)
        assertSnapshot(render(state, size).text, named: "\(scenario.name)-\(size)")
    }

    @Test("a terminal too small shows a notice, never a crash")
    func tooSmall() throws {
        for (w, h) in [(20, 6), (31, 24), (80, 7), (1, 1), (0, 0)] {
            let size = Size(width: w, height: h)
            let state = try run(["k", "Enter"], size: size)
            let text = render(state, size).text
            if w >= 10 && h >= 3 { #expect(text.contains("oo small"), "at \(size)") }
        }
        assertSnapshot(render(try run([], size: Size(width: 20, height: 6)), Size(width: 20, height: 6)).text, named: "too-small-20x6")
    }

    @Test("a resize to tiny and back redraws the same screen")
    func resizeBack() throws {
        var state = try run(["k", "k", "Enter"], size: Size(width: 80, height: 24))
        let before = render(state, state.size).text
        state = advance(state, .resize(Size(width: 12, height: 4))).state
        #expect(render(state, state.size).text.contains("small"))
        state = advance(state, .resize(Size(width: 80, height: 24))).state
        #expect(render(state, state.size).text == before)
    }
}
