import Foundation
import Testing

/// The explorer on two packages read as one (`--data DIR --data bundled`, issue 14).
@Suite("Layered packages end to end under tmux", .timeLimit(.minutes(1)), .enabled(if: EndToEnd.tmux != nil, "tmux is not installed"),
       .enabled(if: EndToEnd.binary != nil, "the crossings executable is not built (swift build first)"))
struct LayersEndToEndTests {
    @Test("--data countries --data bundled: the title names both packages; both packages' figures are there")
    func twoLayers() throws {
        let t = try TmuxSession(width: 160, height: 24, arguments: ["--data", Countries.directory, "--data", "bundled"])
        // 46 figures of the fixture and 752 bundled ones.
        t.wait(for: "\(Countries.directory) + data: 798 figures")
        t.wait(for: "KP-RU by quarter")
        // The bundled press figures: 2024-Q3 as the press reported it.
        t.wait(for: "5,263")
        // The fixture's flow, from the picker.
        try t.keys("o")
        t.wait(for: "search: _")
        try t.keys("c", "h", "i")
        t.wait(for: "search: chi_")
        try t.keys("Enter")
        t.wait(for: "CN-RU by quarter")
        t.wait(for: "2024-Q4          180")
        try t.keys("q")
        t.expectRestored(exit: 0)
    }

    @Test("ids shared by two packages: both rows named, exit 2, the terminal restored")
    func collidingLayers() throws {
        let t = try TmuxSession(width: 160, height: 24, arguments: ["--data", Countries.directory, "--data", Countries.directory])
        t.expectRestored(exit: 2)
        t.wait(for: "observations.csv:21:1: error: observation id 'fsb-test/20' is also in")
        t.wait(for: "nothing was loaded")
    }
}
