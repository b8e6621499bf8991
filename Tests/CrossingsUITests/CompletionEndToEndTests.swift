import Foundation
import Testing

/// The bash completion script (`crossings --generate-completion-script bash`), loaded in a real
/// interactive bash in tmux: Tab completes a category of --measure, a granularity, the flows the
/// binary lists, and folders for --data.
@Suite("Shell completion under tmux", .timeLimit(.minutes(1)), .enabled(if: EndToEnd.tmux != nil, "tmux is not installed"),
       .enabled(if: EndToEnd.binary != nil, "the crossings executable was not built (swift build first)"),
       .enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash"), "bash is not installed"))
struct CompletionEndToEndTests {
    @Test func bashCompletesValuesFlowsAndFolders() throws {
        let t = try TmuxSession(shellWidth: 120, height: 30)
        let binary = try #require(EndToEnd.binary)
        let dir = (binary as NSString).deletingLastPathComponent
        t.wait(for: "$")
        try t.keys("PATH='\(dir)':$PATH; source <(crossings --generate-completion-script bash); clear", "Enter")
        // One candidate: completed in place.
        // (The screen is read without trailing blanks; typed text starts with a blank, as tmux
        // would take a leading `-` for an option of send-keys. C-u empties the line.)
        try t.keys("crossings figures --measure purpose/stu", "Tab")
        #expect(t.wait(for: "crossings figures --measure purpose/study"))
        try t.keys(" --by h", "Tab")
        #expect(t.wait(for: " --by half"))
        try t.keys("C-u", "clear", "Enter")
        // Several: the second Tab lists them (asked of the binary: the bundled package's flows).
        try t.keys("crossings figures --flow ", "Tab", "Tab")
        #expect(t.wait(for: "RU-EG"))
        #expect(t.screen.contains("KP-RU") && t.screen.contains("RU-KP"))
        try t.keys("C-u", "clear", "Enter")
        try t.keys("crossings figures --flow KP", "Tab")
        #expect(t.wait(for: "crossings figures --flow KP-RU"))
        try t.keys("C-u", "clear", "Enter")
        // A folder for --data.
        try t.keys("crossings --data /usr/shar", "Tab")
        #expect(t.wait(for: "crossings --data /usr/share/"))
        try t.keys("C-u")
    }
}
