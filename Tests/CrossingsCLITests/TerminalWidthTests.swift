import CrossingsCore
import Foundation
import Testing

/// Tables fitted to the terminal (issue 14): the text columns named flexible wrap or are cut
/// with `…`; numbers and their marks never are; with no width the table is what it always was.
struct TextTableWidthTests {
    func table() -> TextTable {
        var t = TextTable(["Period", "Value", "", "Sources"], rightAligned: [1])
        t.flexible = [3: .wrap]
        t.add(["2024", "13,221", "*!", "meduza-2026-02-10 press-facts P8; actualno-2026-02 press-facts-2 Q16; news1-2026-02 ¶2"])
        t.add(["2025", "9,985", "", "news1-2026-02 ¶1"])
        return t
    }

    @Test func withNoWidthOrRoomEnoughTheTableIsAsItWas() {
        let t = table()
        #expect(t.render(width: nil) == t.render())
        #expect(t.render(width: 500) == t.render())
    }

    @Test func aNarrowTableWrapsItsTextAndKeepsEveryNumberAndMark() {
        let t = table()
        let text = t.render(width: 40)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.allSatisfy { displayWidth(String($0)) <= 40 }, "\(text)")
        // Each citation starts a line of its own (a line breaks after a citation's `;`), and nothing is lost.
        #expect(text == """
        Period   Value      Sources
        ------  ------  --  --------------------
        2024    13,221  *!  meduza-2026-02-10
                            press-facts P8;
                            actualno-2026-02
                            press-facts-2 Q16;
                            news1-2026-02 ¶2
        2025     9,985      news1-2026-02 ¶1

