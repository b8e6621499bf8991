import CrossingsCore
@testable import CrossingsUI
import Foundation
import Testing

/// Issue 14, hostile review: behind the "too small" notice keys acted unseen (`e` wrote a file, `O`
/// would have opened a browser). Now only quit, a resize and the backend's answers act there.
@Suite struct TooSmallTests {
    let tiny = Size(width: 10, height: 5)

    @Test func keysBehindTheNoticeDoNothing() throws {
        let start = try run([], size: Size(width: 80, height: 24))
        let small = update(start, .resize(tiny)).state
        #expect(render(small, tiny).text.contains("Too small"))
        // Every key a page binds, and a paste: no effect, and the state as it was (no unseen move or filter).
        let words = ["e", "O", "y", "c", "Enter", "j", "k", "G", "t", "f", "x", "s", "o", "m", "v", "/", "2", "4", "?", "Tab", "Esc"]
        for k in keys(words) {
            let (after, effects) = update(small, .key(k))
            #expect(effects.isEmpty, "\(k) asked for \(effects) at \(tiny)")
            #expect(after == small, "\(k) changed the state at \(tiny)")
        }
        for action: Action in [.export, .openURL, .copy, .startCheck, .checkSubmit, .paste("q\ne"), .moveDown, .show(.ranking)] {
            let (after, effects) = update(small, action)
            #expect(effects.isEmpty && after == small, "\(action) acted at \(tiny)")
        }
        // A walk of keys there leaves nothing behind once the terminal is large again.
        let walked = press(["e", "O", "y", "j", "Enter", "m", "Right"], on: small)
        #expect(walked.effects.isEmpty)
        #expect(update(walked.state, .resize(Size(width: 80, height: 24))).state == start)
    }

    @Test func quitAndResizeStillAct() throws {
        let small = try run([], size: tiny)
        #expect(update(small, .key(.char("q"))).effects == [.quit])
        // `q` quits as the notice says, even with the filter menu (where `q` closes it) open underneath.
        let menu = update(try run(["m"], size: Size(width: 80, height: 24)), .resize(tiny)).state
        #expect(menu.mode == .facets)
        #expect(update(menu, .key(.char("q"))).effects == [.quit])
        // The backend's answers to effects asked for before still land.
        let answered = update(small, .exportFailed("Permission denied: cannot create /x/y.csv")).state
        #expect(answered.message.hasPrefix("not exported"))
        // Large again: `e` exports.
        let large = update(small, .resize(Size(width: 80, height: 24))).state
        #expect(update(large, .key(.char("e"))).effects.count == 1)
    }
}

@Suite("Too small under tmux", .timeLimit(.minutes(1)), .enabled(if: EndToEnd.tmux != nil, "tmux is not installed"),
       .enabled(if: EndToEnd.binary != nil, "the crossings executable is not built (swift build first)"))
struct TooSmallEndToEndTests {
    @Test("at 10×5 e writes no file, O opens nothing, y copies nothing; q still quits")
    func keysRefusedAtATinySize() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-tiny-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // An `xdg-open` and an `open` that would leave a mark if run.
        let opener = "#!/bin/sh\necho \"$@\" > '\(dir.path)/opened'\n"
        for name in ["xdg-open", "open"] {
            let path = dir.appendingPathComponent(name).path
            try opener.write(toFile: path, atomically: true, encoding: .utf8)
            chmod(path, 0o755)
        }
        let exports = dir.appendingPathComponent("exports")
        try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
        let t = try TmuxSession(width: 80, height: 24,
                                environment: "CROSSINGS_EXPORT_DIR='\(exports.path)' PATH='\(dir.path)':\"$PATH\"")
        t.wait(for: "2025-Q1          295")
        try t.keys("3")
        t.wait(for: "Sources")
        try t.resize(10, 5)
        t.wait(for: "Too small")
        try t.keys("e", "O", "y", "j", "Enter", "e")
        usleep(500_000)
        try t.resize(80, 24)
        t.wait(for: "[3 Sources]")
        // Nothing written, nothing opened, nothing copied, and no move made unseen.
        #expect(try FileManager.default.contentsOfDirectory(atPath: exports.path).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("opened").path))
        #expect(!t.screen.contains("copied") && !t.screen.contains("exported") && !t.screen.contains("opened"))
        try t.resize(10, 5)
        t.wait(for: "Too small")
        try t.keys("q")
        t.wait(for: "EXIT=0")
        // Wide enough again to read the terminal modes the pane's script prints after exit.
        try t.resize(80, 24)
        t.expectRestored(exit: 0)
        #expect(!t.screen.contains("Copied:"))
    }
}
