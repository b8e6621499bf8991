import Foundation
import Testing

/// Issue 14's OSC 8 hyperlinks under tmux: the built binary's raw output (copied by `pipe-pane`
/// before tmux interprets it; tmux 3.3 keeps no hyperlinks, so `capture-pane -e` cannot show them)
/// holds `ESC ] 8 ; ; URL ESC \` around the pieces of a source's URL, and nothing else inside a
/// link; none with CROSSINGS_HYPERLINKS=0, NO_COLOR or TERM=dumb.
@Suite("Hyperlinks end to end under tmux", .timeLimit(.minutes(1)), .enabled(if: EndToEnd.tmux != nil, "tmux is not installed"),
       .enabled(if: EndToEnd.binary != nil, "the crossings executable is not built (swift build first)"))
struct HyperlinksEndToEndTests {
    static let url = "https://nknews.org/2023/10/number-of-north-koreans-entering-russia-surges-in-first-half-of-2023-data"
    static let opening = Array("\u{1B}]8;;\(url)\u{1B}\\".utf8)
    static let closing = Array("\u{1B}]8;;\u{1B}\\".utf8)
    static let anyOSC8 = Array("\u{1B}]8;".utf8)

    /// Runs crossings with `environment` in a shell pane whose output goes to a file as well, opens
    /// the source nknews-2023-10's page, checks the screen shows its URL, quits; the bytes written.
    func output(environment: String, explorer: Bool = true) throws -> [UInt8] {
        let t = try TmuxSession(shellWidth: 80, height: 24)
        let binary = try #require(EndToEnd.binary)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-osc8-\(UUID().uuidString.prefix(8)).out").path
        defer { unlink(path) }
        t.wait(for: "$")
        try t.run(["pipe-pane", "-O", "-t", "t", "cat > '\(path)'"])
        // Whatever the tests run with, only `environment` decides.
        try t.keys("env -u NO_COLOR -u CROSSINGS_HYPERLINKS \(environment) '\(binary)'; echo EXIT=$?", "Enter")
        if explorer {
            t.wait(for: "2025-Q1          295")
            try t.keys("3")
            try t.keys("/", "nknews-2023-10", "Enter")
            try t.keys("Enter")
            // The page, its URL where the grid has it: links change no character on screen.
            t.wait(for: "https://nknews.org/2023/10/number-of-north-koreans-entering-russi")
            t.wait(for: "a-surges-in-first-half-of-2023-data")
            // The selection over the URL's lines and past them, the help over them and away: the
            // rows are drawn again, and so are their links; the text stays where it was.
            try t.keys("j", "j", "j", "j", "j")
            t.wait(for: "› Stored text")
            try t.keys("?")
            t.wait(for: "Keys")
            try t.keys("Escape")
            t.wait(for: "https://nknews.org/2023/10/number-of-north-koreans-entering-russi")
            t.wait(for: "a-surges-in-first-half-of-2023-data")
            try t.keys("q")
        }
        t.wait(for: explorer ? "EXIT=0" : "EXIT=2")
        try t.run(["pipe-pane", "-t", "t"])
        usleep(200_000)
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test("the Source page writes its URL as an OSC 8 link; only pieces of the URL are written inside it")
    func linksAreWritten() throws {
        let bytes = try output(environment: "")
        #expect(bytes.count > 1_000)
        let opened = Self.ranges(of: Self.opening, in: bytes)
        #expect(!opened.isEmpty, "no OSC 8 link to \(Self.url)")
        var shown = ""
        for start in opened {
            let from = start + Self.opening.count
            let end = try #require(Self.ranges(of: Self.closing, in: Array(bytes[from...])).first, "a link never closed")
            let inside = Self.withoutControlSequences(Array(bytes[from..<(from + end)]))
            // Only the run's own characters (ncurses' colours and cursor moves aside).
            #expect(!inside.isEmpty && Self.url.contains(inside), "inside a link: \(inside.debugDescription)")
            shown += inside
        }
        // The two lines the URL is wrapped on, each linked.
        #expect(shown.contains("https://nknews.org/2023/10/number-of-north-koreans-entering-russi"))
        #expect(shown.contains("a-surges-in-first-half-of-2023-data"))
        // Every link the output opens is this URL's, or closes one.
        let all = Self.ranges(of: Self.anyOSC8, in: bytes)
        let closings = Self.ranges(of: Self.closing, in: bytes)
        #expect(all.count == opened.count + closings.count)
    }

    @Test("CROSSINGS_HYPERLINKS=0 and NO_COLOR write no link; CROSSINGS_HYPERLINKS=1 writes them with NO_COLOR")
    func offByOverrideAndNoColor() throws {
        for environment in ["CROSSINGS_HYPERLINKS=0", "NO_COLOR=1"] {
            let bytes = try output(environment: environment)
            #expect(bytes.count > 1_000, "\(environment): nothing captured")
            #expect(Self.ranges(of: Self.anyOSC8, in: bytes).isEmpty, "\(environment)")
        }
        #expect(!Self.ranges(of: Self.opening, in: try output(environment: "NO_COLOR=1 CROSSINGS_HYPERLINKS=1")).isEmpty)
    }

    @Test("TERM=dumb: no explorer (the overview, exit 2), and no link")
    func dumbTerminal() throws {
        let bytes = try output(environment: "TERM=dumb", explorer: false)
        #expect(Self.ranges(of: Self.anyOSC8, in: bytes).isEmpty)
        #expect(String(decoding: bytes, as: UTF8.self).contains("figures"))
    }

    /// Where `needle` starts in `bytes`.
    static func ranges(of needle: [UInt8], in bytes: [UInt8]) -> [Int] {
        guard !needle.isEmpty, bytes.count >= needle.count else { return [] }
        var out: [Int] = []
        var i = 0
        while i <= bytes.count - needle.count {
            if bytes[i] == needle[0], Array(bytes[i..<(i + needle.count)]) == needle { out.append(i); i += needle.count } else { i += 1 }
        }
        return out
    }

    /// The text of some output with CSI sequences (`ESC [ … final`) and other control bytes left out.
    static func withoutControlSequences(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x1B, i + 1 < bytes.count, bytes[i + 1] == 0x5B {
                i += 2
                while i < bytes.count, !(0x40...0x7E).contains(bytes[i]) { i += 1 }
                i += 1
            } else if bytes[i] == 0x1B {
                // ESC ( B and the like (a character set) take three bytes, other escapes two.
                i += i + 1 < bytes.count && Array("()*+".utf8).contains(bytes[i + 1]) ? 3 : 2
            } else {
                if bytes[i] >= 0x20 { out.append(bytes[i]) }
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
