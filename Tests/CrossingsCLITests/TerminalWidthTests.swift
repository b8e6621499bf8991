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

    @Test func tooNarrowForAReadableTableItPrintsARecordPerRow() {
        var t = table()
        t.labels = ["Period", "Value", "", "Sources"]
        // The Sources column would get fewer cells than its longest word: records, the marks beside
        // their value, every citation whole where it fits, nothing cut.
        let text = t.render(width: 30)
        #expect(text == """
        Period   2024
        Value    13,221 *!
        Sources  meduza-2026-02-10
                 press-facts P8;
                 actualno-2026-02
                 press-facts-2 Q16;
                 news1-2026-02 ¶2

        Period   2025
        Value    9,985
        Sources  news1-2026-02 ¶1

        """, "\(text)")
        // Where a word is wider than the room beside the label, the value goes under it; a number
        // ("~6.62 million") is never broken, even wider than the line; its marks may go on the next.
        #expect(labelled("Sources", "universityworldnews-2024-11-12 P11", labelWidth: 9, width: 24)
                == ["Sources", "  universityworldnews-", "  2024-11-12 P11"])
        #expect(labelled("Value", cells: ["~6.62 million", "*[12]"], whole: [0], labelWidth: 9, width: 20) == ["Value", "  ~6.62 million", "  *[12]"])
        #expect(labelled("Value", cells: ["1,234,567,890,123"], whole: [0], labelWidth: 9, width: 12) == ["Value", "  1,234,567,890,123"])
        #expect(labelled("Id", "kbs-2024-01", labelWidth: 4, width: nil) == ["Id  kbs-2024-01"])
    }

    @Test func columnsNamedBelowLeaveTheTableBeforeItTurnsToRecords() {
        var t = TextTable(["Id", "Figures", "Title", "Outlet"], rightAligned: [1])
        t.below = [2, 3]
        t.add(["kbs-2024-01", "1,696", "North Korean students in Russia: a long headline", "KBS World"])
        t.add(["rfa-2024-08-13", "14", "", "Radio Free Asia"])
        let text = t.render(width: 30)
        #expect(text == """
        Id              Figures
          Title · Outlet
        --------------  -------
        kbs-2024-01       1,696
          North Korean students in
          Russia: a long headline ·
          KBS World
        rfa-2024-08-13       14
          Radio Free Asia

        """, "\(text)")
        // Narrower than the id and its count: records.
        #expect(t.render(width: 22).hasPrefix("Id       kbs-2024-01\nFigures  1,696\nTitle    North Korean\n"), "\(t.render(width: 22))")
        #expect(t.render(width: 200) == t.render())
    }

    /// Random tables (wide characters, long words, numbers with marks, empty cells) at random
    /// widths from 20 to 160: every line fits, every number is there whole, and with no width the
    /// table is as it was.
    @Test(arguments: 0..<300) func randomTablesFitAndKeepEveryNumber(_ seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed) &* 7919)
        func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
        let words = ["North", "Korea", "학생", "유학생", "российских", "purpose/not-broken-out", "press-facts-2", "¶6;",
                     "universityworldnews-2024-11-12", "a", "the", "→", "(FSB)", "military,transport,statement", "Q16;"]
        let numbers = ["13,221", "~6.62 million", ">=1,000", "3", "+1326.7%*", "n/a[12]", "~10,000", "1.43 million"]
        let n = 2 + Int(rng.next() % 6)
        var headers: [String] = []
        var rightAligned = Set<Int>()
        var t = TextTable([])
        for c in 0..<n {
            headers.append(c > 0 && rng.next() % 5 == 0 ? "" : pick(["Id", "Value", "Sources (or formula, for derived values)", "Tags", "As printed"]))
            switch rng.next() % 4 {
            case 0: rightAligned.insert(c)
            case 1: t.flexible[c] = .wrap
            case 2: t.flexible[c] = .truncate
            default: break
            }
        }
        t.headers = headers
        t.rightAligned = rightAligned
        if rng.next() % 2 == 0 { t.below = (0..<n).filter { t.flexible[$0] != nil && rng.next() % 2 == 0 } }
        var wholeNumbers: [String] = []
        for _ in 0..<(1 + Int(rng.next() % 5)) {
            t.add((0..<n).map { c in
                if rightAligned.contains(c) { let v = pick(numbers); wholeNumbers.append(v); return v }
                if t.flexible[c] == nil { return pick(["KP-RU", "2024-Q1", "", "mediazona-2025-05-08", "2025"]) }
                return (0..<Int(rng.next() % 12)).map { _ in pick(words) }.joined(separator: " ")
            })
        }
        #expect(t.render(width: nil) == t.render())
        let width = 20 + Int(rng.next() % 141)
        let text = t.render(width: width)
        for line in text.split(separator: "\n") {
            #expect(displayWidth(String(line)) <= width, "seed \(seed), width \(width):\n\(text)")
        }
        for v in wholeNumbers { #expect(text.contains(v), "seed \(seed), width \(width): \(v) lost\n\(text)") }
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
    /// `term`: $TERM for the command (one ncurses does not know makes `crossings` print the overview).
    func onTerminal(_ args: [String], columns: Int? = nil, environment: Int? = nil, term: String? = nil, status: Int32 = 0) throws -> String {
        let binary = try #require(Binary.url)
        var quoted = ([binary.path] + args).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        if let term { quoted = "env TERM=\(term) " + quoted }
        var command = "env -u COLUMNS " + quoted
        if let columns { command = "stty cols \(columns) rows 24; " + command }
        if let environment { command = "env COLUMNS=\(environment) " + quoted }
        let run = try runProcess(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"])
        #expect(run.status == status, "\(run.stdout)\(run.stderr)")
        return run.stdout.replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// The widest line, but for a source's URL, which is kept whole to be clicked or copied (beside
    /// its label, or alone on the line under it).
    func widest(_ text: String) -> Int {
        text.split(separator: "\n").filter { !$0.hasPrefix("URL") && !$0.contains("://") }.map { displayWidth(String($0)) }.max() ?? 0
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
        let piped = try Binary.run(args)
        let numbers = Set(piped.stdout.matches(of: /\b\d{1,3}(,\d{3})+\b/).map { String($0.output.0) })
        for n in numbers { #expect(text.contains(n), "\(n) lost at 80 columns") }
    }

    /// Every table command, and the overview `crossings` prints where it cannot open the explorer
    /// (`[]`, with a $TERM ncurses does not know), at every width from a phone's to a wide window.
    static let everyTable: [[String]] = commands + [["events", "--tag", "military"], ["sources", "news1-2026-02"], ["sources", "grishka-2024"], []]
    static let widths = [20, 30, 40, 60, 80, 120]

    /// At each width each line fits (wide characters count two; a URL is kept whole, to be clicked),
    /// every number of the full output is there whole and as often, no number is cut, and the first
    /// table has as many rows (or records) as in full.
    @Test(arguments: everyTable.indices, widths) func fitsEveryWidthAndLosesNothing(_ k: Int, _ columns: Int) throws {
        let args = Self.everyTable[k]
        let overview = args.isEmpty
        let text = try onTerminal(args, environment: columns, term: overview ? "no-such-terminal" : nil, status: overview ? 2 : 0)
        let name = "crossings \(args.joined(separator: " ")) at \(columns) columns"
        for line in text.split(separator: "\n") where !line.contains("://") {
            #expect(displayWidth(String(line)) <= columns, "\(name): \(line)\n\(text)")
        }
        #expect(text.firstMatch(of: /\d[\d,.]*…/) == nil, "\(name)\n\(text)")
        let piped = try Binary.run(args).stdout
        let full = numbers(piped), fitted = numbers(text)
        for (n, count) in full.sorted(by: { $0.key < $1.key }) {
            #expect(fitted[n, default: 0] >= count, "\(name): \(n) \(count) times in full, \(fitted[n, default: 0]) times\n\(text)")
        }
        let label = try #require(firstLabel(piped))
        #expect(rows(text, firstLabel: label) == rows(piped, firstLabel: label), "\(name)\n\(text)")
        #expect(rows(piped, firstLabel: label) > 0)
    }

    /// The standalone numbers in `text` ("13,221", "812" of "812)", "78.0" of "+78.0%[3]"), each with
    /// how often it occurs; not the digits inside an id, a date or a period ("2024-11-09", "2024-Q1").
    func numbers(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for token in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let rest = token.drop { "~<>=+-(".contains($0) }
            var number = String(rest.prefix { $0.isASCII && ($0.isNumber || $0 == "," || $0 == ".") })
            let after = rest.dropFirst(number.count).first
            while number.hasSuffix(",") || number.hasSuffix(".") { number.removeLast() }
            guard number.first?.isNumber == true else { continue }
            if let after, !")%;*![".contains(after), !(after == "," || after == ".") { continue }
            counts[number, default: 0] += 1
        }
        return counts
    }

    /// The first word of the first table's header: the line above its rule (`-----  ----`).
    func firstLabel(_ text: String) -> String? {
        let lines = text.components(separatedBy: "\n")
        guard let rule = lines.firstIndex(where: isRule), rule > 0 else { return nil }
        return lines[..<rule].last { !$0.hasPrefix(" ") }?.split(separator: " ").first.map(String.init)
    }

    func isRule(_ line: String) -> Bool { line.contains("--") && line.allSatisfy { $0 == "-" || $0 == " " } }

    /// The rows of the first table: the lines under its rule that start a row (a wrapped row's other
    /// lines start with a space), or, laid out as records, the lines that start one (its first label)
    /// before the next heading.
    func rows(_ text: String, firstLabel: String) -> Int {
        let lines = text.components(separatedBy: "\n")
        if let rule = lines.firstIndex(where: isRule) {
            return lines[(rule + 1)...].prefix { !$0.isEmpty }.filter { !$0.hasPrefix(" ") }.count
        }
        // Records: up to the next heading ("Ratios it prints (2):").
        guard let first = lines.firstIndex(where: { $0 == firstLabel || $0.hasPrefix(firstLabel + " ") }) else { return 0 }
        let records = lines[first...].prefix { !($0.first.map { $0 != " " } ?? false && $0.hasSuffix("):")) }
        return records.filter { $0 == firstLabel || $0.hasPrefix(firstLabel + " ") }.count
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
