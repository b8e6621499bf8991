import Foundation
import Testing

/// The explorer on two packages read as one (`--data DIR --data bundled`, issue 14).
@Suite("Layered packages end to end under tmux", .timeLimit(.minutes(1)), .enabled(if: EndToEnd.tmux != nil, "tmux is not installed"),
       .enabled(if: EndToEnd.binary != nil, "the crossings executable is not built (swift build first)"))
struct LayersEndToEndTests {
    @Test("--data countries --data bundled: the title names both packages; both packages' figures are there")
    func twoLayers() throws {
        // 46 figures of the fixture and 752 bundled ones; the bundled press figures: 2024-Q3 as the press reported it.
        try TmuxSession.scenario(width: 160, height: 24, arguments: ["--data", Countries.directory, "--data", "bundled"],
                                 firstFrame: ["\(Countries.directory) + data: 798 figures", "KP-RU by quarter", "5,263"]) { t in
            // The fixture's flow, from the picker.
            try t.press("o", until: "search: _")
            try t.press("c", "h", "i", until: "search: chi_")
            try t.press("Enter", until: "CN-RU by quarter", "2024-Q4          180")
        }
    }

    @Test("ids shared by two packages: both rows named, exit 2, the terminal restored")
    func collidingLayers() throws {
        try TmuxSession.scenario(width: 160, height: 24, arguments: ["--data", Countries.directory, "--data", Countries.directory],
                                 firstFrame: [], quit: nil) { t in
            t.expectRestored(exit: 2)
            t.wait(for: "observations.csv:21:1: error: observation id 'fsb-test/20' is also in")
            t.wait(for: "nothing was loaded")
        }
    }
}
