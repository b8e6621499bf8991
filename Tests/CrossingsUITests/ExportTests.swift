import CrossingsCore
@testable import CrossingsUI
import Foundation
import Testing

/// `e`: the page as CSV, each number with the citation `y` copies, written by the backend.
@Suite struct ExportTests {
    let size = Size(width: 80, height: 24)

    func table(_ effects: [Effect]) -> ExportTable? {
        effects.lazy.compactMap { if case .export(let t) = $0 { t } else { nil } }.first
    }

    /// Splits RFC 4180 text into rows of fields (quoted fields may hold commas, quotes and line breaks).
    func parse(_ csv: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = Array(csv)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" { if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false } }
                else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
            else { field.append(c) }
        }
        return rows
    }

    @Test func fieldsAreQuotedAndGuardedAgainstFormulas() {
        #expect(Export.field("plain") == "plain")
        #expect(Export.field("a, b") == "\"a, b\"")
        #expect(Export.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(Export.field("two\nlines") == "\"two\nlines\"")
        #expect(Export.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(Export.field("+1 call") == "'+1 call")
        #expect(Export.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(Export.field("-2+3") == "'-2+3")
        // Numbers stay numbers.
        #expect(Export.field("-12.5") == "-12.5")
        #expect(Export.field("13221") == "13221")
        #expect(Export.field("~13,000") == "\"~13,000\"")
        let t = ExportTable(name: "x", header: ["a", "b"], rows: [["1, 2", "=cmd"]])
        #expect(parse(t.csv) == [["a", "b"], ["1, 2", "'=cmd"]])
    }

    @Test func fileNamesNeverClimbAndCountUp() {
        #expect(Export.fileName("crossings-KP-RU-by-quarter", date: "2026-11-28") == "crossings-KP-RU-by-quarter-2026-11-28.csv")
        #expect(Export.fileName("crossings-KP-RU-by-quarter", date: "2026-11-28", attempt: 3) == "crossings-KP-RU-by-quarter-2026-11-28-3.csv")
        #expect(Export.fileName("../../etc/passwd", date: "d") == "------etc-passwd-d.csv")
    }

    @Test func countsExportIsAnEffectWithEveryPeriodAndItsCitation() throws {
        let start = try run([], size: size)
        let (asked, effects) = update(start, .key(.char("e")))
        let t = try #require(table(effects))
        #expect(effects == [.export(t)])
        #expect(t.name == "crossings-KP-RU-by-quarter")
        #expect(t.header == Export.figureColumns)
        let rows = parse(t.csv)
        #expect(rows.count == t.rows.count + 1)
        #expect(asked.message == "exporting \(t.rows.count) rows…")
        // The selected period's row carries the citation `y` copies, the value as an integer, its marks apart.
        let copied = try #require(copiedLines(update(start, .key(.char("y"))).effects).first)
        let figure = try #require(start.selectedItem?.countRow?.figure)
        let row = try #require(rows.first { $0[1] == figure.key.period.description })
        #expect(row[11] == copied)
        #expect(row[5] == String(figure.value.value))
        #expect(row[8] == figure.display)
        // Who says so: every source the Src column counts, by id.
        #expect(row[9] == String(figure.sourceCount))
        #expect(row[10].split(separator: ";").map(String.init) == figure.sourceIDs && figure.sourceIDs.count == figure.sourceCount)
        #expect(figure.sourceIDs.allSatisfy { start.library.data.sourceByID[$0] != nil })
        // Every mark the screen shows is in the marks column: derived rows say `*`.
        let derived = try #require(start.items(.counts).compactMap(\.countRow).first { $0.figure?.isDerived == true }?.figure)
        #expect(rows.first { $0[1] == derived.key.period.description }?[7].contains("*") == true)
        // The backend's answer names the file on the status line.
        let done = update(asked, .exported("./crossings-KP-RU-by-quarter-2026-11-28.csv", rows: t.rows.count)).state
        #expect(done.message == "exported \(t.rows.count) rows to ./crossings-KP-RU-by-quarter-2026-11-28.csv")
        #expect(update(asked, .exported("/tmp/x/crossings-a-2.csv", rows: 1)).state.message == "exported 1 row to crossings-a-2.csv in /tmp/x")
        #expect(update(asked, .exportFailed("Permission denied: cannot create /x")).state.message == "not exported: Permission denied: cannot create /x")
    }

    /// With a category facet, Counts shows that category: its export's rows are the category's
    /// (measure, category, label), never a category's number under "Total"; a Series page likewise.
    @Test func aCategoryIsExportedAsThatCategory() throws {
        var state = try run(["t", "t"], size: size)
        state.facets.category = "purpose/study"
        state = update(state, .resize(size)).state
        let t = try #require(table(update(state, .key(.char("e"))).effects))
        #expect(t.name == "crossings-KP-RU-purpose-study-by-year")
        let rows = parse(t.csv).dropFirst()
        #expect(!rows.isEmpty && rows.allSatisfy { $0[2] == "purpose" && $0[3] == "study" && $0[4] != "Total" })
        // The values are those the screen shows for the category.
        for r in state.items(.counts).compactMap(\.countRow) {
            let row = try #require(rows.first { $0[1] == r.period.description })
            #expect(row[5] == (r.figure.map { String($0.value.value) } ?? ""))
        }
        // The series of the same category exports the same rows.
        let key = FigureKey(flow: state.flow, period: .year(2024), measure: .purpose, category: "study")
        var series = try run(["t", "t"], size: size)
        series.stack = series.stack + [PageState(.series(key))]
        let s = try #require(table(update(series, .key(.char("e"))).effects))
        #expect(s.rows == t.rows)
    }

    @Test func everyExportingViewGivesRowsAndOthersSaySo() throws {
        // Breakdown of the selected quarter.
        let breakdown = try #require(table(try session(["Enter", "e"], size: size).effects))
        #expect(breakdown.name.hasSuffix("-breakdown"))
        #expect(breakdown.rows.first?[4] == "Total")
        #expect(breakdown.rows.contains { $0[2] == "purpose" })
        // Ranking: rank, code, country first.
        let ranking = try #require(table(try session(["4", "e"], size: size).effects))
        #expect(ranking.header.prefix(3) == ["rank", "code", "country"])
        #expect(ranking.rows.first?[0] == "1")
        #expect(ranking.name.hasPrefix("crossings-ranking-entries-"))
        // Timeline: the events, each with its citation.
        let timeline = try #require(table(try session(["2", "e"], size: size).effects))
        #expect(timeline.header == Export.eventColumns)
        #expect(timeline.rows.count == (try Fixture.dataset()).events.count)
        // The `/` filter narrows what is exported, as it narrows what is shown.
        let filtered = try #require(table(try session(["2", "/", "k", "u", "r", "s", "k", "Enter", "e"], size: size).effects))
        #expect(!filtered.rows.isEmpty && filtered.rows.count < timeline.rows.count)
        // Sources exports nothing (yet): `e` says so instead.
        let (sources, none) = try session(["3", "e"], size: size)
        #expect(table(none) == nil)
        #expect(sources.message.contains("does nothing here"))
    }

    @Test func sideBySideExportsBothFlowsEachPeriod() throws {
        let s = try run(["x"], size: size)
        let other = try #require(s.compare)
        let t = try #require(table(update(s, .export).effects))
        #expect(t.name == "crossings-\(s.flow)-and-\(other)-by-quarter")
        let flows = t.rows.map { $0[0] }
        #expect(flows.count.isMultiple(of: 2))
        #expect(zip(flows, flows.dropFirst()).enumerated().allSatisfy { i, pair in i % 2 == 1 || pair == (s.flow.description, other.description) })
        // A gap keeps its row, with no value and no mark.
        if let gap = t.rows.first(where: { $0[5].isEmpty }) { #expect(gap[7].isEmpty && gap[10].isEmpty && gap[11].hasPrefix("no figure")) }
    }

    @Test func exportedStatusLineAt80x24() throws {
        let asked = try run(["e"], size: size)
        let done = update(asked, .exported("./crossings-KP-RU-by-quarter-2026-11-28.csv", rows: 65)).state
        assertSnapshot(render(done, size).text, named: "export-counts-done-80x24")
    }
}

