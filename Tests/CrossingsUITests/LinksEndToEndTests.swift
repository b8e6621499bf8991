import Foundation
import Testing

/// Issue 14's `O` under tmux: the built binary hands the selected source's URL to a fake
/// `xdg-open` first on PATH (which records its arguments and tries to draw), or copies it
/// when there is none.
@Suite("Links end to end under tmux", .timeLimit(.minutes(1)), .enabled(if: EndToEnd.tmux != nil, "tmux is not installed"),
       .enabled(if: EndToEnd.binary != nil, "the crossings executable is not built (swift build first)"))
struct LinksEndToEndTests {
    static let url = "https://nknews.org/2023/10/number-of-north-koreans-entering-russia-surges-in-first-half-of-2023-data"

    @Test("O on a Sources row runs xdg-open with the URL as its one argument; its output never reaches the screen")
    func opensWithXdgOpen() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-links-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in ["xdg-open", "open"] {
            try "#!/bin/sh\necho SCRIBBLE\necho SCRIBBLE >&2\nprintf '%s\\n' \"$#\" \"$@\" > '\(dir)/args.tmp'\nmv '\(dir)/args.tmp' '\(dir)/args'\n"
                .write(toFile: "\(dir)/\(name)", atomically: true, encoding: .utf8)
            chmod("\(dir)/\(name)", 0o755)
        }
        try TmuxSession.scenario(environment: "PATH='\(dir)':\"$PATH\"", firstFrame: ["2025-Q1          295"]) { t in
            try t.keys("3")
            try t.keys("/", "nknews-2023-10", "Enter")
            try t.press("O", until: "opened with ")
            var args: String?
            for _ in 0..<100 where args == nil {
                args = try? String(contentsOfFile: dir + "/args", encoding: .utf8)
                if args == nil { usleep(50_000) }
            }
            #expect(args == "1\n\(Self.url)\n")
            usleep(200_000)
            #expect(!t.screen.contains("SCRIBBLE"))
        }
    }

    @Test("without xdg-open or open, O copies the URL and says so; it is printed on exit")
    func copiesWithoutAnOpener() throws {
        // A PATH of only the tools the pane's script uses: no opener on it, whatever is installed.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-links-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for tool in ["sh", "stty", "tr", "grep", "sleep"] {
            for bin in ["/usr/bin", "/bin"] where FileManager.default.isExecutableFile(atPath: "\(bin)/\(tool)") {
                try? FileManager.default.createSymbolicLink(atPath: "\(dir)/\(tool)", withDestinationPath: "\(bin)/\(tool)")
            }
        }
        try TmuxSession.scenario(environment: "PATH='\(dir)'", firstFrame: ["2025-Q1          295"], quit: nil) { t in
            try t.keys("3")
            try t.keys("/", "nknews-2023-10", "Enter")
            try t.press("O", until: "no xdg-open or open to open it with; copied:",
                        "https://nknews.org/2023/10/number-of-north-koreans-entering-russia-surges-in-f")
            try t.keys("q")
            // Printed on exit (wrapped at 80 columns by the pane).
            t.wait(for: "Copied: https://nknews.org/2023/10/number-of-north-koreans-entering-russia-surge")
            t.expectRestored(exit: 0)
        }
    }
}
