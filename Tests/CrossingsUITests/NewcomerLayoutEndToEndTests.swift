import CrossingsUI
import Foundation
import Testing

/// Issue 14, newcomer review, on a real terminal at the smallest size (32×8).
@Suite("Newcomer review fixes under tmux", .timeLimit(.minutes(1)), .enabled(if: EndToEnd.tmux != nil, "tmux is not installed"),
       .enabled(if: EndToEnd.binary != nil, "the crossings executable is not built (swift build first)"))
struct NewcomerLayoutEndToEndTests {
    @Test("at 32×8: side by side shows RU-KP's years whole or as …; the m menu scrolls to its last facet")
    func smallestScreen() throws {
        let t = try TmuxSession(width: 32, height: 8)
        t.wait(for: "KP-RU")
        try t.keys("t", "t")
        t.wait(for: "KP-RU by year")
        try t.keys("x")
        t.wait(for: "KP-RU vs RU-KP")
        // Both flows' values fit (each column narrowed to what the screen has): RU-KP's 2023 is 1,238,
        // whole; a value that did not fit would be `…`, never its leading `1`.
        t.wait(for: "2023")
        let row = t.screen.split(separator: "\n").first { $0.contains("2023 ") }.map(String.init) ?? ""
        #expect(row.contains("1,117") && row.contains("1,238"), "“\(row)”\n\(t.screen)")
        #expect(!row.hasSuffix(" 1"), "“\(row)”")
        // The filter menu: ↑ from the first facet goes to the last, Values, which is on screen.
        try t.keys("m")
        t.wait(for: "› Flow")
        try t.keys("Up")
        t.wait(for: "› Values")
        #expect(t.screen.contains("↑"), "\(t.screen)")
        try t.keys("Escape", "q")
        t.expectRestored(exit: 0)
    }
}