        """, "\(text)")
    }

    @Test func truncatedCellsEndInAnEllipsisAndCountWideCharactersTwice() {
        var t = TextTable(["Id", "Figures", "Title"], rightAligned: [1])
        t.flexible = [2: .truncate]
        t.add(["kbs-2024-01", "1,696", "북한 유학생 러시아 입국 급증: a long headline about students"])
        let text = t.render(width: 30)
        for line in text.split(separator: "\n") { #expect(displayWidth(String(line)) <= 30, "\(text)") }
        #expect(text.contains("kbs-2024-01    1,696  북한 유…"), "\(text)")
        #expect(truncated("abcdef", to: 4) == "abc…")
        #expect(truncated("abc", to: 4) == "abc")
        #expect(truncated("10,000 North Koreans", to: 5) == "…")
        #expect(truncated("10,000 North Koreans", to: 8) == "10,000…")
        #expect(truncated("In 2024 more", to: 6) == "In…")
    }

    @Test func aWordWiderThanTheColumnIsBrokenNotLost() {
        #expect(wrapped("military,transport,statement", to: 12) == ["military,", "transport,", "statement"])
        #expect(wrapped("abcdefghij", to: 4).joined() == "abcdefghij")
        #expect(wrappedProse("~ about   > more than   * derived", width: 21) == "~ about   > more than\n* derived")
        #expect(wrappedProse("  p. 3  12 May  a long summary of the event", width: 20, indent: 4) == "  p. 3  12 May  a\n    long summary of\n    the event")
    }

    @Test func countsHaveSeparatorsAndOneIsSingular() {
        #expect(counted(66675, "figure") == "66,675 figures")
        #expect(counted(1, "country", plural: "countries") == "1 country")
        #expect(counted(0, "event") == "0 events")
    }
}

/// The real command on a pseudo-terminal, through script(1): the width from $COLUMNS, or from
/// the terminal itself (TIOCGWINSZ, set with `stty cols`); --wide and a pipe print everything.
@Suite(.enabled(if: Binary.available && FileManager.default.isExecutableFile(atPath: "/usr/bin/script"),
                "the crossings executable was not built, or script(1) is missing (apt-get install bsdutils)"))
struct TerminalWidthCommandTests {
    /// What `crossings ARGS` prints on a terminal of `columns` columns (`stty cols`, no $COLUMNS),
    /// or with $COLUMNS set to `environment` (the terminal's own width then left at 0).
    func onTerminal(_ args: [String], columns: Int? = nil, environment: Int? = nil) throws -> String {
        let binary = try #require(Binary.url)
        let quoted = ([binary.path] + args).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        var command = "env -u COLUMNS " + quoted
        if let columns { command = "stty cols \(columns) rows 24; " + command }
        if let environment { command = "env COLUMNS=\(environment) " + quoted }
        let run = try runProcess(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        return run.stdout.replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// The widest line, but for a source's URL, which is kept whole to be clicked or copied.
    func widest(_ text: String) -> Int {
        text.split(separator: "\n").filter { !$0.hasPrefix("URL") }.map { displayWidth(String($0)) }.max() ?? 0
    }

    static let commands: [[String]] = [
        ["figures", "--flow", "RU-KP", "--from", "2021", "--to", "2025", "--by", "year", "--measure", "total"],
        ["figures", "--flow", "KP-RU", "--from", "2024", "--to", "2024"],
        ["events"],
        ["sources"],
        ["sources", "mediazona-2025-05-08"],
    ]

    @Test(arguments: commands) func fitsEightyColumnsFromTheTerminalItself(_ args: [String]) throws {
        let text = try onTerminal(args, columns: 80)
        #expect(widest(text) <= 80, "crossings \(args.joined(separator: " ")) at 80 columns:\n\(text)")
        // No number is cut ("10,0…"), and every figure of the full table is still there, whole.
        #expect(text.firstMatch(of: /\d[\d,.]*…/) == nil, "\(text)")
        guard args.first != "sources" else { return }  // its numbers in titles may be cut off whole
        let piped = try Binary.run(args)
        let numbers = Set(piped.stdout.matches(of: /\b\d{1,3}(,\d{3})+\b/).map { String($0.output.0) })
        for n in numbers { #expect(text.contains(n), "\(n) lost at 80 columns") }
    }

    /// The fitted tables at 80 columns, kept in Fixtures/terminal (CROSSINGS_RECORD=1 rewrites them; review by eye).
    static let goldens: [String: [String]] = [
        "figures-ru-kp-by-year": ["figures", "--flow", "RU-KP", "--from", "2021", "--to", "2025", "--by", "year", "--measure", "total"],
        "figures-kp-ru-2024-q1": ["figures", "--flow", "KP-RU", "--from", "2024-Q1", "--to", "2024-Q1"],
        "events-military": ["events", "--tag", "military"],
        "sources": ["sources"],
        "source-mediazona-2025-05-08": ["sources", "mediazona-2025-05-08"],
    ]

    @Test(arguments: goldens.keys.sorted()) func goldenAtEightyColumns(_ name: String) throws {
        let text = try onTerminal(try #require(Self.goldens[name]), columns: 80)
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/terminal/\(name)-80.txt")
        if ProcessInfo.processInfo.environment["CROSSINGS_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        } else {
            let golden = try String(contentsOf: url, encoding: .utf8)
            #expect(text == golden, "crossings \(Self.goldens[name]!.joined(separator: " ")) at 80 columns differs from \(url.lastPathComponent) (CROSSINGS_RECORD=1 rewrites it)")
        }
    }

    @Test func columnsFromTheEnvironmentWin() throws {
        let args = ["events", "--tag", "military"]
        let text = try onTerminal(args, environment: 60)
        #expect(widest(text) <= 60, "\(text)")
        #expect(widest(text) > 40)
    }

    @Test func wideAndAPipePrintEverythingAsBefore() throws {
        let args = ["figures", "--flow", "RU-KP", "--from", "2021", "--to", "2025", "--by", "year", "--measure", "total"]
        let piped = try Binary.run(args)
        #expect(try Binary.run(args + ["--wide"]).stdout == piped.stdout)
        #expect(try onTerminal(args + ["--wide"], columns: 80) == piped.stdout)
        #expect(widest(piped.stdout) > 80)
        // The first row keeps both its citations, on the one line.
        #expect(piped.stdout.contains("meduza-2026-02-10 press-facts P8; actualno-2026-02 press-facts-2 Q16\n"))
    }

    @Test func theFittedFiguresTableKeepsItsCitationsAndMarks() throws {
        let text = try onTerminal(["figures", "--flow", "RU-KP", "--from", "2021", "--to", "2025", "--by", "year", "--measure", "total"], columns: 80)
        #expect(text.contains("RU-KP  2022    total         73  [2]  +78.0%[3]  meduza-2026-02-10"), "\(text)")
        #expect(text.contains("RU-KP  2025    total    ~10,000                  news1-2026-02 ¶1"), "\(text)")
        #expect(text.contains("actualno-2026-02 press-facts-2"), "\(text)")
        #expect(text.contains("[3] RU-KP 2022 total: the change compares 2021 and 2022, each covering 2 of\n    4 quarters"), "\(text)")
    }
}

/// The overview counts with separators (a package of 2,000 figures, from crossings-generate).
@Suite(.enabled(if: Binary.available && Binary.generatorURL != nil, "crossings or crossings-generate was not built"))
struct OverviewCountTests {
    @Test func theOverviewGroupsThousands() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-overview-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let generated = try runProcess(try #require(Binary.generatorURL), ["--observations", "2000", "--seed", "7", "--into", dir.path])
        #expect(generated.status == 0, "\(generated.stderr)")
        let run = try Binary.run(["--data", dir.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("2,000 figures"), "\(run.stdout)")
        #expect(!run.stdout.contains("2000 figures"))
        let validate = try Binary.run(["validate", "--data", dir.path])
        #expect(validate.stderr.contains("valid — 2,000 figures"), "\(validate.stderr)")
    }
}
