import CrossingsUI
import Foundation
import Testing

@Suite("Chart end to end under tmux", .timeLimit(.minutes(1)), .enabled(if: EndToEnd.tmux != nil, "tmux is not installed"),
       .enabled(if: EndToEnd.binary != nil, "the crossings executable is not built (swift build first)"))
struct ChartEndToEndTests {
    @Test("event marks under the chart, p from a tourism event opens RU-KP, a copied line shown whole")
    func eventsOnTheChart() throws {
        // The marks row under the bars, and the selected quarter's events on the status line.
        try TmuxSession.scenario(firstFrame: ["2025-Q1          295", "◆◆             ◆ ◆◆ ◆◆", "◆ 3 events (↵ lists them): FSB border data"]) { t in
            // To the Russian tour group's line on the Timeline (from its top), then p.
            let steps = try ChartTests.timelineKeys(to: "first-russian-tour-group-2024").filter { $0 == "j" }.count
            try t.press("2", until: "[2 Timeline]")
            try t.press("g", until: "›2017")
            for _ in 0..<steps { try t.keys("j") }
            t.wait(for: "›9 February 2024")
            try t.press("p", until: "counts of RU-KP, the flow this event concerns", "›2024-Q1          870")
            // Copy it: the whole line shows above the status line.
            try t.press("y", until: "copied: 870")
            #expect(t.screen.contains("(FSB"), "\(t.screen)")
        }
    }
}

extension ChartEndToEndTests {
    @Test("x puts RU-KP beside KP-RU on the chart, with one legend; S goes back to one flow")
    func bothFlowsOnTheChart() throws {
        try TmuxSession.scenario(firstFrame: ["2025-Q1          295"]) { t in
            try t.press("x", until: "█ KP-RU left  █ RU-KP right", "KP-RU vs RU-KP by quarter")
            // Two bars a period: the 2025 columns pair a gap of KP-RU with RU-KP's bars.
            t.wait(for: "·▆ ·▇ ·▅")
            try t.press("S", until: "KP-RU by quarter")
            #expect(!t.screen.contains("RU-KP right"))
        }
    }
}
