import CrossingsCore
import Foundation
import Testing

/// The CLI's part of the hostile review of issue 14: the default `figures` listing holds every row
/// `--by` gives, and `sources ID` and `import` fit the terminal.
@Suite(.enabled(if: Binary.available && FileManager.default.isExecutableFile(atPath: "/usr/bin/script"),
                "the crossings executable was not built, or script(1) is missing (apt-get install bsdutils)"))
struct HostileReview14CommandTests {
    /// `crossings ARGS` on a pseudo-terminal with $COLUMNS set (as TerminalWidthCommandTests do).
    func onTerminal(_ args: [String], columns: Int, status: Int32 = 0) throws -> String {
        let binary = try #require(Binary.url)
        let quoted = ([binary.path] + args).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let run = try runProcess(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", "env COLUMNS=\(columns) " + quoted, "/dev/null"])
        #expect(run.status == status, "\(run.stdout)\(run.stderr)")
        return run.stdout.replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// (period, value, status) of each csv row.
    func rows(_ args: [String]) throws -> Set<String> {
        let run = try Binary.run(["figures"] + args + ["--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        return Set(csvRows(run.stdout).map { "\($0["flow"]!) \($0["period"]!) \($0["measure"]!) \($0["category"]!) \($0["display"]!) \($0["status"]!)" })
    }

    @Test func theDefaultListingHoldsEveryRowOfEachBy() throws {
        let range = ["--from", "2023", "--to", "2025"]
        let all = try rows(range)
        for by in ["quarter", "half", "year"] {
            let some = try rows(range + ["--by", by])
            #expect(!some.isEmpty)
            #expect(some.subtracting(all).isEmpty, "--by \(by) lists what the default does not: \(some.subtracting(all).sorted())")
        }
        // The review's rows: a quarter found by difference, and a half from its quarters.
        #expect(all.contains("RU-KP 2025-Q1 total  1,267 derived"))
        #expect(all.contains("RU-KP 2025-H2 total  5,946 derived"))
        let table = try Binary.run(["figures", "--flow", "RU-KP", "--from", "2025", "--to", "2025", "--measure", "total"]).stdout
        #expect(table.contains("RU-KP  2025-Q1  total      1,267  *"), "\(table)")
        #expect(table.contains("RU-KP  2025-H2  total      5,946  *"), "\(table)")
    }

    /// A URL too wide beside its label is alone on the next line, whole; every other line fits.
    @Test func aSourcesURLIsWholeOnALineOfItsOwn() throws {
        let url = "https://nknews.org/2023/10/number-of-north-koreans-entering-russia-surges-in-first-half-of-2023-data"
        let text = try onTerminal(["sources", "nknews-2023-10"], columns: 60)
        let lines = text.split(separator: "\n").map(String.init)
        let at = try #require(lines.firstIndex(of: url), "\(text)")
        #expect(lines[at - 1] == "URL", "\(text)")
        for line in lines where line != url { #expect(displayWidth(line) <= 60, "\(line)") }
        // Beside its label where it fits.
        let wide = try onTerminal(["sources", "nknews-2023-10"], columns: 140)
        #expect(wide.contains("URL              " + url + "\n"), "\(wide)")
    }

    @Test func theImportSummaryFitsANarrowTerminal() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-import-narrow-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let input = dir + "/a-long-folder-name-for-the-compilation/Russia_in_master.csv"
        try FileManager.default.createDirectory(atPath: (input as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let rows = ["ENG,Trans,Type,Value,ISO_A2,ISO_A3,M49,Date", "\"Korea, DR\",Air,In,\"1,239\",KP,PRK,408,3/31/2010"]
        try Data((rows.joined(separator: "\r\n") + "\r\n").utf8).write(to: URL(fileURLWithPath: input))
        let text = try onTerminal(["import", "russia-in-out", input, "--into", dir + "/pkg"], columns: 30)
        let table = text.components(separatedBy: "\nwrote ")[0]
        for line in table.split(separator: "\n") { #expect(displayWidth(String(line)) <= 30, "\(line)\n\(text)") }
        #expect(table.contains("1"), "\(text)")
        #expect(text.contains("Russia_in_master.csv"), "\(text)")
    }
}
