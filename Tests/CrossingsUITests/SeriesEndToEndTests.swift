import Foundation
import Testing

/// Issue 14's series under tmux: the goal's keys on the built binary, as a journalist types them.
@Suite("Series end to end under tmux", .timeLimit(.minutes(1)), .enabled(if: EndToEnd.tmux != nil, "tmux is not installed"),
       .enabled(if: EndToEnd.binary != nil, "the crossings executable is not built (swift build first)"))
struct SeriesEndToEndTests {
    @Test("study entries year by year and who says so: t t Enter /st Enter t, Enter; t cuts the series again; back to Counts; q")
    func studyByYear() throws {
        let t = try TmuxSession(width: 80, height: 24)
        t.wait(for: "2025-Q1          295")
        try t.keys("t", "t", "Enter")
        t.wait(for: "KP-RU › 2024")
        try t.keys("/", "st", "Enter")
        t.wait(for: "study                           7,887")
        try t.keys("t")
        t.wait(for: "KP-RU › 2024 › purpose › study › by year")
        t.wait(for: "2012           6,636     3")
        t.wait(for: "2019          ~3,200     1")
        t.wait(for: "2024           7,887     6  +2")
        #expect(t.screen.contains("··· ··· ███"))
        // Who says so.
        try t.keys("Enter")
        t.wait(for: "KP-RU › 2024 › purpose › study › by year › 2024 › sources")
        t.wait(for: "6 sources print a value for it")
        // Back to the series, then by quarter: the same category, the same year selected.
        try t.keys("Escape", "t")
        t.wait(for: "KP-RU › 2024 › purpose › study › by quarter")
        t.wait(for: "2024-Q3        3,765     4  +1")
        try t.keys("Escape", "Escape")
        t.wait(for: "KP-RU by quarter")
        try t.keys("q")
        t.expectRestored(exit: 0)
    }
}
