import Foundation
import Testing

/// The built `crossings` binary, run in a private tmux server: what an editor
/// sees, keys as they type them, and the terminal as it is left afterwards.
enum EndToEnd {
    /// tmux on the PATH, if any.
    static let tmux: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/tmux"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    /// Runs the built `crossings` with `arguments` (no terminal) and returns its exit status and
    /// standard output: the CLI twin of a screen, for the export parity tests.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try #require(binary))
        p.arguments = arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The `crossings` executable built beside the test bundle (so a custom
    /// --scratch-path works), else <package root>/.build/debug/crossings.
    static let binary: String? = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = dir.appendingPathComponent("crossings").path
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDir), !isDir.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        let fallback = Fixture.root.appendingPathComponent(".build/debug/crossings").path
        return FileManager.default.isExecutableFile(atPath: fallback) ? fallback : nil
    }()

    static var available: Bool { tmux != nil && binary != nil }
}

/// One private tmux server (its own socket, no user config) with one pane.
final class TmuxSession {
    let socket = "crossings-e2e-\(UUID().uuidString.prefix(8))"
    let tmux: String

    /// Starts `crossings` in a pane of the given size. The pane's shell prints the
    /// exit status and the terminal modes once crossings has gone.
    let script: URL

    init(width: Int, height: Int, environment: String = "", arguments: [String] = []) throws {
        tmux = try #require(EndToEnd.tmux, "tmux is not installed")
        let binary = try #require(EndToEnd.binary, "the crossings executable was not built beside the tests")
        script = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket).sh")
        // The pane runs crossings, then shows its exit status and the terminal modes it left.
        let text = """
        ulimit -c 0
        trap : INT QUIT
        '\(binary)' \(arguments.map { "'\($0)'" }.joined(separator: " "))
        echo EXIT=$?
        stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '
        echo
        sleep 30

        """
        try text.write(to: script, atomically: true, encoding: .utf8)
        try run(["new-session", "-d", "-s", "t", "-x", String(width), "-y", String(height),
                 "env TERM=tmux-256color LANG=C.UTF-8 \(environment) sh '\(script.path)'"])
    }

    /// An interactive shell (for job control) in a pane; `crossings` is started by typing.
    init(shellWidth width: Int, height: Int) throws {
        tmux = try #require(EndToEnd.tmux, "tmux is not installed")
        _ = try #require(EndToEnd.binary, "the crossings executable was not built beside the tests")
        script = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket).sh")
        try run(["new-session", "-d", "-s", "t", "-x", String(width), "-y", String(height),
                 "env TERM=tmux-256color LANG=C.UTF-8 PS1='$ ' bash --norc --noprofile -i"])
    }

    deinit {
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(at: script)
        // tmux leaves its socket behind when the server is killed.
        let dir = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        unlink("\(dir)/tmux-\(getuid())/\(socket)")
    }

    /// Runs a tmux command on this server and returns what it printed.
    ///
    /// posix_spawn, not Foundation's Process: new-session forks the tmux server,
    /// which would inherit Process's exit-watching descriptor (and any pipe) and
    /// keep the test waiting for ever. Output goes through a file, and the child
    /// gets no descriptor of ours beyond 0, 1 and 2.
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let outPath = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID().uuidString.prefix(6)).out").path
        defer { unlink(outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for fd in open.compactMap({ Int32($0) }) where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env.removeValue(forKey: "TMUX")
        let argv = [tmux, "-L", socket, "-f", "/dev/null"] + arguments
        let envp = env.map { "\($0.key)=\($0.value)" }
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        var cEnv: [UnsafeMutablePointer<CChar>?] = envp.map { strdup($0) } + [nil]
        defer {
            for p in cArgs { free(p) }
            for p in cEnv { free(p) }
        }
        // Default signal handling in the child, whatever the test runner ignores:
        // kill-server ends the panes with SIGHUP.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, tmux, &actions, &attributes, &cArgs, &cEnv)
        guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    }

    var screen: String { (try? run(["capture-pane", "-t", "t", "-p"])) ?? "" }

    /// `#{alternate_on}`: 1 while a full-screen program holds the terminal.
    var alternateScreen: String { ((try? run(["display", "-t", "t", "-p", "#{alternate_on}"])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    /// `#{cursor_flag}`: 1 while the cursor is shown.
    var cursorVisible: String { ((try? run(["display", "-t", "t", "-p", "#{cursor_flag}"])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    func keys(_ keys: String...) throws { try run(["send-keys", "-t", "t"] + keys) }

    /// Pastes text as a terminal does: bracketed (`ESC [200~` … `ESC [201~`) when the program asked for it.
    func paste(_ text: String) throws {
        try run(["set-buffer", "-b", "p", text])
        try run(["paste-buffer", "-p", "-d", "-b", "p", "-t", "t"])
    }

    func resize(_ width: Int, _ height: Int) throws {
        try run(["resize-window", "-t", "t", "-x", String(width), "-y", String(height)])
    }

    /// Types keys (tmux names: `Enter`, `BSpace`, `C-c`…), then waits for each text in turn.
    func press(_ keys: String..., until texts: String..., sourceLocation: SourceLocation = #_sourceLocation) throws {
        try run(["send-keys", "-t", "t"] + keys)
        for text in texts { wait(for: text, sourceLocation: sourceLocation) }
    }

    /// Polls the screen (at most 100 × 50 ms) until it holds the text.
    @discardableResult
    func wait(for text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        for _ in 0..<100 {
            if screen.contains(text) { return true }
            usleep(50_000)
        }
        Issue.record("the screen never showed “\(text)”:\n\(screen)", sourceLocation: sourceLocation)
        return false
    }

    /// The pid of crossings: the child of the pane's shell.
    func programPID() throws -> Int32 {
        let shell = try run(["display", "-t", "t", "-p", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        for _ in 0..<100 {
            let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
            if let pid = children.split(separator: " ").first.flatMap({ Int32($0) }) { return pid }
            usleep(50_000)
        }
        throw CancellationError()
    }

    /// After crossings has gone: the terminal is back on the normal screen, in
    /// canonical mode with echo.
    func expectRestored(exit status: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        guard wait(for: "EXIT=\(status)", sourceLocation: sourceLocation) else { return }
        #expect(alternateScreen == "0", "still on the alternate screen", sourceLocation: sourceLocation)
        // The line after EXIT= lists the modes: `icanon echo` (a leading - would mean off).
        _ = wait(for: "icanon", sourceLocation: sourceLocation)
        let lines = screen.split(separator: "\n")
        let modes = lines.first { $0.contains("icanon") }.map(String.init) ?? ""
        #expect(modes.split(separator: " ").contains("icanon"), "canonical mode not restored: \(modes)", sourceLocation: sourceLocation)
        #expect(modes.split(separator: " ").contains("echo"), "echo not restored: \(modes)", sourceLocation: sourceLocation)
    }
}

extension TmuxSession {
    /// One explorer session as the end-to-end tests play it: `crossings` (with `arguments`, in
    /// `environment`) started in a pane of the given size; its first frame awaited (every text
    /// of `firstFrame` on screen; if one never shows, the test fails there and the steps are not
    /// run); the steps; then `quit` typed and the terminal expected restored with exit status 0
    /// (`quit: nil` when the steps end the program themselves). The session is returned, alive,
    /// for what is checked after the exit.
    @discardableResult
    static func scenario(width: Int = 80, height: Int = 24, environment: String = "", arguments: [String] = [],
                         firstFrame: [String] = ["Period"], quit: String? = "q",
                         sourceLocation: SourceLocation = #_sourceLocation,
                         _ steps: (TmuxSession) throws -> Void = { _ in }) throws -> TmuxSession {
        let t = try TmuxSession(width: width, height: height, environment: environment, arguments: arguments)
        for text in firstFrame {
            guard t.wait(for: text, sourceLocation: sourceLocation) else { return t }
        }
        try steps(t)
        if let quit {
            try t.keys(quit)
            t.expectRestored(exit: 0, sourceLocation: sourceLocation)
        }
        return t
    }
}

@Suite("End to end under tmux", .timeLimit(.minutes(1)), .enabled(if: EndToEnd.tmux != nil, "tmux is not installed"),
       .enabled(if: EndToEnd.binary != nil, "the crossings executable is not built (swift build first)"))
struct EndToEndTests {
    @Test("start, move, drill down to a citation, filter, resize small and back, quit with q")
    func walkThrough() throws {
        try TmuxSession.scenario(firstFrame: ["Period", "2025-Q1          295"]) { t in
            #expect(t.alternateScreen == "1")
            // Move up to 2024-Q3 and open its breakdown.
            try t.press("k", "k", "Enter", until: "KP-RU › 2024-Q3", "3,765    71.5%")
            // Down to study, then its citations.
            try t.press("j", "j", "j", "j", "j", "Enter", until: "KP-RU › 2024-Q3 › purpose › study › sources",
                        "3,765  the precise value every source agrees with", "koreaherald-2024-11-09 press-facts P4")
            // Back twice, then filter the periods.
            try t.press("BSpace", until: "Category")
            try t.press("Escape", until: "Period")
            try t.press("/", "2", "0", "2", "4", until: "/2024_ 4 of 61")
            try t.press("Enter", until: "/2024 4 of 61")
            #expect(!t.screen.contains("2023-Q4"))
            // Resize to tiny and back.
            try t.resize(20, 6)
            t.wait(for: "Too small")
            try t.resize(80, 24)
            t.wait(for: "Period")
            t.wait(for: "2024-Q3        5,263")
        }
    }

    @Test("lines pasted into v are one sentence, not keys (a q on its own line does not quit); paste mode is off after exit")
    func pasteIntoTheCheckPrompt() throws {
        let t = try TmuxSession.scenario(width: 100, height: 30) { t in
            try t.press("v", until: "check: _")
            try t.paste("In 2024, 20,000 North Koreans\nentered Russia.\nq\n")
            t.wait(for: "check: In 2024, 20,000 North Koreans entered Russia. q_")
            try t.press("Enter", until: "CONTRADICTED  “20,000”  KP-RU 2024 total")
        }
        // The shell after it gets a plain paste: no `^[[200~` echoed around it.
        try t.paste("after-exit")
        t.wait(for: "after-exit")
        #expect(!t.screen.contains("200~"), "bracketed paste left on:\n\(t.screen)")
    }

    @Test("a paste holding the paste's end marker stays text (no q run, nothing handed to the shell); a stray end marker is swallowed")
    func pasteEndMarkerInjection() throws {
        try TmuxSession.scenario(width: 100, height: 30, quit: nil) { t in
            try t.press("v", until: "check: _")
            try t.paste("In 2024\u{1B}[201~q touch /tmp/crossings-injected\r")
            t.wait(for: "check: In 2024q touch /tmp/crossings-injected_")
            // A paste's end sent on its own (no paste open) is not Esc, 2, 0, 1, ~.
            try t.run(["send-keys", "-t", "t", "-l", "\u{1B}[201~"])
            try t.press("x", until: "check: In 2024q touch /tmp/crossings-injectedx_")
            #expect(!FileManager.default.fileExists(atPath: "/tmp/crossings-injected"))
            try t.keys("Escape", "q")
            t.expectRestored(exit: 0)
        }
    }

    @Test("y copies the selected number; the line is printed on exit")
    func copyPrintedOnExit() throws {
        let t = try TmuxSession.scenario(width: 100, height: 30) { t in
            try t.press("y", until: "copied: 295 entries")
        }
        t.wait(for: "Copied: 295 entries into Russia by citizens of North Korea in Q1 2025")
    }

    @Test("SIGTERM, SIGHUP and SIGQUIT restore the terminal and exit 128 + signal", arguments: [(SIGTERM, 143), (SIGHUP, 129), (SIGQUIT, 131)])
    func signal(_ signal: Int32, _ status: Int) throws {
        try TmuxSession.scenario(quit: nil) { t in
            try t.press("2", until: "Timeline]")
            kill(try t.programPID(), signal)
            t.expectRestored(exit: status)
        }
    }

    @Test("a crash signal restores the terminal (normal screen, cursor shown, modes back), says so in one line, and dies of that signal",
          arguments: [(SIGSEGV, 139), (SIGILL, 132), (SIGABRT, 134), (SIGBUS, 135), (SIGFPE, 136), (SIGTRAP, 133)])
    func fatalSignal(_ signal: Int32, _ status: Int) throws {
        try TmuxSession.scenario(width: 130, height: 24, quit: nil) { t in
            #expect(t.alternateScreen == "1")
            #expect(t.cursorVisible == "0")
            kill(try t.programPID(), signal)
            t.expectRestored(exit: status)
            #expect(t.cursorVisible == "1", "the cursor is still hidden")
            t.wait(for: "crossings: internal error (signal \(signal)); the terminal was restored. Please report it, with what you did just before.")
        }
    }

    @Test("a Swift trap in the explorer's loop (an index out of range) restores the terminal and exits 128 + SIGILL (SIGTRAP on arm64)")
    func swiftTrap() throws {
        #if arch(x86_64)
        let signal = SIGILL
        #else
        let signal = SIGTRAP
        #endif
        // No first frame to wait for: the trap comes right after it.
        try TmuxSession.scenario(width: 130, height: 24, environment: "CROSSINGS_TEST_TRAP=after-first-frame", firstFrame: [], quit: nil) { t in
            t.expectRestored(exit: 128 + Int(signal))
            #expect(t.cursorVisible == "1", "the cursor is still hidden")
            t.wait(for: "crossings: internal error (signal \(signal)); the terminal was restored.")
        }
    }

    @Test("a crash signal after Ctrl-Z and fg still restores the terminal (the handlers are back after a resume)")
    func fatalSignalAfterResume() throws {
        let t = try TmuxSession(shellWidth: 130, height: 24)
        let binary = try #require(EndToEnd.binary)
        t.wait(for: "$")
        try t.keys("ulimit -c 0", "Enter")
        try t.keys("'\(binary)'", "Enter")
        t.wait(for: "Period")
        try t.keys("C-z")
        t.wait(for: "Stopped")
        try t.keys("fg", "Enter")
        t.wait(for: "Period")
        #expect(t.alternateScreen == "1")
        let pid = try t.programPID()
        kill(pid, SIGSEGV)
        // fg returns the job's status.
        for _ in 0..<100 where t.alternateScreen != "0" { usleep(50_000) }
        try t.keys("echo EXIT=$?", "Enter")
        t.wait(for: "EXIT=139")
        #expect(t.alternateScreen == "0")
        #expect(t.cursorVisible == "1")
        t.wait(for: "crossings: internal error (signal 11); the terminal was restored.")
    }

    @Test("Ctrl-C restores the terminal and exits 130")
    func interrupt() throws {
        try TmuxSession.scenario(quit: nil) { t in
            try t.keys("C-c")
            t.expectRestored(exit: 130)
        }
    }

    @Test("Ctrl-\\ (SIGQUIT) restores the terminal and exits 131, no crash report over the screen")
    func quitKey() throws {
        try TmuxSession.scenario(quit: nil) { t in
            try t.keys("C-\\")
            t.expectRestored(exit: 131)
            #expect(!t.screen.contains("Crash") && !t.screen.contains("backtrace"))
        }
    }

    @Test("TERM=dumb: no full-screen explorer; the overview is printed instead, exit 2")
    func dumbTerminal() throws {
        try TmuxSession.scenario(environment: "TERM=dumb", firstFrame: [], quit: nil) { t in
            guard t.wait(for: "EXIT=2") else { return }
            // The overview (its first lines, and the message before them, have scrolled off a 24-line pane).
            #expect(t.screen.contains("KP-RU  citizens of North Korea entering Russia"))
        }
    }

    @Test("Ctrl-Z suspends with the terminal restored; fg resumes with a full redraw")
    func suspendResume() throws {
        let t = try TmuxSession(shellWidth: 80, height: 24)
        let binary = try #require(EndToEnd.binary)
        t.wait(for: "$")
        try t.keys("'\(binary)'", "Enter")
        t.wait(for: "Period")
        try t.keys("2")
        t.wait(for: "Timeline]")
        try t.keys("g")
        t.wait(for: "›2017")
        try t.keys("C-z")
        t.wait(for: "Stopped")
        #expect(t.alternateScreen == "0")
        try t.keys("clear", "Enter")
        try t.keys("fg", "Enter")
        t.wait(for: "Timeline]")
        t.wait(for: "The UN Security Council adopts")
        #expect(t.alternateScreen == "1")
        try t.keys("q")
        for _ in 0..<100 where t.alternateScreen != "0" { usleep(50_000) }
        #expect(t.alternateScreen == "0")
    }

    @Test("NO_COLOR: the explorer still draws, without colours")
    func noColor() throws {
        try TmuxSession.scenario(environment: "NO_COLOR=1") { t in
            let coloured = (try? t.run(["capture-pane", "-t", "t", "-p", "-e"])) ?? ""
            // A colour is SGR 30–38, 40–48, 90–97 or 100–107; attributes (bold 1, dim 2,
            // reverse 7) and the defaults (39, 49) are allowed.
            let sgr = try Regex("\u{1B}\\[([0-9;]*)m")
            var colours: [String] = []
            for match in coloured.matches(of: sgr) {
                let params = String(coloured[match.range]).dropFirst(2).dropLast().split(separator: ";").compactMap { Int($0) }
                if params.contains(where: { (30...38).contains($0) || (40...48).contains($0) || (90...97).contains($0) || (100...107).contains($0) }) {
                    colours.append(String(coloured[match.range]).replacingOccurrences(of: "\u{1B}", with: "\\e"))
                }
            }
            #expect(colours.isEmpty, "colour escapes under NO_COLOR: \(colours.prefix(5))")
        }
    }
}

@Suite("Countries end to end under tmux", .timeLimit(.minutes(1)), .enabled(if: EndToEnd.tmux != nil, "tmux is not installed"),
       .enabled(if: EndToEnd.binary != nil, "the crossings executable is not built (swift build first)"))
struct CountriesEndToEndTests {
    @Test("--data: open the picker, type a search, select a flow, put another beside it, rank the countries")
    func picker() throws {
        try TmuxSession.scenario(arguments: ["--data", Countries.directory], firstFrame: ["Period", "KP-RU by quarter"]) { t in
            try t.press("o", until: "search: _", "5 of 5")
            try t.press("c", "h", "i", until: "search: chi_", "1 of 5", "[CN-RU 2023–2024]")
            try t.press("Enter", until: "CN-RU by quarter", "2024-Q4          180")
            // Beside it, the trips the other way: x.
            try t.press("x", until: "CN-RU vs RU-CN by quarter", "2024-Q4          180")
            // The ranking: CN first.
            try t.press("4", until: "ranking › entries into Russia 2024", "1 CN   China")
        }
    }

    @Test("a slow load shows its progress; q quits during the load")
    func progress() throws {
        let dir = try Self.bigPackage(rows: 400_000)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try TmuxSession.scenario(arguments: ["--data", dir], firstFrame: ["Loading \(dir)", "q or Ctrl-C quits"])
    }

    @Test("Ctrl-C during a slow load exits 130 with the terminal restored")
    func interruptLoad() throws {
        let dir = try Self.bigPackage(rows: 400_000)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try TmuxSession.scenario(arguments: ["--data", dir], firstFrame: ["Loading"], quit: nil) { t in
            try t.keys("C-c")
            t.expectRestored(exit: 130)
        }
    }

    @Test("errors in the package are shown as for commands (file:line:column), exit 2")
    func brokenPackage() throws {
        let dir = try Self.copyFixture()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/observations.csv"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "fsb-test/2,CN-RU,2023-Q2,total,,110,", with: "fsb-test/2,CN-RU,2023-Q2,total,,eleven,")
            .write(toFile: file, atomically: true, encoding: .utf8)
        try TmuxSession.scenario(width: 100, height: 24, arguments: ["--data", dir], firstFrame: [], quit: nil) { t in
            t.expectRestored(exit: 2)
            t.wait(for: "observations.csv:3:")
            t.wait(for: "nothing was loaded")
        }
    }

    static func copyFixture() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-e2e-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.copyItem(atPath: Countries.directory, toPath: dir)
        return dir
    }

    /// The fixture with many more observations (quarters of made-up flows), so that loading takes a while.
    static func bigPackage(rows: Int) throws -> String {
        let dir = try copyFixture()
        var countries = try String(contentsOfFile: dir + "/countries.csv", encoding: .utf8)
        var lines = ["id,flow,period,measure,category,value,high,qualifier,printed,producer,source,locator,note"]
        lines.reserveCapacity(rows + 1)
        let codes = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".map { "Q\($0)" }
        var n = 0
        var used = Set<String>()
        outer: for code in codes {
            for flow in ["\(code)-RU", "RU-\(code)"] {
                for year in 1900...2024 {
                    for q in 1...4 {
                        for category in ["air", "rail", "road", "sea", "foot"] {
                            n += 1
                            lines.append("big/\(n),\(flow),\(year)-Q\(q),transport,\(category),\(n % 97),,exact,\(n % 97),FSB border service,fsb-test,L\(n),")
                            if n >= rows { used.insert(code); break outer }
                        }
                    }
                }
            }
            used.insert(code)
        }
        for code in used.sorted() { countries += "\(code),Country \(code)\n" }
        try countries.write(toFile: dir + "/countries.csv", atomically: true, encoding: .utf8)
        try (lines.joined(separator: "\n") + "\n").write(toFile: dir + "/observations.csv", atomically: true, encoding: .utf8)
        return dir
    }
}
