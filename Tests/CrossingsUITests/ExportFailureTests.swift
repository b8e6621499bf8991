import CrossingsCore
@testable import CrossingsUI
import Foundation
import Testing

/// Issue 14, hostile review: a failed export showed `not exported: cannot create /…: Not a d…`, its
/// reason cut by the status line. Now the whole message (the path and the reason) is on screen.
@Suite struct ExportFailureTests {
    static let why = "Not a directory: cannot create /home/editor/Documents/newsroom/exports/crossings-KP-RU-by-quarter-2026-11-28.csv/x"

    @Test("a failed export's path and reason are on screen whole", arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40),
                                                                              Size(width: 40, height: 12), Size(width: 32, height: 8)])
    func wholeReason(_ size: Size) throws {
        let asked = try run(["e"], size: size)
        let failed = update(asked, .exportFailed(Self.why)).state
        let message = "not exported: " + Self.why
        #expect(failed.message == message)
        let text = render(failed, size).text
        for line in wrap(message, size.width - 2) { #expect(text.contains(line), "“\(line)” not on screen at \(size):\n\(text)") }
        let rows = text.split(separator: "\n", omittingEmptySubsequences: false)
        let first = try #require(rows.firstIndex { $0.contains("not exported") })
        #expect(!rows[first..<(size.height - 1)].contains { $0.contains("…") }, "cut at \(size):\n\(text)")
        if size == Size(width: 80, height: 24) { assertSnapshot(text, named: "export-failed-80x24") }
        // The next key clears it, as any message.
        #expect(!render(update(failed, .key(.down)).state, size).text.contains("not exported"))
    }
}

@Suite("Export failure under tmux", .timeLimit(.minutes(1)), .enabled(if: EndToEnd.tmux != nil, "tmux is not installed"),
       .enabled(if: EndToEnd.binary != nil, "the crossings executable is not built (swift build first)"))
struct ExportFailureEndToEndTests {
    @Test("e into a directory that is a file: the path and “Not a directory” on screen")
    func notADirectory() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-not-a-dir-\(UUID().uuidString.prefix(8))")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let t = try TmuxSession(width: 80, height: 24, environment: "CROSSINGS_EXPORT_DIR='\(file.path)'")
        t.wait(for: "2025-Q1          295")
        try t.keys("e")
        t.wait(for: "not exported: Not a directory: cannot create")
        t.wait(for: "Not a directory")
        // The path, whole, wrapped or not.
        let joined = t.screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        #expect(joined.contains(file.path.replacingOccurrences(of: " ", with: "") + "/crossings-KP-RU-by-quarter-"))
        try t.keys("q")
        t.expectRestored(exit: 0)
    }
}
