import Foundation
import Testing

/// Issue 14's series under tmux: the goal's keys on the built binary, as a journalist types them.
@Suite("Series end to end under tmux", .timeLimit(.minutes(1)), .enabled(if: EndToEnd.tmux != nil, "tmux is not installed"),
       .enabled(if: EndToEnd.binary != nil, "the crossings executable is not built (swift build first)"))
struct SeriesEndToEndTests {
    @Test("study entries year by year and who says so: t t Enter /st Enter t, Enter; t cuts the series again; back to Counts; q")
    func studyByYear() throws {
        try TmuxSession.scenario(firstFrame: ["2025-Q1          295"]) { t in
            try t.press("t", "t", "Enter", until: "KP-RU › 2024")
            try t.press("/", "st", "Enter", until: "study                           7,887")
            try t.press("t", until: "KP-RU › 2024 › purpose › study › by year", "2012           6,636     3", "2019          ~3,200     1",
                        "2024           7,887     6  +2")
            #expect(t.screen.contains("··· ··· ███"))
            // Who says so.
            try t.press("Enter", until: "KP-RU › 2024 › purpose › study › by year › 2024 › sources", "6 sources print a value for it")
            // Back to the series, then by quarter: the same category, the same year selected.
            try t.press("Escape", "t", until: "KP-RU › 2024 › purpose › study › by quarter", "2024-Q3        3,765     4  +1")
            try t.press("Escape", "Escape", until: "KP-RU by quarter")
        }
    }
}