/// `crossings figures --shown` and `crossings events` with `--format csv` print the rows `e` exports.
@Suite(.enabled(if: EndToEnd.binary != nil, "the crossings executable is not built (swift build first)"))
struct ExportParityTests {
    func output(_ arguments: [String]) throws -> String { try EndToEnd.run(arguments).output }

    @Test func countsByYearMatchFiguresShown() throws {
        let s = try run(["t", "t"], size: Size(width: 80, height: 24))
        #expect(s.granularity == .year)
        let t = try #require(update(s, .export).effects.first.flatMap { if case .export(let t) = $0 { t } else { nil } })
        #expect(try output(["figures", "--shown", "--format", "csv", "--flow", "KP-RU", "--by", "year"]) == t.csv(forTerminal: true))
        #expect(t.csv(forTerminal: true) == t.csv)
    }

    @Test func countsWithinYearsMatchFiguresShownFromTo() throws {
        var s = State(data: try Fixture.dataset(), size: Size(width: 80, height: 24))
        s.facets.fromYear = 2023
        s.facets.toYear = 2024
        let t = try #require(update(s, .export).effects.first.flatMap { if case .export(let t) = $0 { t } else { nil } })
        #expect(t.rows.count == 8)
        #expect(try output(["figures", "--shown", "--format", "csv", "--flow", "KP-RU", "--from", "2023", "--to", "2024"]) == t.csv)
    }

    @Test func timelineMatchesEvents() throws {
        let s = try run(["2"], size: Size(width: 80, height: 24))
        let t = try #require(update(s, .export).effects.first.flatMap { if case .export(let t) = $0 { t } else { nil } })
        #expect(try output(["events", "--format", "csv"]) == t.csv)
    }
}

@Suite("Export end to end under tmux", .timeLimit(.minutes(1)), .enabled(if: EndToEnd.tmux != nil, "tmux is not installed"),
       .enabled(if: EndToEnd.binary != nil, "the crossings executable is not built (swift build first)"))
struct ExportEndToEndTests {
    @Test("e writes Counts to a new file in $CROSSINGS_EXPORT_DIR, names it, and never overwrites")
    func exportCounts() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-export-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try TmuxSession.scenario(environment: "CROSSINGS_EXPORT_DIR='\(dir.path)'") { t in
            try t.press("e", until: "exported")
            var files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            #expect(files.count == 1)
            let name = try #require(files.first)
            #expect(name.hasPrefix("crossings-KP-RU-by-quarter-") && name.hasSuffix(".csv"))
            let csv = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            let lines = csv.split(separator: "\n")
            #expect(lines.first == "flow,period,measure,category,label,value,high,marks,display,sources,source_ids,citation")
            #expect(lines.contains { $0.hasPrefix("KP-RU,2024-Q3,total,,Total,") && $0.contains("entries into Russia by citizens of North Korea in Q3 2024") })
            // Again: a second file beside the first, -2.
            try t.press("e", until: "-2.csv")
            files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
            #expect(files.count == 2)
            #expect(try String(contentsOf: dir.appendingPathComponent(files.first { $0.hasSuffix("-2.csv") } ?? ""), encoding: .utf8) == csv)
        }
    }
}
